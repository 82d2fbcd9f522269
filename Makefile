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

.PHONY: run test test-anytime bootstrap web server desktop bench-size bench-stations bench-snapshot bench-map bench-bookings bench-claims bench-idle clean distclean help

help:
	@echo "make run          build and serve the app on http://$(ADDR):$(PORT) with demo data"
	@echo "make test         build native + wasm and run every test"
	@echo "make test-anytime the suite again at calendar edges (New Year, the 1st, Sunday midnight, 29 Feb)"
	@echo "make desktop      build the desktop client (build/native-release/native/huigong-desktop)"
	@echo "make bench-size   download sizes and time to first frame"
	@echo "make bench-stations  station map: JS peers vs our wasm vs native (SEED=<n>, REPS=<n>, ROUNDS=<n>)"
	@echo "make bench-snapshot  station snapshot size: Fujian + 150,000 national, raw/gzip vs cereal and JSON"
	@echo "make bench-map    station map frame CPU ms, 150,000 stations, zooms 3-16 (native + wasm)"
	@echo "make bench-bookings  health-check rush: 2,000 places, 20,000 members, 1,000 connections"
	@echo "make bench-idle   CPU of a minute idle on the home screen, web and desktop, vs drawing every frame"
	@echo "make bench-claims coupon rush: 20,000 coupons, 100,000 members, 1,000 connections, kill -9 mid-rush"
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

# Download sizes and first frame against their budgets (bench/size.mjs); fails when one is over.
# The built suite again with the machine's clock moved by faketime to New Year, 09:59 on
# the 1st, Sunday 23:59:50 and 29 February (CI runs it after `make test`).
test-anytime: test
	@scripts/anytime.sh -j2

bench-size: web server
	@node bench/size.mjs build/wasm-release/site build/native-release/server/huigong-server

# Station map: kdbush/geokdbush/flatbush/supercluster vs our core in wasm (same Node
# process, built with the shipped client's flags) and native, on the same seeded input;
# every result compared with the peers' by hash; fails unless wasm >= 2x and native >= 4x
# the best peer on every operation and every result is identical.
REPS ?= 5
ROUNDS ?= 3
bench-stations: bootstrap
	@cmake --preset native-release >/dev/null
	@cmake --build --preset native-release --target stations_bench stations_bench_wasm stations_js_peers
	@cd build/native-release/bench && node --no-experimental-fetch $(CURDIR)/bench/stations_bench.mjs \
	  js-peers wasm/stations_wasm.cjs stations_bench $(REPS) $(SEED) $(ROUNDS) $(CURDIR)/build/wasm-release/compile_commands.json

# Station snapshot bytes on the wire (Fujian demo and 150,000 national; ours vs cereal/JSON,
# raw and gzip); fails when the national gzip snapshot is over 3 MB.
bench-snapshot: bootstrap
	@cmake --preset native-release >/dev/null
	@cmake --build --preset native-release --target station_snapshot_size
	@build/native-release/bench/station_snapshot_size $(SEED)

# Station map: CPU time of one map frame with the 150,000-station national set at zooms
# 3-16 (median / p95 ms), our native build and our wasm under Node; budget 4 ms in wasm.
bench-map: bootstrap
	@cmake --preset native-release >/dev/null
	@cmake --build --preset native-release --target map_frame map_frame_wasm huigong_font
	@echo "[huigong] map frame, native"
	@build/native-release/bench/map_frame build/native-release/font/huigong-ui.ttf
	@echo "[huigong] map frame, wasm (node)"
	@cd build/native-release/bench && node --no-experimental-fetch map_frame_wasm.cjs ../font/huigong-ui.ttf

# Health-check rush: 2,000 places to 20,000 members over 1,000 connections against the
# release server; fails on any confirmation not matching the database by id, a double
# booking, a waitlist out of order or p99 over 100 ms; the last line is the verdict.
# BOOKINGS_BUILD picks another build dir.
BOOKINGS_BUILD ?= build/native-release
bench-bookings: bootstrap
	@if [ "$(BOOKINGS_BUILD)" = build/native-release ]; then cmake --preset native-release >/dev/null; \
	  else cmake -S . -B $(BOOKINGS_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null; fi
	@cmake --build $(BOOKINGS_BUILD) --target huigong_server bookings_setup bookings_load
	@bench/bookings.sh $(BOOKINGS_BUILD)

# Coupon rush against the real server binary (synchronous=FULL): claims/s and p50/p99
# until sold out, ratio to /api/v1/health at the same 1,000 connections, then a
# kill -9 mid-rush and a check that every acknowledged claim survived (bench/claims.sh).
# Fails on an oversold, lost or unbalanced coupon, a kill that never fired or a failed verify.
bench-claims: bootstrap
	@cmake --preset native-release >/dev/null
	@cmake --build --preset native-release --target huigong_server claims_setup claims_load
	@bench/claims.sh build/native-release

# A minute idle on the home screen, browser and desktop, each against the same client
# drawing every frame (bench/idle_cpu.mjs); fails unless each uses at least 10x less CPU.
bench-idle: web server desktop
	@node bench/idle_cpu.mjs build/wasm-release/site build/native-release/server/huigong-server \
	  build/native-release/native/huigong-desktop

clean:
	rm -rf build
