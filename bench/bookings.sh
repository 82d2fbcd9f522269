#!/bin/sh
# The health-check rush (`make bench-bookings`): 2,000 places (40 time windows × 50) released
# at once to 20,000 eligible members over 1,000 concurrent keep-alive connections on
# loopback, against the real huigong-server binary (--quiet, SQLite synchronous=FULL).
# Each member holds their chosen window (joining its waitlist when full) and confirms a held
# place. Afterwards the database alone is checked: confirmed places, double bookings, and
# waitlist positions against the server's acceptance order (see bookings_setup.cpp).
# Usage: bench/bookings.sh BUILD_DIR   (default build/native-release)
set -eu
BUILD=${1:-build/native-release}
BIN=$BUILD/server/huigong-server
SETUP=$BUILD/bench/bookings_setup
LOAD=$BUILD/bench/bookings_load
PLACES=${PLACES:-2000}
MEMBERS=${MEMBERS:-20000}
CONNS=${CONNS:-1000}
WORK=$(mktemp -d /tmp/huigong-bookings.XXXXXX)
ulimit -n 16384 2>/dev/null || true
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "[bench-bookings] setting up $MEMBERS members and $PLACES places"
"$SETUP" init "$WORK/rush.db" "$MEMBERS" "$PLACES" "$WORK/tokens" >/dev/null

"$BIN" --db "$WORK/rush.db" --port 0 --quiet > "$WORK/server.out" 2> "$WORK/server.err" &
SERVER_PID=$!
i=0
while ! grep -q "listening on" "$WORK/server.out" 2>/dev/null; do
  i=$((i + 1)); [ $i -gt 200 ] && { cat "$WORK/server.err"; exit 1; }
  sleep 0.05
done
PORT=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$WORK/server.out" | head -1)

set -- $("$LOAD" "$PORT" "$CONNS" "$WORK/tokens" "$WORK/results" | sed -n 's/^LOAD //p')
REQUESTS=$1 FAILED=$2 P50=$3 P99=$4 RATE=$5 HELD=$6 CONFIRMED=$7 WAITLISTED=$8
echo "rush: $REQUESTS requests ($FAILED failed), $RATE req/s, p50 $P50 ms, p99 $P99 ms;" \
     "$HELD held, $CONFIRMED confirmed, $WAITLISTED waitlisted"
kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=

set -- $("$SETUP" verify "$WORK/rush.db" "$PLACES" "$WORK/results" | sed -n 's/^VERIFY //p')
N=$1 K=$2 ORDER=$3
P99_INT=$(printf '%.0f' "$P99")
echo "bookings: confirmed $N/$PLACES, double-booked $K, waitlisted-in-order $ORDER, p99 $P99_INT ms"
