#!/bin/sh
# SPDX-License-Identifier: MIT
# zonelint verify against real name servers on loopback (no mocks).
#
# Starts NSD (or Knot when NSD is missing, or ZL_VERIFY_SERVER=knot) on
# 127.0.0.2-4 and 127.0.0.9-10 with a test port, each with its own config
# and zone files (servers/<name>/) in a temporary directory, plus a server
# that never answers on 127.0.0.8 ($SILENT, tests/verify/silent.c); runs
# every case in cases/ (args, expected.out, expected.rc, as in tests/cli,
# run in zones/ where the files they name are; @PORT@ stands for the port)
# and stops everything on exit, failure
# included. Skips with a message when neither nsd nor knotd is installed.
# UPDATE=1 rewrites the expected files; ZL_VERIFY_HOLD=SECONDS only starts the
# servers and keeps them up that long, to try things by hand; ZL_VERIFY_PORT
# fixes the port.
#
#   127.0.0.9   the root zone "."  (a private root for the walk)
#   127.0.0.10  test.              (the parent of every scenario domain)
#   127.0.0.2   servers/a/         127.0.0.3  servers/b/    127.0.0.4  servers/c/
#   ::1         servers/d/         (when this machine has IPv6 on lo; cases
#                                   with a "requires" file naming ipv6 skip otherwise)
#   127.0.0.8   silent
set -u
: "${ZONELINT:?set ZONELINT to the zonelint binary}"
: "${SILENT:?set SILENT to the verify-silent helper}"
case "$ZONELINT" in /*) ;; *) ZONELINT="$(pwd)/$ZONELINT" ;; esac
case "$SILENT" in /*) ;; *) SILENT="$(pwd)/$SILENT" ;; esac
here=$(cd "$(dirname "$0")" && pwd)

kind=${ZL_VERIFY_SERVER:-auto}
if [ "$kind" = auto ]; then
    if command -v nsd >/dev/null 2>&1 || [ -x /usr/sbin/nsd ]; then kind=nsd
    elif command -v knotd >/dev/null 2>&1 || [ -x /usr/sbin/knotd ]; then kind=knot
    else
        echo "verify: skipped: neither nsd nor knotd is installed (apt-get install nsd)"
        exit 0
    fi
fi
PATH="$PATH:/usr/sbin:/sbin"

tmp=$(mktemp -d)
pids=""
watchdog=""
stop_all() {
    [ -n "$watchdog" ] && kill "$watchdog" 2>/dev/null
    for p in $pids; do kill "$p" 2>/dev/null; done
    for p in $pids $watchdog; do wait "$p" 2>/dev/null; done
    pids=""
    watchdog=""
}
trap 'stop_all; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

# The zones of a server folder: NAME.zone serves NAME ("root.zone": ".").
zones_of() {
    for f in "$here/servers/$1"/*.zone; do
        z=$(basename "$f" .zone)
        [ "$z" = root ] && z=.
        echo "$z $f"
    done
}

start_nsd() { # name addr port
    d="$tmp/$1"
    mkdir -p "$d"
    {
        echo "server:"
        echo "    ip-address: $2"
        echo "    port: $3"
        echo "    username: \"\""
        echo "    chroot: \"\""
        echo "    zonesdir: \"$d\""
        echo "    pidfile: \"$d/nsd.pid\""
        echo "    database: \"\""
        echo "    zonelistfile: \"$d/zone.list\""
        echo "    xfrdfile: \"$d/xfrd.state\""
        echo "    xfrdir: \"$d\""
        echo "    logfile: \"$d/log\""
        echo "    server-count: 1"
        echo "    verbosity: 1"
        case "$2" in *:*) echo "    do-ip4: no" ;; *) echo "    do-ip6: no" ;; esac
        echo "    hide-version: yes"
        echo "remote-control:"
        echo "    control-enable: no"
        zones_of "$1" | while read -r z f; do
            echo "zone:"
            echo "    name: \"$z\""
            echo "    zonefile: \"$f\""
        done
    } >"$d/nsd.conf"
    nsd -d -c "$d/nsd.conf" >"$d/out" 2>&1 &
    pids="$pids $!"
    echo "$!" >"$d/pid"
}

start_knot() { # name addr port
    d="$tmp/$1"
    mkdir -p "$d/db"
    {
        echo "server:"
        echo "    rundir: \"$d\""
        echo "    listen: \"$2@$3\""
        echo "database:"
        echo "    storage: \"$d/db\""
        echo "log:"
        echo "  - target: \"$d/log\""
        echo "    any: info"
        echo "template:"
        echo "  - id: default"
        echo "    storage: \"$d\""
        echo "    journal-content: none"
        echo "    zonefile-sync: -1"
        echo "zone:"
        zones_of "$1" | while read -r z f; do
            echo "  - domain: \"$z\""
            echo "    file: \"$f\""
        done
    } >"$d/knot.conf"
    knotd -c "$d/knot.conf" >"$d/out" 2>&1 &
    pids="$pids $!"
    echo "$!" >"$d/pid"
}

ready() { # name: the server logged that it serves
    d="$tmp/$1"
    i=0
    while [ $i -lt 250 ]; do
        if [ "$kind" = nsd ]; then grep -q "nsd started" "$d/log" 2>/dev/null && return 0
        else grep -q "server started" "$d/log" 2>/dev/null && return 0; fi
        kill -0 "$(cat "$d/pid")" 2>/dev/null || return 1
        sleep 0.02
        i=$((i + 1))
    done
    return 1
}

# IPv6 on the loopback interface (often disabled in containers).
ipv6=0
if [ "$(cat /proc/sys/net/ipv6/conf/lo/disable_ipv6 2>/dev/null)" = 0 ] &&
    grep -q '^0\{31\}1 ' /proc/net/if_inet6 2>/dev/null; then
    ipv6=1
fi

start_everything() { # port
    rm -f "$tmp/silent.ready"
    servers="root parent a b c"
    for s in "root 127.0.0.9" "parent 127.0.0.10" "a 127.0.0.2" "b 127.0.0.3" "c 127.0.0.4"; do
        set -- $s
        "start_$kind" "$1" "$2" "$port"
    done
    if [ $ipv6 = 1 ]; then
        "start_$kind" d ::1 "$port"
        servers="$servers d"
    fi
    "$SILENT" 127.0.0.8 "$port" "$tmp/silent.ready" 120 &
    pids="$pids $!"
    for s in $servers; do
        ready "$s" || { echo "verify: $kind for '$s' did not start on port $port:"; tail -n 5 "$tmp/$s/log" "$tmp/$s/out" 2>/dev/null; return 1; }
    done
    i=0
    while [ ! -f "$tmp/silent.ready" ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
    [ -f "$tmp/silent.ready" ]
}

# A port nobody else on this machine is likely to use; another on a clash.
started=0
for try in 1 2 3; do
    port=${ZL_VERIFY_PORT:-$((20000 + ($$ * 7 + try * 1009) % 40000))}
    if start_everything; then started=1; break; fi
    stop_all
done
if [ $started = 0 ]; then
    echo "verify: FAIL: could not start the test name servers ($kind)"
    exit 1
fi
# Should this script be killed outright (no trap runs), the servers go too.
self=$$
(
    while kill -0 "$self" 2>/dev/null; do sleep 1; done
    for p in $pids; do kill "$p" 2>/dev/null; done
    rm -rf "$tmp"
) >/dev/null 2>&1 &
watchdog=$!

# ZL_VERIFY_HOLD=SECONDS: keep the servers up that long to try things by hand.
if [ -n "${ZL_VERIFY_HOLD:-}" ]; then
    v6=""
    [ $ipv6 = 1 ] && v6=", ::1"
    echo "verify: $kind servers up on port $port for ${ZL_VERIFY_HOLD} s (127.0.0.2-4$v6, .8 silent, .9 root, .10 test.)"
    sleep "$ZL_VERIFY_HOLD" &
    wait $! # interruptible: a signal ends the hold and the trap stops the servers
    exit 0
fi

t0=$(date +%s.%N)
pass=0
fail=0
for dir in "$here"/cases/*/; do
    name=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    if grep -q ipv6 "$dir/requires" 2>/dev/null && [ $ipv6 = 0 ]; then
        echo "verify: $name skipped (no IPv6 on the loopback interface)"
        continue
    fi
    args=$(sed "s/@PORT@/$port/g" "$dir/args")
    (cd "$here/zones" && eval "\"\$ZONELINT\" $args" </dev/null >"$tmp/out" 2>"$tmp/err")
    rc=$?
    for f in out err; do
        sed -e "s/\([^0-9]\)$port\([^0-9]\)/\1@PORT@\2/g" -e "s/\([^0-9]\)$port\$/\1@PORT@/" \
            -e "s|$here/zones/|@ZONES@/|g" "$tmp/$f" >"$tmp/$f.n" && mv "$tmp/$f.n" "$tmp/$f"
    done
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$tmp/out" "$dir/expected.out"
        [ -f "$dir/expected.err" ] && cp "$tmp/err" "$dir/expected.err"
        echo "$rc" >"$dir/expected.rc"
    fi
    ok=1
    want_rc=$(cat "$dir/expected.rc" 2>/dev/null || echo missing)
    if [ "$rc" != "$want_rc" ]; then
        echo "FAIL verify/$name: exit status $rc, expected $want_rc"
        ok=0
    fi
    if ! cmp -s "$tmp/out" "$dir/expected.out"; then
        echo "FAIL verify/$name: stdout differs:"
        diff "$dir/expected.out" "$tmp/out" | head -20
        ok=0
    fi
    if [ -f "$dir/expected.err" ] && ! cmp -s "$tmp/err" "$dir/expected.err"; then
        echo "FAIL verify/$name: stderr differs:"
        diff "$dir/expected.err" "$tmp/err" | head -20
        ok=0
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done

# No network at all: a network namespace with nothing up (not even lo).
# Every send fails at once, so the run must end long before one --timeout
# (10 s) could pass, valgrind's slow start included. unshare -rn needs user
# namespaces; skipped where they are not allowed.
if unshare -rn true 2>/dev/null; then
    s0=$(date +%s)
    unshare -rn "$ZONELINT" verify --timeout 10 --retries 2 example.com >"$tmp/out" 2>"$tmp/err"
    rc=$?
    s1=$(date +%s)
    if [ $rc = 2 ] && grep -q "cannot reach the root servers from this machine" "$tmp/err" && [ $((s1 - s0)) -lt 10 ]; then
        pass=$((pass + 1))
    else
        echo "FAIL verify/no-network: exit $rc after $((s1 - s0)) s (expected 2, before any timeout):"
        cat "$tmp/err"
        fail=$((fail + 1))
    fi
else
    echo "verify: no-network case skipped (unshare -rn is not allowed here)"
fi

t1=$(date +%s.%N)
secs=$(echo "$t0 $t1" | awk '{ printf "%.1f", $2 - $1 }')
echo "verify: $pass passed, $fail failed ($kind on port $port, ${secs} s)"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
