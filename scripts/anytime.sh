#!/usr/bin/env bash
# Runs the native test suite (build/native-debug, already built by `make test`) with the
# machine's clock moved by libfaketime to instants where calendar bugs hide, in CST:
#   00:00:30 on 1 January, 09:59 on the 1st of a month (before a claim window opens),
#   23:59:50 on a Sunday (the run crosses midnight into Monday), and 29 February.
# Tests never read the wall clock, so each run must pass. Usage: scripts/anytime.sh [ctest args]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
command -v faketime >/dev/null || die "faketime is missing: apt-get install faketime"
[ -f "$root/build/native-debug/CTestTestfile.cmake" ] || die "build the suite first: make test"
# The same instants in UTC (faketime reads them in TZ=UTC); the clock runs on from each.
instants=(
  "2026-12-31 16:00:30|00:00:30 CST, 1 January 2027"
  "2027-02-01 01:59:00|09:59 CST, 1 February 2027"
  "2026-12-06 15:59:50|23:59:50 CST, Sunday 6 December 2026"
  "2028-02-29 04:00:00|12:00 CST, 29 February 2028"
)
failed=()
for entry in "${instants[@]}"; do
  at=${entry%%|*} what=${entry#*|}
  say "the suite at $what"
  if ! (cd "$root/build/native-debug" && TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 \
        ASAN_OPTIONS=verify_asan_link_order=0 faketime -f "@$at" ctest --output-on-failure "$@"); then
    failed+=("$what")
  fi
done
[ ${#failed[@]} -eq 0 ] || die "failed at: ${failed[*]}"
say "the suite passed at every instant"
