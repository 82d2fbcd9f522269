#!/bin/sh
# The health-check rush (`make bench-bookings`): 2,000 places (40 time windows × 50) released
# at once to 20,000 eligible members over 1,000 concurrent keep-alive connections on
# loopback, against the real huigong-server binary (--quiet, SQLite synchronous=FULL).
# Each member holds their chosen window (joining its waitlist when full) and confirms a held
# place. Afterwards the database is checked against what the clients were told: every
# acknowledged confirmation by booking id (and no confirmed booking nobody was told of),
# double bookings, and waitlist positions against the server's acceptance order (see
# bookings_setup.cpp).
# Exits 1 on any violation or a p99 over P99_MAX ms (100); the last line is the verdict
# and its cross-checks.
# Usage: bench/bookings.sh BUILD_DIR   (default build/native-release)
RUSH=bookings
. "$(dirname "$0")/rush_server.sh"
PLACES=${PLACES:-2000}
MEMBERS=${MEMBERS:-20000}
P99_MAX=${P99_MAX:-100}

echo "[bench-bookings] setting up $MEMBERS members and $PLACES places"
"$SETUP" init "$WORK/rush.db" "$MEMBERS" "$PLACES" "$WORK/tokens" >/dev/null

start_server "$WORK/rush.db"
step load LOAD "$LOAD" "$PORT" "$CONNS" "$WORK/tokens" "$WORK/results"
set -- $REPLY
REQUESTS=$1 FAILED_REQ=$2 P50=$3 P99=$4 RATE=$5 HELD=$6 CONFIRMED=$7 WAITLISTED=$8
echo "rush: $REQUESTS requests ($FAILED_REQ failed), $RATE req/s, p50 $P50 ms, p99 $P99 ms;" \
     "$HELD held, $CONFIRMED confirmed, $WAITLISTED waitlisted"
stop_server
[ "$STATUS" -eq 0 ] || fail "load generator exited $STATUS"
[ "$FAILED_REQ" -eq 0 ] || fail "$FAILED_REQ requests failed"
[ "$((HELD + WAITLISTED))" -eq "$MEMBERS" ] || fail "$HELD held + $WAITLISTED waitlisted != $MEMBERS members"
[ "$CONFIRMED" -eq "$HELD" ] || fail "$CONFIRMED of $HELD held places confirmed"

step verify VERIFY "$SETUP" verify "$WORK/rush.db" "$PLACES" "$WORK/results"
grep '^verify' "$WORK/verify.out" || true
set -- $REPLY
N=$1 K=$2 ORDER=$3 DB_WAITLISTED=$4 ACKED=$8 TWICE=$9
shift 9
LOST=$1 UNACKED=$2
[ "$N" -eq "$PLACES" ] || fail "confirmed $N of $PLACES places"
[ "$ACKED" -eq "$CONFIRMED" ] || fail "$ACKED confirmations recorded, the load counted $CONFIRMED"
[ "$TWICE" -eq 0 ] || fail "$TWICE booking ids acknowledged twice"
[ "$LOST" -eq 0 ] || fail "$LOST acknowledged confirmations missing from the database"
[ "$UNACKED" -eq 0 ] || fail "$UNACKED confirmed bookings nobody was told of"
[ "$K" -eq 0 ] || fail "double-booked $K"
[ "$ORDER" = yes ] || fail "waitlist out of order"
[ "$DB_WAITLISTED" -eq "$WAITLISTED" ] || fail "waitlisted: $DB_WAITLISTED in the database, $WAITLISTED told"
[ "$STATUS" -eq 0 ] || fail "verify exited $STATUS"
P99_INT=$(printf '%.0f' "$P99")
awk "BEGIN { exit !($P99 <= $P99_MAX) }" || fail "p99 $P99 ms over $P99_MAX ms"

SUMMARY="confirmed $N/$PLACES (by id: $ACKED acknowledged, $LOST lost, $UNACKED unacknowledged), double-booked $K, \
waitlisted $DB_WAITLISTED/$WAITLISTED in order $ORDER, p99 $P99_INT ms (limit $P99_MAX)"
if [ -n "$FAILED" ]; then
  echo "bookings: FAIL ($FAILED) — $SUMMARY"
  exit 1
fi
echo "bookings: PASS — $SUMMARY"
