#!/bin/sh
# The monthly rush (`make bench-claims`): 20,000 coupons, 100,000 distinct members, 1,000
# concurrent keep-alive connections over loopback, the real huigong-server binary with
# synchronous=FULL.
#  1. /api/v1/health rate at the same concurrency (the peer: the same server doing the
#     least work an API request can do, a worker plus one SQLite read), measured just
#     before and just after the rush; the ratio uses their mean, so a shared machine that
#     slows down or speeds up between the two measurements skews it less.
#  2. Rush on a fresh database until sold out: claims/s, p50/p99 latency.
#  3. Rush on another fresh database, kill -9 the server mid-rush, restart it, verify
#     every acknowledged claim is there and remaining + issued = 20,000, then finish the
#     rush and verify again.
# Usage: bench/claims.sh BUILD_DIR   (default build/native-release)
set -eu
BUILD=${1:-build/native-release}
BIN=$BUILD/server/huigong-server
SETUP=$BUILD/bench/claims_setup
LOAD=$BUILD/bench/claims_load
STOCK=${STOCK:-20000}
MEMBERS=${MEMBERS:-100000}
CONNS=${CONNS:-1000}
KILL_AFTER=${KILL_AFTER:-8000}
RUSH=claims . "$(dirname "$0")/rush_server.sh"

echo "[bench-claims] setting up $MEMBERS members and $STOCK coupons (x2 databases)"
"$SETUP" init "$WORK/a.db" "$MEMBERS" "$STOCK" "$WORK/tokens" >/dev/null
"$SETUP" init "$WORK/b.db" "$MEMBERS" "$STOCK" "$WORK/tokens-b" >/dev/null

start_server "$WORK/a.db"
HEALTH_BEFORE=$("$LOAD" health "$PORT" "$CONNS" 3 | sed -n 's/^HEALTH //p')
set -- $("$LOAD" rush "$PORT" "$CONNS" "$WORK/tokens" bench-rush "$WORK/acked-a" 0 | sed -n 's/^RUSH //p')
ACKED=$1 RATE=$2 P50=$3 P99=$4
HEALTH_AFTER=$("$LOAD" health "$PORT" "$CONNS" 3 | sed -n 's/^HEALTH //p')
HEALTH=$(awk "BEGIN { printf \"%.0f\", ($HEALTH_BEFORE + $HEALTH_AFTER) / 2 }")
echo "health: $HEALTH_BEFORE req/s before the rush, $HEALTH_AFTER after (mean $HEALTH) at $CONNS connections"
echo "rush: $ACKED claims acknowledged, $RATE claims/s, p50 $P50 ms, p99 $P99 ms"
stop_server
set -- $("$SETUP" verify "$WORK/a.db" "$STOCK" "$WORK/acked-a" | tee /dev/stderr | sed -n 's/^VERIFY //p')
ISSUED_A=$1 OVERSOLD_A=$2 LOST_A=$3

echo "[bench-claims] crash run: kill -9 after $KILL_AFTER acknowledged claims"
start_server "$WORK/b.db"
set -- $("$LOAD" rush "$PORT" "$CONNS" "$WORK/tokens-b" bench-rush "$WORK/acked-b" 0 "$SERVER_PID" "$KILL_AFTER" | sed -n 's/^RUSH //p')
echo "before the kill: $1 claims acknowledged"
NEXT=$5
kill -9 "$SERVER_PID" 2>/dev/null || true  # already dead unless the rush ended before KILL_AFTER
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
"$SETUP" verify "$WORK/b.db" "$STOCK" "$WORK/acked-b" >&2 || true
start_server "$WORK/b.db"
set -- $("$LOAD" rush "$PORT" "$CONNS" "$WORK/tokens-b" bench-rush "$WORK/acked-b" "$NEXT" | sed -n 's/^RUSH //p')
echo "after the restart: $1 more acknowledged, sold out: $6"
stop_server
set -- $("$SETUP" verify "$WORK/b.db" "$STOCK" "$WORK/acked-b" | tee /dev/stderr | sed -n 's/^VERIFY //p')
ISSUED_B=$1 OVERSOLD_B=$2 LOST_B=$3

RATIO=$(awk "BEGIN { printf \"%.2f\", $RATE / $HEALTH }")
OVERSOLD=$((OVERSOLD_A + OVERSOLD_B))
LOST=$((LOST_A + LOST_B))
ISSUED=$ISSUED_A
[ "$ISSUED_B" -lt "$ISSUED" ] && ISSUED=$ISSUED_B
echo "claims: issued $ISSUED/$STOCK, oversold $OVERSOLD, lost $LOST, ratio-to-health $RATIO, p99 $P99 ms"
