// Native side of `make bench-stations`: prints the workload's timings as JSON.
// Usage: stations_bench [reps=5] [seed=42]
#include <cstdio>
#include <cstdlib>

#include "bench/stations_workload.h"

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::atoi(argv[1]) : 5;
  const auto seed = static_cast<std::uint32_t>(argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 42);
  std::puts(hg::bench::run_station_bench(reps, seed).c_str());
  return 0;
}
