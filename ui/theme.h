// Colours, sizes and the ImGui style of the app. Sizes are in UI (CSS) pixels: the runner
// sets the framebuffer scale, and ImGui 1.92 rasterises glyphs at the screen's density.
#pragma once
#include <imgui.h>

#include "core/models/brand.h"

namespace hg::ui::theme {

// ---- type scale: every text size in the app is one of these ----
constexpr float kCaptionSize = 13.0f;   // fine print: hints, timestamps, map labels
constexpr float kSmallSize = 14.0f;     // secondary lines: field names, muted notes, chips
constexpr float kRowSize = 15.0f;       // list rows, tile titles, card text
constexpr float kBodySize = 16.0f;      // 16 px: the smallest size phones render without zooming
constexpr float kHeadingSize = 18.0f;   // section titles, a card's headline
constexpr float kSubtitleSize = 20.0f;  // a page's subject (a station's name, a coupon's title)
constexpr float kTitleSize = 22.0f;     // the page title in the top bar
constexpr float kFigureSize = 28.0f;    // a big number: a price, a balance, a count

// ---- spacing and shape ----
constexpr float kTouch = 44.0f;       // minimum touch target (Apple HIG 44 pt, Material 48 dp ≈ 44 CSS px)
constexpr float kPad = 16.0f;         // page margin
constexpr float kGap = 10.0f;         // space between tiles
constexpr float kRadius = 12.0f;
constexpr float kContentMaxWidth = 760.0f;  // a desktop window shows a centred column

// ---- colours ----
constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

constexpr ImU32 kPrimary = rgb(0xC8161D);     // union red
constexpr ImU32 kPrimaryDark = rgb(0x9E0F15);
constexpr ImU32 kBackground = rgb(0xF4F5F7);
constexpr ImU32 kCard = rgb(0xFFFFFF);
constexpr ImU32 kText = rgb(0x1F2329);
constexpr ImU32 kMuted = rgb(0x6B7280);
constexpr ImU32 kBorder = rgb(0xE3E5E8);
constexpr ImU32 kWarning = rgb(0xB45309);
constexpr ImU32 kWarningBg = rgb(0xFFF4E5);
constexpr ImU32 kOnline = rgb(0x15803D);

ImU32 brand_color(Brand b);
const char* brand_glyph(Brand b);  // one character drawn in the tile's badge

void apply(ImGuiStyle& style);

}  // namespace hg::ui::theme
