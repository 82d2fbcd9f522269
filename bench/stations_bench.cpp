// Native side of `make bench-stations`: prints the workload's timings as JSON, one line.
// Usage: stations_bench [reps=5] [seed=42] [rounds=1]
// With several rounds it runs one per line read from stdin, so the driver can interleave
// them with the JS peers' and the wasm's rounds while this process (like theirs) stays up.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench/stations_workload.h"

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::atoi(argv[1]) : 5;
  const auto seed = static_cast<std::uint32_t>(argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 42);
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 1;
  std::string line;
  for (int r = 0; r < rounds; r++) {
    if (rounds > 1 && !std::getline(std::cin, line)) return 1;
    std::puts(hg::bench::run_station_bench(reps, seed).c_str());
    std::fflush(stdout);
  }
  return 0;
}
