// The UI font: a CJK subset (GB2312 level 1, ASCII, punctuation and every character the
// UI strings and demo data use) cut at build time from Debian's WenQuanYi Micro Hei.
// The runner reads the file (a fetch in the browser, a file next to the binary on the
// desktop) and hands the bytes over; ImGui 1.92 rasterises glyphs on demand at any size.
#pragma once
#include <string>

namespace hg::ui {

// Installs the bytes as the default font. Returns false when they are not a font ImGui
// can read; the app then falls back to ImGui's built-in ASCII font.
bool install_font(std::string ttf_bytes);

}  // namespace hg::ui
