#include "ui/screens/home_search.h"

#include <imgui.h>

#include <cstdio>
#include <optional>
#include <string>

#include "core/models/brand.h"
#include "core/text_search.h"
#include "ui/format.h"
#include "ui/services.h"
#include "ui/stations/station_query.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui {

namespace {

constexpr std::size_t kMostStations = 20;

bool campaign_matches(const Campaign& c, const std::string& key) {
  const BrandInfo& b = brand_info(c.brand);
  if (search_matches(c.title_zh, key) || search_matches(c.title_en, key) || search_matches(b.zh, key) ||
      search_matches(b.en, key))
    return true;
  for (const Merchant& m : c.merchants)
    if (search_matches(m.name_zh, key) || search_matches(m.name_en, key)) return true;
  return false;
}

bool service_matches(const ServiceEntry& s, const std::string& key) {
  return search_matches(s.zh, key) || search_matches(s.en, key) || search_matches(s.sub_zh, key) ||
         search_matches(s.sub_en, key) || search_matches(s.words, key);
}

// A group's heading, drawn before its first result only.
void group_heading(int& shown, const char* title) {
  if (shown++ == 0) section_title(title);
}

}  // namespace

void HomeSearch::tick(UiContext& ctx, bool searching) {
  if (searching && campaigns_.due(ctx))
    campaigns_.fetch(ctx, "/api/v1/coupons/campaigns", kCampaignListJson);
}

int HomeSearch::draw(UiContext& ctx, const char* query, float width) {
  const std::string key = search_key(query);
  if (key.empty()) return 0;
  return draw_campaigns(ctx, key, width) + draw_stations(ctx, query, width) + draw_services(ctx, key, width);
}

int HomeSearch::draw_campaigns(UiContext& ctx, const std::string& key, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  const char* heading = L(lang, "优惠", "Offers");
  int shown = 0;
  if (campaigns_) {
    for (const CampaignView& cv : campaigns_->campaigns) {
      const Campaign& c = cv.campaign;
      if (cv.batches.empty() || !campaign_matches(c, key)) continue;
      group_heading(shown, heading);
      const BrandInfo& b = brand_info(c.brand);
      std::string detail = zh ? b.zh : b.en;
      if (!c.merchants.empty()) detail += "  " + (zh ? c.merchants.front().name_zh : c.merchants.front().name_en);
      if (list_row(zh ? c.title_zh.c_str() : c.title_en.c_str(), detail.c_str(), "", width))
        ctx.go(Screen::coupons, "campaign/" + c.id);
    }
    return shown;
  }
  // No campaign list on this device yet (offline, or still on its way): the brands' pages.
  for (int i = 0; i < kBrandCount; ++i) {
    const BrandInfo& b = brand_info(static_cast<Brand>(i));
    if (!search_matches(b.zh, key) && !search_matches(b.en, key) && !search_matches(b.tagline_zh, key) &&
        !search_matches(b.tagline_en, key))
      continue;
    group_heading(shown, heading);
    if (list_row(zh ? b.zh : b.en, zh ? b.tagline_zh : b.tagline_en, "", width))
      ctx.go(Screen::coupons, "brand/" + std::to_string(i));
  }
  return shown;
}

int HomeSearch::draw_stations(UiContext& ctx, const char* query, float width) {
  const Lang lang = ctx.lang;
  const UnixSeconds now = ctx.now_ms / 1000;
  stations::StationFilter every_listed;
  every_listed.open_now = false;
  const std::optional<hg::stations::LonLat>& me = stations_.me;
  const std::vector<stations::ListedStation> found =
      stations::search(stations_.store, query, me.value_or(hg::stations::LonLat{}),
                       me ? stations::SearchOrder::distance : stations::SearchOrder::text, every_listed, now, kMostStations);
  if (found.empty()) return 0;
  int shown = 0;
  group_heading(shown, L(lang, "驿站", "Stations"));
  if (me) {
    label(stations_.me_picked ? L(lang, "由近到远，距离按您在地图上选的位置计算", "Nearest first, from the point you picked")
                              : L(lang, "由近到远，距离按您当前的位置计算", "Nearest first, from your position"),
          theme::kCaptionSize, theme::kMuted, width);
  } else if (text_button(L(lang, "按距离排序：使用我的位置", "Sort by distance: use my position"), theme::kPrimary)) {
    stations_.request_position(nullptr);
  }
  for (const stations::ListedStation& l : found) {
    const hg::stations::Station& st = stations_.store.stations()[static_cast<std::size_t>(l.index)];
    const std::string detail = std::string(st.open_at(now) ? L(lang, "营业中", "Open") : L(lang, "已关闭", "Closed")) +
                               "  " + st.district + "  " + st.address;
    const std::string distance = me ? distance_text(l.metres) : std::string();
    if (list_row(st.name.c_str(), detail.c_str(), distance.c_str(), width)) ctx.go(Screen::station_map, "station/" + st.id);
  }
  return static_cast<int>(found.size());
}

int HomeSearch::draw_services(UiContext& ctx, const std::string& key, float width) {
  const Lang lang = ctx.lang;
  int shown = 0;
  auto row = [&](const ServiceEntry& s) {
    if (!service_matches(s, key)) return;
    group_heading(shown, L(lang, "服务", "Services"));
    if (list_row(L(lang, s.zh, s.en), L(lang, s.sub_zh, s.sub_en), "", width)) ctx.go(s.screen, s.route);
  };
  for (const ServiceEntry& s : kHomeServices) row(s);
  for (const ServiceEntry& s : kBookingServices) row(s);
  return shown;
}

void HomeSearch::draw_none(UiContext& ctx, const char* query, float width) {
  const Lang lang = ctx.lang;
  char text[256];
  std::snprintf(text, sizeof text,
                L(lang, "没有找到与“%s”相关的优惠、驿站或服务。", "No offers, stations or services match “%s”."), query);
  message_box(text, false, width);
  if (stations_.store.empty())
    label(L(lang, "这台设备上还没有驿站数据，联网后即可离线搜索驿站。",
            "No station data on this device yet: once online, stations can be searched offline too."),
          theme::kCaptionSize, theme::kMuted, width);
  ImGui::Dummy(ImVec2(0, 4));
  if (primary_button(L(lang, "在驿站地图上查找", "Look on the station map"), width)) ctx.go(Screen::station_map, "");
}

}  // namespace hg::ui
