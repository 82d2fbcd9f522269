#include "core/money.h"

#include <cstdlib>

namespace hg {

std::string format_yuan(Fen fen, bool grouped) {
  const bool negative = fen < 0;
  // Work in unsigned so that INT64_MIN does not overflow on negation.
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string yuan = std::to_string(magnitude / 100);
  if (grouped)
    for (int i = static_cast<int>(yuan.size()) - 3; i > 0; i -= 3) yuan.insert(static_cast<size_t>(i), ",");
  const unsigned cents = static_cast<unsigned>(magnitude % 100);
  std::string out = negative ? "-¥" : "¥";
  out += yuan;
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

std::optional<Fen> parse_yuan(std::string_view s) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  s = trim(s);
  for (std::string_view sign : {std::string_view("¥"), std::string_view("￥")})
    if (s.substr(0, sign.size()) == sign) s = trim(s.substr(sign.size()));
  if (s.empty()) return std::nullopt;
  constexpr Fen kMaxFen = 1'000'000'000'000;  // ¥10 billion
  Fen yuan = 0;
  int digits = 0;
  int group = -1;  // digits since the last ',' (-1: none yet); each ',' must start a group of three
  size_t i = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] == ',') {
      if (digits == 0 || (group >= 0 && group != 3)) return std::nullopt;
      group = 0;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    yuan = yuan * 10 + (s[i] - '0');
    if (yuan * 100 > kMaxFen) return std::nullopt;
    ++digits;
    if (group >= 0) ++group;
  }
  if (group >= 0 && group != 3) return std::nullopt;
  Fen cents = 0;
  if (i < s.size()) {  // s[i] == '.'
    std::string_view frac = s.substr(i + 1);
    if (frac.size() > 2) return std::nullopt;
    for (char c : frac) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    if (frac.empty()) return std::nullopt;  // "12." is cut off or a typo
    if (frac.size() >= 1) cents += (frac[0] - '0') * 10;
    if (frac.size() == 2) cents += frac[1] - '0';
  } else if (digits == 0) {
    return std::nullopt;
  }
  const Fen total = yuan * 100 + cents;
  if (total > kMaxFen) return std::nullopt;
  return total;
}

}  // namespace hg
