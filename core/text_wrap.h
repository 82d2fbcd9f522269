// Line breaking for mixed Chinese and Latin text. Chinese has no spaces: a line may break
// between any two hanzi, but not before closing punctuation (，。、！？）》” …) nor after
// opening punctuation (（《“ …) — the basic 禁则 rules. Latin words break at spaces only,
// unless a single word is wider than the line. Measuring is the caller's (the UI's font).
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace hg {

// Advance width of one Unicode code point, in whatever unit `max_width` uses.
using MeasureFn = std::function<float(char32_t)>;

// Splits `text` into lines no wider than `max_width` (a line holds at least one code point).
// Returned views point into `text`; trailing spaces at a break and '\n' are dropped.
std::vector<std::string_view> wrap_text(std::string_view text, float max_width, const MeasureFn& advance);

// Decodes one UTF-8 code point at `i`, advancing it; malformed bytes come back as U+FFFD.
char32_t next_code_point(std::string_view text, size_t& i);

}  // namespace hg
