// The station-map benchmark's workload, shared by the native bench and its wasm build:
// the same mulberry32 streams as ../shared/bench/js-peers.mjs (150,000 points, 10,000
// queries, 1,000 viewports) and the same operations, each result hashed (stations_checks.h)
// to be compared with the JS peers' on the same input.
#pragma once
#include <cstdint>
#include <string>

namespace hg::bench {

// Runs every operation `reps` times, then checks its result once, and returns JSON:
// {"reps":…,"seed":…,"results":{"<op>":{"median_ms":…,"sink":…,"check":<hash>,
//  "ms":[each run],"items":[per query, zoom or viewport]}}}
std::string run_station_bench(int reps, std::uint32_t seed);

}  // namespace hg::bench
