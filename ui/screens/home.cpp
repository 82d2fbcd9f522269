// The home screen, an area like the others: search, the six coupon brands, the three services,
// union notices, and the client's and server's versions.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/cst_time.h"
#include "core/json.h"
#include "core/models/app_info.h"
#include "core/text_search.h"
#include "ui/areas.h"
#include "ui/feeds/notice_feed.h"
#include "ui/format.h"
#include "ui/screens/home_search.h"
#include "ui/services.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/version.h"
#include "ui/widgets.h"

namespace hg::ui {

namespace {

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
    const ImVec2 chip_text = font->CalcTextSizeA(theme::kCaptionSize, FLT_MAX, 0, brand_name);
    const ImVec2 c = ImGui::GetCursorScreenPos();
    const ImU32 color = theme::brand_color(n.brand);
    dl->AddRectFilled(c, ImVec2(c.x + chip_text.x + 12, c.y + chip_text.y + 6), (color & 0x00FFFFFF) | 0x22000000, 6.0f);
    dl->AddText(font, theme::kCaptionSize, ImVec2(c.x + 6, c.y + 3), color, brand_name);
    trace_label(brand_name);
    float x_after = chip_text.x + 12 + 8;
    if (n.pinned) {
      const char* pin = tr(S::pinned, lang);
      const ImVec2 ps = font->CalcTextSizeA(theme::kCaptionSize, FLT_MAX, 0, pin);
      dl->AddText(font, theme::kCaptionSize, ImVec2(c.x + x_after, c.y + 3), theme::kPrimary, pin);
      trace_label(pin);
      x_after += ps.x + 8;
    }
    const std::string date = iso_date(n.published_at);
    const ImVec2 ds = font->CalcTextSizeA(theme::kCaptionSize, FLT_MAX, 0, date.c_str());
    dl->AddText(font, theme::kCaptionSize, ImVec2(c.x + inner - ds.x, c.y + 3), theme::kMuted, date.c_str());
    ImGui::Dummy(ImVec2(inner, chip_text.y + 6));
  }
  label(lang == Lang::zh ? n.title_zh.c_str() : n.title_en.c_str(), theme::kBodySize, theme::kText, inner);
  label(lang == Lang::zh ? n.body_zh.c_str() : n.body_en.c_str(), theme::kSmallSize, theme::kMuted, inner);
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + 12;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(start, ImVec2(start.x + width, bottom), theme::kCard, theme::kRadius);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
  ImGui::Dummy(ImVec2(width, 0));
}

// Search, the coupon brands, the services, the union's notices and the version line.
class HomeArea : public Area {
 public:
  HomeArea(NoticeFeed& notices, stations::StationsOnDevice& stations) : notices_(notices), search_results_(stations) {}
  void tick(UiContext& ctx) override;
  void draw(UiContext& ctx, float width) override;
  std::string trace_name() const override { return "home"; }
  const char* title(Lang /*lang*/) const override { return nullptr; }  // the header shows the app's name

 private:
  void draw_offline_banner(const UiContext& ctx, float width);

  NoticeFeed& notices_;
  std::string server_version_ = "—";
  bool version_in_flight_ = false;
  std::int64_t version_next_ms_ = 0;
  char search_[128] = {};
  HomeSearch search_results_;
};

}  // namespace

void HomeArea::tick(UiContext& ctx) {
  search_results_.tick(ctx, search_[0] != '\0');
  // The server's version for the footer: asked at start and, while unknown (the server was
  // down), again every 30 s, so it appears once the server is back without a restart.
  const std::int64_t now = ctx.now_ms;
  if (!version_in_flight_ && server_version_ == "—" && now >= version_next_ms_) {
    version_in_flight_ = true;
    version_next_ms_ = now + 30000;
    ctx.platform.http({"GET", "/api/v1/version", {}, {}, 5000}, [this](const HttpResponse& r) {
      version_in_flight_ = false;
      if (r.status != 200) return;
      Result<VersionInfo> v = from_json<VersionInfo>(r.body, kVersionJson);
      if (v.ok()) server_version_ = v.value().version;
    });
  }
}

void HomeArea::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  // Search box, touch-sized, raising the phone keyboard through the platform.
  ImGui::SetNextItemWidth(width);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, theme::kTouch * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(18, (theme::kTouch - theme::kBodySize) * 0.5f));
  ImGui::InputTextWithHint("##search", tr(S::search_hint, lang), search_, sizeof search_);
  ImGui::PopStyleVar(2);
  trace_label(tr(S::search_hint, lang));
  trace_item(tr(S::search_hint, lang), ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
             ImGui::GetItemRectSize().y);

  if (notices_.status() == NoticeFeed::Status::offline) draw_offline_banner(ctx, width);

  if (search_[0] != '\0') {
    char heading[200];
    std::snprintf(heading, sizeof heading, tr(S::search_results, lang), search_);
    section_title(heading);
    int hits = search_results_.draw(ctx, search_, width);
    // The union's notices that mention it, as cards.
    const std::string key = search_key(search_);
    int notices = 0;
    for (const Notice& n : notices_.notices()) {
      if (!search_matches(n.title_zh, key) && !search_matches(n.body_zh, key) && !search_matches(n.title_en, key) &&
          !search_matches(n.body_en, key))
        continue;
      if (notices++ == 0) section_title(tr(S::section_notices, lang));
      notice_card(n, lang, width);
    }
    if (hits + notices == 0) search_results_.draw_none(ctx, search_, width);
    return;
  }

  section_title(tr(S::section_brands, lang));
  // Three across on a phone, six across when the column is wide enough for them.
  Grid brands = make_grid(width, width >= 600 ? 6 : 3);
  for (int i = 0; i < kBrandCount; ++i) {
    const BrandInfo& b = brand_info(static_cast<Brand>(i));
    ImGui::PushID(i);
    if (tile("##brand", theme::brand_glyph(b.brand), theme::brand_color(b.brand), lang == Lang::zh ? b.zh : b.en,
             lang == Lang::zh ? b.tagline_zh : b.tagline_en, ImVec2(brands.w, kTileHeight)))
      ctx.go(Screen::coupons, "brand/" + std::to_string(i));
    ImGui::PopID();
    brands.next();
  }

  section_title(tr(S::section_services, lang));
  Grid services = make_grid(width, 3);
  for (const ServiceEntry& s : kHomeServices) {
    ImGui::PushID(static_cast<int>(s.screen));
    if (tile("##service", s.glyph, s.color, L(lang, s.zh, s.en), L(lang, s.sub_zh, s.sub_en), ImVec2(services.w, kTileHeight)))
      ctx.go(s.screen, s.route);
    ImGui::PopID();
    services.next();
  }

  section_title(tr(S::section_notices, lang));
  if (notices_.notices().empty()) {
    label(notices_.status() == NoticeFeed::Status::loading ? tr(S::loading, lang) : tr(S::no_notices, lang),
          theme::kBodySize, theme::kMuted);
  }
  for (const Notice& n : notices_.notices()) notice_card(n, lang, width);

  char version[96];
  std::snprintf(version, sizeof version, tr(S::version_line, lang), client_version(), server_version_.c_str());
  ImGui::Dummy(ImVec2(0, 4));
  const float vw = ImGui::CalcTextSize(version).x * theme::kCaptionSize / theme::kBodySize;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - vw) * 0.5f);
  label(version, theme::kCaptionSize, theme::kMuted);
}

void HomeArea::draw_offline_banner(const UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  char text[160];
  const std::int64_t fetched = notices_.fetched_ms();
  if (fetched == 0) {
    std::snprintf(text, sizeof text, "%s", tr(S::offline_no_data, lang));
  } else {
    std::snprintf(text, sizeof text, tr(S::offline_banner, lang), ago_text(ctx.now_ms - fetched, lang).c_str());
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = theme::kTouch;
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + h), theme::kWarningBg, 8.0f);
  const float retry_w = std::max(theme::kTouch, ImGui::CalcTextSize(tr(S::retry, lang)).x + 24.0f);
  ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + (h - theme::kCaptionSize - 1) * 0.5f));
  ImGui::PushClipRect(p, ImVec2(p.x + width - retry_w, p.y + h), true);
  label(text, theme::kCaptionSize, theme::kWarning);
  ImGui::PopClipRect();
  ImGui::SetCursorScreenPos(ImVec2(p.x + width - retry_w, p.y));
  if (text_button(tr(S::retry, lang), theme::kWarning)) notices_.refresh();
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + theme::kGap));
}

std::unique_ptr<Area> make_home_area(AreaHost& host) { return std::make_unique<HomeArea>(host.notices, host.stations); }

}  // namespace hg::ui
