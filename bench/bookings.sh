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
RUSH=bookings . "$(dirname "$0")/rush_server.sh"

echo "[bench-bookings] setting up $MEMBERS members and $PLACES places"
"$SETUP" init "$WORK/rush.db" "$MEMBERS" "$PLACES" "$WORK/tokens" >/dev/null

start_server "$WORK/rush.db"

set -- $("$LOAD" "$PORT" "$CONNS" "$WORK/tokens" "$WORK/results" | sed -n 's/^LOAD //p')
REQUESTS=$1 FAILED=$2 P50=$3 P99=$4 RATE=$5 HELD=$6 CONFIRMED=$7 WAITLISTED=$8
echo "rush: $REQUESTS requests ($FAILED failed), $RATE req/s, p50 $P50 ms, p99 $P99 ms;" \
     "$HELD held, $CONFIRMED confirmed, $WAITLISTED waitlisted"
stop_server

set -- $("$SETUP" verify "$WORK/rush.db" "$PLACES" "$WORK/results" | sed -n 's/^VERIFY //p')
N=$1 K=$2 ORDER=$3
P99_INT=$(printf '%.0f' "$P99")
echo "bookings: confirmed $N/$PLACES, double-booked $K, waitlisted-in-order $ORDER, p99 $P99_INT ms"
