// Money is integer fen (分): 1 yuan = 100 fen. Never floating point, so a sum of
// redemptions equals the settlement total to the fen.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hg {

using Fen = std::int64_t;

// "¥12.50", "-¥0.05", "¥1,234,567.00" with thousands separators when `grouped`.
std::string format_yuan(Fen fen, bool grouped = false);

// Parses what a person types for an amount: "12", "12.5", "12.50", "¥12.50", "1,234.5".
// Rejects more than two decimals, a trailing point ("12."), commas that are not thousands
// separators ("12,5" is ¥12.50 on some keyboards, not ¥125), signs, empty input and amounts
// above ¥10 billion: a typo must not silently round.
std::optional<Fen> parse_yuan(std::string_view text);

}  // namespace hg
