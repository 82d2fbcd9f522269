// The home screen: search, the six coupon brands, the three services, union notices.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/cst_time.h"
#include "ui/app.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/version.h"
#include "ui/widgets.h"

namespace hg::ui {

namespace {

struct Service {
  Screen screen;
  S title, subtitle;
  const char* glyph;
  ImU32 color;
};
constexpr Service kServices[] = {
    {Screen::station_map, S::station_map, S::station_map_sub, "站", theme::rgb(0x0EA5E9)},
    {Screen::bookings, S::bookings, S::bookings_sub, "约", theme::rgb(0x14B8A6)},
    {Screen::points_mall, S::points_mall, S::points_mall_sub, "豆", theme::rgb(0xEAB308)},
};

constexpr float kTileHeight = 108.0f;

// Lays tiles out in rows of `cols`, each `w` wide.
struct Grid {
  int cols;
  float w;
  int n = 0;
  void next() {
    if (++n % cols != 0) ImGui::SameLine(0, theme::kGap);
  }
};
Grid make_grid(float width, int cols) { return {cols, (width - theme::kGap * static_cast<float>(cols - 1)) / static_cast<float>(cols)}; }

bool contains(const char* haystack, const char* needle) { return std::strstr(haystack, needle) != nullptr; }

// A notice as a card: brand chip, title, date, body. Drawn in two layers so the card's
// background can be sized after its wrapped text is known.
void notice_card(const Notice& n, Lang lang, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float inner = width - 2 * 14.0f;
  ImGui::SetCursorScreenPos(ImVec2(start.x + 14, start.y + 12));
  ImGui::BeginGroup();
  const BrandInfo& b = brand_info(n.brand);
  const char* brand_name = lang == Lang::zh ? b.zh : b.en;
  {
    ImFont* font = ImGui::GetFont();
    const ImVec2 chip_text = font->CalcTextSizeA(theme::kSmallSize, FLT_MAX, 0, brand_name);
    const ImVec2 c = ImGui::GetCursorScreenPos();
    const ImU32 color = theme::brand_color(n.brand);
    dl->AddRectFilled(c, ImVec2(c.x + chip_text.x + 12, c.y + chip_text.y + 6), (color & 0x00FFFFFF) | 0x22000000, 6.0f);
    dl->AddText(font, theme::kSmallSize, ImVec2(c.x + 6, c.y + 3), color, brand_name);
    trace_label(brand_name);
    float x_after = chip_text.x + 12 + 8;
    if (n.pinned) {
      const char* pin = tr(S::pinned, lang);
      const ImVec2 ps = font->CalcTextSizeA(theme::kSmallSize, FLT_MAX, 0, pin);
      dl->AddText(font, theme::kSmallSize, ImVec2(c.x + x_after, c.y + 3), theme::kPrimary, pin);
      trace_label(pin);
      x_after += ps.x + 8;
    }
    const std::string date = period_key(Period::Day, n.published_at);
    const ImVec2 ds = font->CalcTextSizeA(theme::kSmallSize, FLT_MAX, 0, date.c_str());
    dl->AddText(font, theme::kSmallSize, ImVec2(c.x + inner - ds.x, c.y + 3), theme::kMuted, date.c_str());
    ImGui::Dummy(ImVec2(inner, chip_text.y + 6));
  }
  label(lang == Lang::zh ? n.title_zh.c_str() : n.title_en.c_str(), theme::kBodySize, theme::kText, inner);
  label(lang == Lang::zh ? n.body_zh.c_str() : n.body_en.c_str(), 14.0f, theme::kMuted, inner);
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + 12;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(start, ImVec2(start.x + width, bottom), theme::kCard, theme::kRadius);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
  ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace

void App::draw_home(float width) {
  // Search box, touch-sized, raising the phone keyboard through the platform.
  ImGui::SetNextItemWidth(width);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, theme::kTouch * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(18, (theme::kTouch - theme::kBodySize) * 0.5f));
  ImGui::InputTextWithHint("##search", tr(S::search_hint, lang_), search_, sizeof search_);
  ImGui::PopStyleVar(2);
  trace_label(tr(S::search_hint, lang_));
  trace_item(tr(S::search_hint, lang_), ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
             ImGui::GetItemRectSize().y);

  if (notices_.status() == NoticeFeed::Status::offline) draw_offline_banner(width);

  if (search_[0] != '\0') {
    char heading[200];
    std::snprintf(heading, sizeof heading, tr(S::search_results, lang_), search_);
    section_title(heading);
    int hits = 0;
    for (int i = 0; i < kBrandCount; ++i) {
      const BrandInfo& b = brand_info(static_cast<Brand>(i));
      if (!contains(b.zh, search_) && !contains(b.en, search_) && !contains(b.tagline_zh, search_) &&
          !contains(b.tagline_en, search_))
        continue;
      ++hits;
      ImGui::PushID(i);
      if (primary_button(lang_ == Lang::zh ? b.zh : b.en, width)) go(Screen::coupons, "brand/" + std::to_string(i));
      ImGui::PopID();
    }
    for (const Service& s : kServices) {
      if (!contains(tr(s.title, Lang::zh), search_) && !contains(tr(s.title, Lang::en), search_) &&
          !contains(tr(s.subtitle, Lang::zh), search_))
        continue;
      ++hits;
      if (primary_button(tr(s.title, lang_), width)) go(s.screen);
    }
    for (const Notice& n : notices_.notices()) {
      if (!contains(n.title_zh.c_str(), search_) && !contains(n.body_zh.c_str(), search_) &&
          !contains(n.title_en.c_str(), search_))
        continue;
      ++hits;
      notice_card(n, lang_, width);
    }
    if (hits == 0) label(tr(S::search_none, lang_), theme::kBodySize, theme::kMuted);
    return;
  }

  section_title(tr(S::section_brands, lang_));
  // Three across on a phone, six across when the column is wide enough for them.
  Grid brands = make_grid(width, width >= 600 ? 6 : 3);
  for (int i = 0; i < kBrandCount; ++i) {
    const BrandInfo& b = brand_info(static_cast<Brand>(i));
    ImGui::PushID(i);
    if (tile("##brand", theme::brand_glyph(b.brand), theme::brand_color(b.brand), lang_ == Lang::zh ? b.zh : b.en,
             lang_ == Lang::zh ? b.tagline_zh : b.tagline_en, ImVec2(brands.w, kTileHeight)))
      go(Screen::coupons, "brand/" + std::to_string(i));
    ImGui::PopID();
    brands.next();
  }

  section_title(tr(S::section_services, lang_));
  Grid services = make_grid(width, 3);
  for (const Service& s : kServices) {
    ImGui::PushID(static_cast<int>(s.screen));
    if (tile("##service", s.glyph, s.color, tr(s.title, lang_), tr(s.subtitle, lang_), ImVec2(services.w, kTileHeight)))
      go(s.screen);
    ImGui::PopID();
    services.next();
  }

  section_title(tr(S::section_notices, lang_));
  if (notices_.notices().empty()) {
    label(notices_.status() == NoticeFeed::Status::loading ? tr(S::loading, lang_) : tr(S::no_notices, lang_),
          theme::kBodySize, theme::kMuted);
  }
  for (const Notice& n : notices_.notices()) notice_card(n, lang_, width);

  char version[96];
  std::snprintf(version, sizeof version, tr(S::version_line, lang_), client_version(), server_version_.c_str());
  ImGui::Dummy(ImVec2(0, 4));
  const float vw = ImGui::CalcTextSize(version).x * theme::kSmallSize / theme::kBodySize;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - vw) * 0.5f);
  label(version, theme::kSmallSize, theme::kMuted);
}

void App::draw_placeholder(float width) {
  // Only the points mall is still to come; every other service is an Area.
  for (const Service& s : kServices)
    if (s.screen == screen_ &&
        coming_soon_page(s.glyph, tr(s.title, lang_), s.color, tr(S::coming_soon, lang_), tr(S::coming_soon_body, lang_),
                         tr(S::back, lang_), width))
      go(Screen::home);
}

}  // namespace hg::ui
