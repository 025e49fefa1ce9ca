#!/bin/sh
# SPDX-License-Identifier: MIT
# Checks the build dependencies; installs the missing ones with apt-get when
# it may (root, or sudo without a password), else prints the command and fails.
missing=""
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing="$missing gcc"
command -v flex >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists libpcre2-8 || missing="$missing libpcre2-dev"
    pkg-config --exists cmocka || missing="$missing libcmocka-dev"
    # libyaml reads the Route 53 / octoDNS / Cloud DNS exports (src/input/exports/)
    pkg-config --exists yaml-0.1 || missing="$missing libyaml-dev"
    # jansson reads the SES identity JSON (--ses-identity, src/xcheck/ses_identity.c)
    pkg-config --exists jansson || missing="$missing libjansson-dev"
    # ldns makes every query of zonelint verify (src/verify/)
    pkg-config --exists ldns || pkg-config --exists libldns || missing="$missing libldns-dev"
    # libpsl: public suffixes for target-relative-external (rules/target_relative_external.c)
    pkg-config --exists libpsl || missing="$missing libpsl-dev"
else
    missing="$missing libpcre2-dev libcmocka-dev libyaml-dev libjansson-dev libldns-dev libpsl-dev"
fi
[ -z "$missing" ] && exit 0

cmd="apt-get install -y flex bison libpcre2-dev libcmocka-dev libyaml-dev libjansson-dev libldns-dev libpsl-dev pkg-config"
case "$missing" in *gcc*) cmd="$cmd gcc" ;; esac
if ! command -v apt-get >/dev/null 2>&1; then
    echo "zonelint: missing build dependencies:$missing" >&2
    echo "  on macOS: brew install flex bison pcre2 cmocka libyaml jansson ldns libpsl pkg-config" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
elif command -v sudo >/dev/null 2>&1; then
    echo "zonelint: missing build dependencies:$missing" >&2
    echo "  run: sudo apt-get update && sudo $cmd" >&2
    exit 1
else
    echo "zonelint: missing build dependencies:$missing" >&2
    echo "  run as root (there is no sudo here): apt-get update && $cmd" >&2
    exit 1
fi
echo "zonelint: installing build dependencies:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null && $SUDO $cmd >/dev/null || {
    echo "zonelint: apt-get failed; run: ${SUDO:+sudo }apt-get update && ${SUDO:+sudo }$cmd" >&2
    exit 1
}
