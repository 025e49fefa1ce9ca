#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs every cmocka unit test binary; fails when any fails.
status=0
for t in "$@"; do
    "$t" || status=1
done
exit $status
