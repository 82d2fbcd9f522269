#!/bin/sh
# The monthly rush (`make bench-claims`): 20,000 coupons, 100,000 distinct members, 1,000
# concurrent keep-alive connections over loopback, the real huigong-server binary with
# synchronous=FULL.
#  1. /api/v1/health rate at the same concurrency (the peer: the same server doing the
#     least work an API request can do, a worker plus one SQLite read), measured just
#     before and just after the rush; the ratio uses their mean, so a shared machine that
#     slows down or speeds up between the two measurements skews it less.
#  2. Rush on a fresh database until sold out: claims/s, p50/p99 latency.
#  3. Rush on another fresh database, kill -9 the server mid-rush, verify, restart it,
#     finish the rush and verify again.
# Every verify (claims_setup verify) checks each acknowledged claim's coupon by id, that
# nothing is oversold, that remaining + issued = stock and claims = coupons.
#
# What the kill proves: a server process that dies at any instant (SIGKILL, no shutdown
# code runs) loses no acknowledged claim and leaves the stock balanced. It does not prove
# durability across a power loss: the OS page cache outlives the process, so a write that
# never reached the disk is still read back after the restart. The database directory's
# filesystem is printed, as it decides what fsync means.
#
# Exits 1 on any violation; the last line is the verdict and its cross-checks.
# Usage: bench/claims.sh BUILD_DIR   (default build/native-release)
RUSH=claims
. "$(dirname "$0")/rush_server.sh"
STOCK=${STOCK:-20000}
MEMBERS=${MEMBERS:-100000}
KILL_AFTER=${KILL_AFTER:-8000}

# check LABEL DB ACKED_FILE: claims_setup verify, each violation a failure; sets V_*.
VERIFIED=0
check() {
  step "verify-$1" VERIFY "$SETUP" verify "$2" "$STOCK" "$3"
  sed -n "s/^verify [^:]*:/verify ($1):/p" "$WORK/verify-$1.out"
  set -- "$1" $REPLY
  V_ACKED=$2 V_LOST=$3 V_TWICE=$4 V_ISSUED=$5 V_COUPONS=$6 V_REMAINING=$7 V_OVERSOLD=$8 V_BALANCED=$9
  [ "$V_OVERSOLD" -eq 0 ] || fail "$1: oversold $V_OVERSOLD"
  [ "$V_LOST" -eq 0 ] || fail "$1: $V_LOST acknowledged claims lost"
  [ "$V_TWICE" -eq 0 ] || fail "$1: $V_TWICE coupons acknowledged twice"
  [ "$((V_REMAINING + V_ISSUED))" -eq "$STOCK" ] || fail "$1: remaining $V_REMAINING + issued $V_ISSUED != $STOCK"
  [ "$V_COUPONS" -eq "$V_ISSUED" ] || fail "$1: $V_COUPONS coupons for $V_ISSUED claims"
  [ "$V_BALANCED" -eq 1 ] || fail "$1: verify reports the stock unbalanced"
  if [ "$STATUS" -eq 0 ]; then VERIFIED=$((VERIFIED + 1)); else fail "$1: verify exited $STATUS"; fi
}

echo "[bench-claims] database directory $WORK on $(stat -f -c %T "$WORK")"
echo "[bench-claims] setting up $MEMBERS members and $STOCK coupons (x2 databases)"
"$SETUP" init "$WORK/a.db" "$MEMBERS" "$STOCK" "$WORK/tokens" >/dev/null
"$SETUP" init "$WORK/b.db" "$MEMBERS" "$STOCK" "$WORK/tokens-b" >/dev/null

start_server "$WORK/a.db"
step health-before HEALTH "$LOAD" health "$PORT" "$CONNS" 3
HEALTH_BEFORE=$REPLY
step rush-a RUSH "$LOAD" rush "$PORT" "$CONNS" "$WORK/tokens" bench-rush "$WORK/acked-a" 0
set -- $REPLY
ACKED=$1 RATE=$2 P50=$3 P99=$4 SOLD_OUT=$6 OTHER=$9
step health-after HEALTH "$LOAD" health "$PORT" "$CONNS" 3
HEALTH_AFTER=$REPLY
HEALTH=$(awk "BEGIN { printf \"%.0f\", ($HEALTH_BEFORE + $HEALTH_AFTER) / 2 }")
echo "health: $HEALTH_BEFORE req/s before the rush, $HEALTH_AFTER after (mean $HEALTH) at $CONNS connections"
echo "rush: $ACKED claims acknowledged, $RATE claims/s, p50 $P50 ms, p99 $P99 ms, sold out seen: $SOLD_OUT"
stop_server
[ "$SOLD_OUT" -eq 1 ] || fail "rush: never answered sold_out"
[ "$OTHER" -eq 0 ] || fail "rush: $OTHER unexpected answers"
check rush "$WORK/a.db" "$WORK/acked-a"
# Nothing crashed here, so every issued coupon was acknowledged and all were issued.
[ "$V_ISSUED" -eq "$STOCK" ] || fail "rush: issued $V_ISSUED of $STOCK"
[ "$V_ACKED" -eq "$V_ISSUED" ] || fail "rush: $V_ACKED acknowledged, $V_ISSUED issued"
ISSUED_A=$V_ISSUED

echo "[bench-claims] crash run: kill -9 after $KILL_AFTER acknowledged claims"
start_server "$WORK/b.db"
step rush-b1 RUSH "$LOAD" rush "$PORT" "$CONNS" "$WORK/tokens-b" bench-rush "$WORK/acked-b" 0 "$SERVER_PID" "$KILL_AFTER"
set -- $REPLY
ACKED_B1=$1 NEXT=$5 KILLED=$7
[ "$KILLED" -eq 1 ] || kill -9 "$SERVER_PID" 2>/dev/null || true  # the rush ended first: a failure below
if wait "$SERVER_PID" 2>/dev/null; then KILL_STATUS=0; else KILL_STATUS=$?; fi
SERVER_PID=
echo "before the kill: $ACKED_B1 claims acknowledged; kill fired: $KILLED, server exit status $KILL_STATUS (137 = SIGKILL)"
[ "$KILLED" -eq 1 ] && [ "$KILL_STATUS" -eq 137 ] || fail "kill -9 never fired (flag $KILLED, server status $KILL_STATUS)"
echo "(what this shows: a server process killed at any instant keeps every acknowledged claim and a balanced" \
     "stock; not power-loss durability, since the OS page cache outlives the process; filesystem $(stat -f -c %T "$WORK"))"
check after-kill "$WORK/b.db" "$WORK/acked-b"
[ "$V_ISSUED" -lt "$STOCK" ] || fail "the kill came after the rush had sold out"
start_server "$WORK/b.db"
step rush-b2 RUSH "$LOAD" rush "$PORT" "$CONNS" "$WORK/tokens-b" bench-rush "$WORK/acked-b" "$NEXT"
set -- $REPLY
ACKED_B2=$1 SOLD_OUT_B=$6 OTHER_B=$9
echo "after the restart: $ACKED_B2 more acknowledged, sold out seen: $SOLD_OUT_B"
stop_server
[ "$SOLD_OUT_B" -eq 1 ] || fail "after the restart: never answered sold_out"
[ "$OTHER_B" -eq 0 ] || fail "after the restart: $OTHER_B unexpected answers"
check after-restart "$WORK/b.db" "$WORK/acked-b"
[ "$V_ISSUED" -eq "$STOCK" ] || fail "after restart: issued $V_ISSUED of $STOCK"
# Claims in flight at the kill may have committed without their answer reaching the client.
echo "crash run: $V_ACKED acknowledged, $V_ISSUED issued ($((V_ISSUED - V_ACKED)) committed but unanswered at the kill)"

RATIO=$(awk "BEGIN { printf \"%.2f\", $RATE / $HEALTH }")
ISSUED=$ISSUED_A
[ "$V_ISSUED" -lt "$ISSUED" ] && ISSUED=$V_ISSUED
SUMMARY="issued $ISSUED/$STOCK, oversold 0, lost 0 of $((ACKED + V_ACKED)) acknowledged, stock balanced, \
kill -9 fired after $ACKED_B1 acks (status $KILL_STATUS), verify $VERIFIED/3 ok; ratio-to-health $RATIO, p99 $P99 ms"
if [ -n "$FAILED" ]; then
  echo "claims: FAIL ($FAILED)"
  exit 1
fi
echo "claims: PASS — $SUMMARY"
