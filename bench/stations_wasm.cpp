// Wasm side of `make bench-stations`: the same workload, exported to the Node driver
// (bench/stations_bench.mjs) that runs the JS peers in the same process.
#include <emscripten/emscripten.h>

#include <string>

#include "bench/stations_workload.h"

extern "C" EMSCRIPTEN_KEEPALIVE const char* stations_bench_json(int reps, unsigned seed) {
  static std::string json;  // lives until the next call; the driver copies it out at once
  json = hg::bench::run_station_bench(reps, seed);
  return json.c_str();
}
