#include "core/ids.h"

namespace hg {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::int64_t kEpochMs = 1704067200000;  // 2024-01-01T00:00:00Z

int decode(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  for (int i = 0; i < 32; ++i)
    if (kAlphabet[i] == c) return i;
  return -1;
}
}  // namespace

std::string id_to_string(Id id) {
  std::string out(13, '0');
  for (int i = 12; i >= 0; --i, id >>= 5) out[static_cast<size_t>(i)] = kAlphabet[id & 31];
  return out;
}

std::optional<Id> id_from_string(std::string_view s) {
  if (s.size() != 13) return std::nullopt;
  Id id = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const int v = decode(s[i]);
    if (v < 0) return std::nullopt;
    if (i == 0 && v > 15) return std::nullopt;  // 13 × 5 = 65 bits: the top one must be 0
    id = (id << 5) | static_cast<Id>(v);
  }
  return id;
}

std::uint64_t IdGenerator::random() {  // splitmix64
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

Id IdGenerator::next(std::int64_t unix_ms) {
  std::int64_t ms = unix_ms - kEpochMs;
  if (ms < 0) ms = 0;
  if (ms <= last_ms_) {
    ms = last_ms_;
    if (++counter_ >= (1u << 22)) {  // exhausted this millisecond: borrow the next one
      ms = ++last_ms_;
      counter_ = static_cast<std::uint32_t>(random() & ((1u << 21) - 1));
    }
  } else {
    last_ms_ = ms;
    counter_ = static_cast<std::uint32_t>(random() & ((1u << 21) - 1));  // leave headroom to count up
  }
  return (static_cast<Id>(ms) << 22) | counter_;
}

}  // namespace hg
