// Six-digit locker pickup codes. Core has no I/O, so randomness comes from the caller
// (the server passes a CSPRNG; tests pass a fixed sequence).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>

namespace hg {

using RandomSource = std::function<std::uint32_t()>;

// "004271": uniform over 000000–999999 (draws that would bias the low codes are redrawn),
// and not in `taken`. Gives up after a bounded number of draws, so a broken source that
// repeats itself yields nullopt instead of spinning.
std::optional<std::string> make_pickup_code(const RandomSource& random, const std::set<std::string>& taken);

}  // namespace hg
