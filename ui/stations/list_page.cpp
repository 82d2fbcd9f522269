// Nearby stations: distances from the member's position (or the point they picked, or the
// map's centre), a Chinese search box, and filter chips (open now, kinds, amenities).
#include <imgui.h>

#include <cstdio>
#include <string>

#include "ui/format.h"
#include "ui/stations/pages.h"
#include "ui/stations/station_text.h"
#include "ui/stations/station_widgets.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

using hg::stations::Amenity;
using hg::stations::StationKind;

void ListPage::draw_row(UiContext& ctx, const ListedStation& l, float width, UnixSeconds now) {
  const hg::stations::Station& st = s_.store.stations()[static_cast<std::size_t>(l.index)];
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = 74.0f;
  ImGui::PushID(l.index);
  const bool clicked = ImGui::InvisibleButton("##row", ImVec2(width, h));
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  trace_item(st.name.c_str(), p.x, p.y, width, h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), held ? theme::kPressed : theme::kCard, theme::kRadius);
  const bool open = st.open_at(now);
  ImFont* font = ImGui::GetFont();
  const std::string dist = distance_text(l.metres);
  const float dw = font->CalcTextSizeA(theme::kSmallSize, FLT_MAX, 0, dist.c_str()).x;
  dl->PushClipRect(p, ImVec2(p.x + width - dw - 20, p.y + h), true);
  dl->AddText(font, theme::kBodySize, ImVec2(p.x + 14, p.y + 12), theme::kText, st.name.c_str());
  dl->PopClipRect();
  trace_label(st.name.c_str());
  dl->AddText(font, theme::kSmallSize, ImVec2(p.x + width - dw - 14, p.y + 14), theme::kText, dist.c_str());
  trace_label(dist.c_str());
  const char* state = open ? L(ctx.lang, "营业中", "Open") : L(ctx.lang, "已关闭", "Closed");
  const ImU32 state_col = open ? theme::kOnline : theme::kMuted;
  dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + 14, p.y + 44), state_col, state);
  trace_label(state);
  const float sw = font->CalcTextSizeA(theme::kCaptionSize, FLT_MAX, 0, state).x;
  const std::string more = st.district + "  " + kind_name(st.kind, ctx.lang) +
                           (st.status == hg::stations::StationStatus::open ? "" : std::string("  ") + status_name(st.status, ctx.lang));
  dl->PushClipRect(p, ImVec2(p.x + width - 10, p.y + h), true);
  dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + 14 + sw + 10, p.y + 44), theme::kMuted, more.c_str());
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(0, 2));
  if (clicked) s_.open_station(st.id);
}

void ListPage::draw(UiContext& ctx, float width) {
  const UnixSeconds now = ctx.now_ms / 1000;
  draw_data_age_banner(s_, ctx, width);
  // Where distances are measured from.
  hg::stations::LonLat from;
  const char* from_text;
  if (s_.me) {
    from = *s_.me;
    from_text = s_.me_picked ? L(ctx.lang, "距离按您在地图上选的位置计算", "Distances from the point you picked")
                             : L(ctx.lang, "距离按您当前的位置计算", "Distances from your position");
  } else {
    from = s_.map.camera().lonlat_at(s_.map.camera().width * 0.5, s_.map.camera().height * 0.5);
    from_text = s_.locate == Locate::denied || s_.locate == Locate::picking
                     ? L(ctx.lang, "无法获取位置，距离按地图中心计算", "Position unavailable: distances from the map centre")
                     : L(ctx.lang, "距离按地图中心计算", "Distances from the map centre");
  }
  label(from_text, theme::kCaptionSize, theme::kMuted, width);
  if (!s_.me || s_.me_picked) {
    if (text_button(L(ctx.lang, "使用我的位置", "Use my position"), theme::kPrimary)) s_.request_position();
    ImGui::SameLine(0, 4);
  }
  if (text_button(L(ctx.lang, "在地图上选点", "Pick on map"), theme::kPrimary)) {
    s_.locate = Locate::picking;
    s_.stack.reset({Page::map});
    return;
  }

  draw_filters(ctx, width);

  if (s_.store.empty()) {
    message_box(L(ctx.lang, "还没有驿站数据：请联网后再试。", "No station data yet: connect and try again."), true, width);
    return;
  }
  const bool searching = s_.query[0] != '\0';
  const std::vector<ListedStation> rows =
      searching ? search(s_.store, s_.query, from, s_.me ? SearchOrder::distance : SearchOrder::text, s_.filter, now)
                : nearest_stations(s_.store, from, s_.filter, now);
  char head[96];
  if (searching && s_.me)
    std::snprintf(head, sizeof head, L(ctx.lang, "找到 %d 个驿站（由近到远）", "%d stations found (nearest first)"),
                  static_cast<int>(rows.size()));
  else if (searching)
    std::snprintf(head, sizeof head, L(ctx.lang, "找到 %d 个驿站", "%d stations found"), static_cast<int>(rows.size()));
  else
    std::snprintf(head, sizeof head, "%s", L(ctx.lang, "附近的驿站（由近到远）", "Nearby stations (nearest first)"));
  section_title(head);
  ImGui::Dummy(ImVec2(0, 4));
  if (rows.empty())
    message_box(L(ctx.lang, "没有符合条件的驿站，试试减少筛选条件。", "No station matches: try fewer filters."), false, width);
  for (const ListedStation& l : rows) draw_row(ctx, l, width, now);
}

// The search box and the filter chips (open now, kinds, amenities).
void ListPage::draw_filters(UiContext& ctx, float width) {
  text_field("##q", L(ctx.lang, "搜索驿站名称、区县或地址", "Search name, district or address"), s_.query, sizeof s_.query, width);
  ImGui::Dummy(ImVec2(0, 4));
  chips_begin(width);
  if (chip(L(ctx.lang, "营业中", "Open now"), s_.filter.open_now)) s_.filter.open_now = !s_.filter.open_now;
  for (StationKind k : {StationKind::regular, StationKind::smart_locker, StationKind::self_service_24h}) {
    const std::uint8_t bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(k));
    if (chip(kind_name(k, ctx.lang), s_.filter.kinds & bit)) s_.filter.kinds ^= bit;
  }
  // Twelve amenity chips would fill a phone's first screen: they fold behind one chip that
  // says how many are chosen.
  int chosen = 0;
  for (int a = 0; a < hg::stations::kAmenityCount; ++a) chosen += (s_.filter.amenities >> a) & 1;
  char more[48];
  if (chosen > 0)
    std::snprintf(more, sizeof more, L(ctx.lang, "设施（%d）", "Amenities (%d)"), chosen);
  else
    std::snprintf(more, sizeof more, "%s", L(ctx.lang, "按设施筛选", "Amenities"));
  if (chip(more, s_.show_amenities || chosen > 0)) s_.show_amenities = !s_.show_amenities;
  if (s_.show_amenities) {
    for (int a = 0; a < hg::stations::kAmenityCount; ++a) {
      const Amenity am = static_cast<Amenity>(a);
      const hg::stations::Amenities b = hg::stations::bit(am);
      if (chip(amenity_name(am, ctx.lang), s_.filter.amenities & b)) s_.filter.amenities ^= b;
    }
  }
  chips_end();
  ImGui::Dummy(ImVec2(0, 6));
}

}  // namespace hg::ui::stations
