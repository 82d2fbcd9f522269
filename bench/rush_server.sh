# Sourced by the rush benchmarks (claims.sh, bookings.sh): a scratch folder and the real
# huigong-server started on a free port, stopped (and the folder removed) on exit.
# Needs BIN (the server binary) and RUSH (names the scratch folder); TMPDIR picks the
# folder's filesystem (default /tmp).
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
