// The seeded random numbers behind every generated data set (data/demo_data.cpp,
// data/station_data.cpp, server/stations/seed.cpp). One copy, so the three cannot drift:
// changing a single draw here would change every demo member, station and check-in.
#pragma once
#include <cstddef>
#include <cstdint>

namespace hg::demo {

// splitmix64: tiny, fast and the same numbers on every machine and standard library. Bounded
// draws use a plain modulo; its bias (< 2^-50 for the small ranges here) does not matter for
// demo data.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  std::int64_t between(std::int64_t lo, std::int64_t hi) {  // inclusive
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return below(100) < percent; }
  // Uniform in [-1, 1) from 53 random bits: plain arithmetic, identical everywhere.
  double unit() { return static_cast<double>(next() >> 11) * (2.0 / 9007199254740992.0) - 1.0; }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(below(static_cast<int>(N)))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace hg::demo
