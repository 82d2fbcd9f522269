#include "core/bookings/pickup_code.h"

#include <cstdio>

namespace hg {

std::optional<std::string> make_pickup_code(const RandomSource& random, const std::set<std::string>& taken) {
  constexpr std::uint32_t kCodes = 1'000'000;
  constexpr std::uint32_t kLimit = (0xFFFFFFFFu / kCodes) * kCodes;  // largest multiple of 10^6 that fits
  constexpr int kMaxDraws = 64;
  for (int i = 0; i < kMaxDraws; ++i) {
    const std::uint32_t r = random();
    if (r >= kLimit) continue;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", static_cast<unsigned>(r % kCodes));
    if (!taken.count(buf)) return std::string(buf);
  }
  return std::nullopt;
}

}  // namespace hg
