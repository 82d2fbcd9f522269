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
// Sizes for one role each, outside the scale:
constexpr float kFootnoteSize = 12.0f;     // a page's closing footnote
constexpr float kCardTitleSize = 17.0f;    // a coupon or campaign card's title
constexpr float kCodeSize = 30.0f;         // a code shown in a list: check-in, pickup, a QR code's digits
constexpr float kCodeHeroSize = 34.0f;     // the one code a page is for: typed at a counter, shown at a desk
constexpr float kPickupCodeSize = 36.0f;   // a locker's pickup code right after reserving
constexpr float kBadgeGlyphSize = 20.0f;   // the glyph in a tile's round badge
constexpr float kResultGlyphSize = 34.0f;  // the glyph in a claim result's circle
constexpr float kPlaceholderGlyphSize = 40.0f;  // the glyph on a "coming soon" page

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
constexpr ImU32 kPrimaryHover = rgb(0xD92B31);  // a red button under the pointer
constexpr ImU32 kBackground = rgb(0xF4F5F7);
constexpr ImU32 kCard = rgb(0xFFFFFF);
constexpr ImU32 kFieldHover = rgb(0xFAFAFB);  // a text field under the pointer
constexpr ImU32 kText = rgb(0x1F2329);
constexpr ImU32 kMuted = rgb(0x6B7280);
constexpr ImU32 kBorder = rgb(0xE3E5E8);
constexpr ImU32 kWarning = rgb(0xB45309);
constexpr ImU32 kWarningBg = rgb(0xFFF4E5);
constexpr ImU32 kOnline = rgb(0x15803D);   // also: success, free places, a confirmed state
constexpr ImU32 kOnPrimary = rgb(0xFFFFFF);  // text and glyphs on red, on a brand colour, on a badge
constexpr ImU32 kOnPrimarySlogan = rgb(0xFFFFFF, 220);  // the slogan under the title on red
constexpr ImU32 kOnPrimaryUnit = rgb(0xFFFFFF, 230);    // the unit under a coupon stub's figure
constexpr ImU32 kPressedCard = rgb(0xF0F1F3);    // a tile while a finger holds it
constexpr ImU32 kHoverTint = rgb(0xFFF5F5);      // a light red under the pointer: outline and chip buttons
constexpr ImU32 kPressedTint = rgb(0xFDE8E8);    // the same, pressed
constexpr ImU32 kSlotHover = rgb(0xF9E8E8);      // a slot chip under the pointer
constexpr ImU32 kDisabledFill = rgb(0xE5E7EB);   // a button that cannot be pressed
constexpr ImU32 kTrack = rgb(0xF1F2F4);          // the empty part of a progress bar
constexpr ImU32 kErrorBg = rgb(0xFDECEC);        // behind an error message
constexpr ImU32 kSuccessBg = rgb(0xE9F7EF);      // behind a notice that something worked
constexpr ImU32 kClear = IM_COL32(0, 0, 0, 0);   // a text button's background
constexpr ImU32 kOnPrimaryHover = rgb(0xFFFFFF, 40);    // a text button on red under the pointer
constexpr ImU32 kOnPrimaryPressed = rgb(0xFFFFFF, 70);  // the same, pressed
constexpr ImU32 kQrInk = rgb(0x000000);          // a QR code's dark modules
constexpr ImU32 kQrPaper = rgb(0xFFFFFF);        // a QR code's quiet zone and light modules
constexpr ImU32 kStationsTile = rgb(0x0EA5E9);   // the home tiles' badges
constexpr ImU32 kBookingsTile = rgb(0x14B8A6);
constexpr ImU32 kPointsTile = rgb(0xEAB308);
constexpr ImU32 kHealthTile = kPrimary;         // the 预约 menu's tiles
constexpr ImU32 kLockersTile = rgb(0x0F766E);
constexpr ImU32 kClassesTile = rgb(0x1D4ED8);
constexpr ImU32 kDutyTile = kWarning;
constexpr ImU32 kMineTile = rgb(0x6D28D9);

// ---- map and station colours ----
constexpr ImU32 kOnColour = IM_COL32_WHITE;           // text and rings on a coloured fill
constexpr ImU32 kPressed = rgb(0xF0F1F3);             // a row, chip or map button under the finger
constexpr ImU32 kChipActive = rgb(0xE5E7EB);          // a chip while it is pressed
constexpr ImU32 kStar = rgb(0xF59E0B);                // a chosen star
constexpr ImU32 kStarEmpty = rgb(0xD1D5DB);
constexpr ImU32 kRatingMean = rgb(0xB45309);          // "4.3 分（12 人评价）"
constexpr ImU32 kYellowCard = rgb(0xB45309);          // a station's status: yellow card
constexpr ImU32 kRedCard = rgb(0xDC2626);             // a station's status: red card
constexpr ImU32 kMapLand = rgb(0xF7F4EC);
constexpr ImU32 kMapSea = rgb(0xDCEBF5);
constexpr ImU32 kMapProvinceBorder = rgb(0x9CA3AF);
constexpr ImU32 kMapPrefectureBorder = rgb(0xB8BEC7);
constexpr ImU32 kMapDistrictBorder = rgb(0xD1D5DB);
constexpr ImU32 kMapLabel = rgb(0x4B5563);            // province and prefecture names
constexpr ImU32 kMapMinorLabel = rgb(0x6B7280);       // district names
constexpr ImU32 kMapPinLabelHalo = rgb(0xFFFFFF, 220);  // behind a pin's station name
constexpr ImU32 kPinRegular = rgb(0x16A34A);          // an open station, by kind
constexpr ImU32 kPinLocker = rgb(0x7C3AED);
constexpr ImU32 kPinSelfService = rgb(0x0284C7);
constexpr ImU32 kPinClosed = rgb(0x9CA3AF);
constexpr ImU32 kPinYellowCard = rgb(0xEAB308);       // the ring round a carded station's pin
constexpr ImU32 kPinRedCard = rgb(0xDC2626);
constexpr ImU32 kClusterFew = rgb(0x0EA5E9);          // a bubble of under 10 stations
constexpr ImU32 kClusterSome = rgb(0xF97316);         // under 100
constexpr ImU32 kClusterMany = rgb(0xC8161D);         // 100 or more
constexpr ImU32 kClusterHaloAlpha = 0x50;             // the ring round a bubble: its colour at this alpha
constexpr ImU32 kMe = rgb(0x2563EB);                  // the member's position
constexpr ImU32 kMeHalo = rgb(0x2563EB, 50);
constexpr ImU32 kMapPanelShadow = IM_COL32(0, 0, 0, 30);   // under the search bar and the nearest-station card
constexpr ImU32 kMapButtonShadow = IM_COL32(0, 0, 0, 40);  // under a round map button
constexpr ImU32 kMapPromptBg = rgb(0x1F2937, 235);    // "tap the map where you are"
// The map's own text sizes, below the type scale: labels drawn among the map's shapes.
constexpr float kMapFarLabelSize = 11.0f;   // province names when the whole country shows
constexpr float kMapPinLabelSize = 12.0f;   // a station's name beside its pin
constexpr float kMapPinBadgeSize = 10.0f;   // "24" inside a round-the-clock station's pin
constexpr float kMapGlyphSize = 24.0f;      // "+" and "-" on the zoom buttons

ImU32 brand_color(Brand b);
const char* brand_glyph(Brand b);  // one character drawn in the tile's badge

void apply(ImGuiStyle& style);

}  // namespace hg::ui::theme
