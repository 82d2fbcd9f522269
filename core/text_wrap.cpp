#include "core/text_wrap.h"

namespace hg {

namespace {

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// May not start a line.
bool is_closing(char32_t c) {
  switch (c) {
    case U'，': case U'。': case U'、': case U'：': case U'；': case U'！': case U'？': case U'）': case U'》':
    case U'」': case U'』': case U'】': case U'”': case U'’': case U'…': case U'·': case U'%':
    case U',': case U'.': case U':': case U';': case U'!': case U'?': case U')': case U']':
      return true;
    default:
      return false;
  }
}

// May not end a line.
bool is_opening(char32_t c) {
  switch (c) {
    case U'（': case U'《': case U'「': case U'『': case U'【': case U'“': case U'‘': case U'(': case U'[': case U'¥':
    case U'￥':
      return true;
    default:
      return false;
  }
}

}  // namespace

char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  i += static_cast<size_t>(len);
  return c;
}

std::vector<std::string_view> wrap_text(std::string_view text, float max_width, const MeasureFn& advance) {
  std::vector<std::string_view> lines;
  size_t start = 0;          // first byte of the current line
  size_t break_at = 0;       // best break opportunity in the line (byte offset), 0 = none yet
  size_t resume_at = 0;      // where the next line starts if we break at break_at
  float width = 0;           // width of [start, i)
  float width_at_break = 0;  // width of [start, break_at)
  char32_t prev = 0;
  size_t i = 0;
  auto emit = [&](size_t end, size_t next) {
    size_t e = end;
    while (e > start && text[e - 1] == ' ') --e;
    lines.push_back(text.substr(start, e - start));
    start = next;
  };
  while (i < text.size()) {
    const size_t at = i;
    const char32_t c = next_code_point(text, i);
    if (c == '\n') {
      emit(at, i);
      width = 0;
      break_at = 0;
      prev = 0;
      continue;
    }
    // A break opportunity before `c`?
    if (at > start) {
      const bool space_before = prev == ' ';
      const bool cjk_boundary = (is_cjk(c) || is_cjk(prev)) && c != ' ';
      if ((space_before || cjk_boundary) && !is_closing(c) && !is_opening(prev)) {
        break_at = at;
        resume_at = at;
        width_at_break = width;
      }
    }
    const float w = advance(c);
    if (width + w > max_width && at > start && c != ' ') {
      if (break_at > start) {
        emit(break_at, resume_at);
        width -= width_at_break;
      } else {  // one word wider than the line: cut it here
        emit(at, at);
        width = 0;
      }
      break_at = 0;
      // Spaces that would start the new line are dropped.
      while (start < text.size() && text[start] == ' ') {
        ++start;
        width -= advance(' ');
      }
      if (width < 0) width = 0;
    }
    width += w;
    prev = c;
  }
  if (start < text.size() || lines.empty()) emit(text.size(), text.size());
  return lines;
}

}  // namespace hg
