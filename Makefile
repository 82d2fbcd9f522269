# Huigong 惠工: the two commands a newcomer needs, and a few more.
#   make run    install what is missing, build server + web client, serve http://127.0.0.1:8080
#   make test   build everything (native and wasm) and run every test
# Everything else is CMake presets (CMakePresets.json); this file only strings them together.

PORT ?= 8080
ADDR ?= 127.0.0.1
DB ?= build/huigong.db
SEED ?= 42

export NODE_PATH := /usr/share/nodejs
export EM_FROZEN_CACHE := 1

.PHONY: run test bootstrap web server desktop bench-size bench-stations clean distclean help

help:
	@echo "make run          build and serve the app on http://$(ADDR):$(PORT) with demo data"
	@echo "make test         build native + wasm and run every test"
	@echo "make desktop      build the desktop client (build/native-release/native/huigong-desktop)"
	@echo "make bench-size   download sizes and time to first frame"
	@echo "make bench-stations  station map: JS peers vs our wasm vs native (SEED=<n>, REPS=<n>)"
	@echo "make clean        remove build/ (caches in ~/.cache/huigong stay)"

bootstrap:
	@scripts/bootstrap.sh

web: bootstrap
	@echo "[huigong] building the web client (wasm)"
	@cmake --workflow --preset wasm-release

server: bootstrap
	@echo "[huigong] building the server (native release)"
	@cmake --preset native-release >/dev/null
	@cmake --build --preset native-release --target huigong_server

desktop: bootstrap
	@cmake --preset native-release >/dev/null
	@cmake --build --preset native-release --target huigong_desktop

run: web server
	@echo "[huigong] serving http://$(ADDR):$(PORT) (database $(DB), Ctrl-C to stop)"
	@build/native-release/server/huigong-server --addr $(ADDR) --port $(PORT) --db $(DB) \
	  --site build/wasm-release/site --demo

test: bootstrap
	@echo "[huigong] building the web client (wasm)"
	@cmake --workflow --preset wasm-release
	@echo "[huigong] building native (debug, ASan + UBSan) and running every test"
	@cmake --workflow --preset native-debug

bench-size: web server
	@node bench/size.mjs build/wasm-release/site build/native-release/server/huigong-server

# Station map: kdbush/geokdbush/flatbush/supercluster vs our core in wasm (same Node
# process) and native, on the same seeded input; check values come from the peers.
REPS ?= 5
bench-stations: bootstrap
	@cmake --preset native-release >/dev/null
	@cmake --build --preset native-release --target stations_bench stations_bench_wasm stations_js_peers
	@cd build/native-release/bench && node --no-experimental-fetch $(CURDIR)/bench/stations_bench.mjs \
	  js-peers stations_wasm.cjs stations_bench $(REPS) $(SEED)

clean:
	rm -rf build
