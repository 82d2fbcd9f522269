// Ids: 64-bit, time-ordered (so index order is creation order) and printed as 13
// characters of Crockford base32, which survive being read aloud or typed on a phone:
// no I, L, O or U, and case-insensitive on input.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hg {

using Id = std::uint64_t;

std::string id_to_string(Id id);
std::optional<Id> id_from_string(std::string_view text);

// Makes ids from a clock and a random source supplied by the caller (core does no I/O):
// 42 bits of milliseconds since 2024-01-01 UTC, then 22 bits that are random at the
// start of each millisecond and count up within it, so ids from one generator are
// strictly increasing.
class IdGenerator {
 public:
  explicit IdGenerator(std::uint64_t seed) : state_(seed ? seed : 0x9E3779B97F4A7C15ull) {}
  Id next(std::int64_t unix_ms);

 private:
  std::uint64_t random();
  std::uint64_t state_;
  std::int64_t last_ms_ = -1;
  std::uint32_t counter_ = 0;
};

}  // namespace hg
