// The station-map benchmark's workload, shared by the native bench and its wasm build:
// the same mulberry32 streams as ../shared/bench/js-peers.mjs (150,000 points, 10,000
// queries, 1,000 viewports), the same operations, and the same check values, so each
// result can be compared with the JS peers' from the same run.
#pragma once
#include <cstdint>
#include <string>

namespace hg::bench {

// Runs every operation `reps` times and returns JSON in js-peers.mjs's shape:
// {"reps":…,"seed":…,"results":{"<op>":{"first_ms":…,"median_ms":…,"min_ms":…,"check":…}}}
std::string run_station_bench(int reps, std::uint32_t seed);

}  // namespace hg::bench
