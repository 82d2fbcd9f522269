# Sourced by the rush benchmarks (claims.sh, bookings.sh): the build's binaries, a scratch
# folder, the real huigong-server started on a free port, stopped (and the folder removed)
# on exit, and the fail / die / step helpers that collect a benchmark's violations.
# Needs RUSH (claims or bookings: names the folder and bench/<RUSH>_setup, bench/<RUSH>_load);
# the script's $1 is the build folder (default build/native-release); TMPDIR picks the
# scratch folder's filesystem (default /tmp).
set -eu
BUILD=${1:-build/native-release}
BIN=$BUILD/server/huigong-server
SETUP=$BUILD/bench/${RUSH}_setup
LOAD=$BUILD/bench/${RUSH}_load
CONNS=${CONNS:-1000}  # concurrent keep-alive connections of the load generator
WORK=$(mktemp -d "${TMPDIR:-/tmp}/huigong-$RUSH.XXXXXX")
ulimit -n 16384 2>/dev/null || true
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

start_server() {  # $1 = database; sets SERVER_PID and PORT
  rm -f "$WORK/server.out"  # else the wait below may read the previous server's line
  "$BIN" --db "$1" --port 0 --quiet > "$WORK/server.out" 2> "$WORK/server.err" &
  SERVER_PID=$!
  i=0
  while ! grep -q "listening on" "$WORK/server.out" 2>/dev/null; do
    i=$((i + 1)); [ $i -gt 200 ] && { cat "$WORK/server.err"; exit 1; }
    sleep 0.05
  done
  PORT=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$WORK/server.out" | head -1)
  [ -n "$PORT" ] || { echo "no port in:"; cat "$WORK/server.out" "$WORK/server.err"; exit 1; }
}
stop_server() { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

FAILED=
fail() { FAILED="$FAILED${FAILED:+; }$1"; echo "[bench-$RUSH] FAIL: $1"; }
die() { fail "$1"; echo "$RUSH: FAIL ($FAILED)"; exit 1; }

# step NAME KEY COMMAND…: runs COMMAND with its output in $WORK/NAME.out; STATUS = its exit
# status, REPLY = the fields of its last "KEY …" line (a step without one cannot be judged).
step() {
  name=$1 key=$2
  shift 2
  if "$@" > "$WORK/$name.out"; then STATUS=0; else STATUS=$?; fi
  REPLY=$(sed -n "s/^$key //p" "$WORK/$name.out" | tail -n 1)
  [ -n "$REPLY" ] || { cat "$WORK/$name.out"; die "$name printed no $key line (exit $STATUS)"; }
}
