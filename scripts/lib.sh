# Shared helpers for the project's shell scripts: sourced, never run.
# Why a cache outside the tree: SDL2-for-wasm and Debian source packages take minutes to
# fetch and build; a fresh clone (CI) should reuse them, keyed by version.
HUIGONG_CACHE=${HUIGONG_CACHE:-$HOME/.cache/huigong}
export HUIGONG_CACHE
mkdir -p "$HUIGONG_CACHE"

say()  { printf '\033[1;34m[huigong]\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m[huigong]\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31m[huigong]\033[0m %s\n' "$*" >&2; exit 1; }

# Run a long step with its output in a log file, printing a dot every 10 s so it is
# visibly alive, and the log tail if it fails.
run_logged() {
  local log=$1; shift
  ( "$@" ) >"$log" 2>&1 &
  local pid=$! n=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1; n=$((n + 1))
    if [ $((n % 10)) -eq 0 ]; then printf '  … %ds (%s)\n' "$n" "$(tail -c 200 "$log" | tr -d '\r' | tail -n 1 | cut -c1-70)"; fi
  done
  if ! wait "$pid"; then tail -n 40 "$log" >&2; die "failed, full log: $log"; fi
}
