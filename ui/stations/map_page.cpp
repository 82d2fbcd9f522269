// The map page (full bleed): the map, a search bar over it, zoom and locate buttons, the
// "pick your position" prompt when the device will not say, and a card with the nearest
// open station.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/stations/gcj02.h"
#include "ui/format.h"
#include "ui/stations/pages.h"
#include "ui/stations/station_text.h"
#include "ui/stations/station_widgets.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

namespace {

// A white rounded panel at a screen position; returns its rectangle's bottom.
void panel(ImVec2 a, ImVec2 b) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(a.x, a.y + 2), ImVec2(b.x, b.y + 2), theme::kMapPanelShadow, theme::kRadius);
  dl->AddRectFilled(a, b, theme::kCard, theme::kRadius);
}

}  // namespace

void MapPage::draw(UiContext& ctx, float width) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float height = std::max(200.0f, ctx.page_height);
  const UnixSeconds now = ctx.now_ms / 1000;
  s_.map.set_lang(ctx.lang);
  const MapTap tap = s_.map.draw(s_.store, origin, ImVec2(width, height), now, s_.me);
  if (tap.kind == MapTap::Kind::point && s_.locate == Locate::picking) {
    s_.me = tap.at;
    s_.me_picked = true;
    s_.locate = Locate::have;
  } else if (tap.kind == MapTap::Kind::station) {
    s_.open_station(s_.store.stations()[static_cast<std::size_t>(tap.station)].id);
  }

  const float pad = 12.0f;
  float y = origin.y + pad;
  // Search bar: opens the list page with its search box.
  {
    const ImVec2 a(origin.x + pad, y), b(origin.x + width - pad, y + theme::kTouch + 4);
    panel(a, b);
    ImGui::SetCursorScreenPos(a);
    const char* hint = L(ctx.lang, "搜索驿站、地址，或查看附近", "Search stations, addresses, or nearby");
    if (ImGui::InvisibleButton("##search", ImVec2(b.x - a.x, b.y - a.y))) s_.push(Page::list);
    trace_item(hint, a.x, a.y, b.x - a.x, b.y - a.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircle(ImVec2(a.x + 24, a.y + 22), 7.0f, theme::kMuted, 16, 2.0f);
    dl->AddLine(ImVec2(a.x + 29, a.y + 27), ImVec2(a.x + 34, a.y + 32), theme::kMuted, 2.0f);
    ImGui::SetCursorScreenPos(ImVec2(a.x + 44, a.y + (b.y - a.y - theme::kBodySize) * 0.5f - 1));
    ImGui::PushClipRect(a, ImVec2(b.x - 8, b.y), true);
    label(hint, theme::kRowSize, theme::kMuted);
    ImGui::PopClipRect();
    y = b.y + 8;
  }
  // Offline or picking prompts under the search bar.
  if (s_.store.sync() == StationStore::Sync::offline || s_.store.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, y));
    draw_data_age_banner(s_, ctx, width - 2 * pad);
    y = ImGui::GetCursorScreenPos().y;
  }
  if (s_.locate == Locate::picking) {
    const ImVec2 a(origin.x + pad, y), b(origin.x + width - pad, y + 64);
    ImGui::GetWindowDrawList()->AddRectFilled(a, b, theme::kMapPromptBg, theme::kRadius);
    ImGui::SetCursorScreenPos(ImVec2(a.x + 12, a.y + 10));
    label(L(ctx.lang, "无法获取您的位置。请在地图上点一下您所在的地方。", "Your position is unavailable. Tap the map where you are."),
          theme::kSmallSize, theme::kOnColour, b.x - a.x - 90);
    ImGui::SetCursorScreenPos(ImVec2(b.x - 76, a.y + 10));
    if (text_button(L(ctx.lang, "取消", "Cancel"), theme::kOnColour)) s_.locate = Locate::idle;
  }

  // Zoom and locate buttons, bottom right above the card.
  const float card_h = 92.0f;
  const float bx = origin.x + width - pad - 24;
  float by = origin.y + height - card_h - pad - 24 - 8;
  if (map_button("##locate", L(ctx.lang, "定位", "GPS"), ImVec2(bx, by))) {
    if (s_.me && !s_.me_picked)
      s_.map.camera().centre_on(*s_.me), s_.map.camera().zoom = std::max(s_.map.camera().zoom, 13.0);
    else
      s_.request_position();
  }
  by -= 60;
  MapCamera& cam = s_.map.camera();
  if (legend_) draw_legend(ctx, ImVec2(origin.x + pad, origin.y + height - card_h - pad - 8), bx - 30 - origin.x - pad);
  if (map_button("##zoom_out", "-", ImVec2(bx, by))) cam.zoom_at(0.5, cam.width * 0.5, cam.height * 0.5);
  by -= 52;
  if (map_button("##zoom_in", "+", ImVec2(bx, by))) cam.zoom_at(2.0, cam.width * 0.5, cam.height * 0.5);
  by -= 60;
  if (map_button("##legend", L(ctx.lang, "图例", "Key"), ImVec2(bx, by))) legend_ = !legend_;

  // The nearest open station, or the way to find it.
  const ImVec2 a(origin.x + pad, origin.y + height - card_h - pad), b(origin.x + width - pad, origin.y + height - pad);
  panel(a, b);
  ImGui::SetCursorScreenPos(ImVec2(a.x + 14, a.y + 10));
  if (s_.store.empty()) {
    label(L(ctx.lang, "正在获取驿站数据…", "Loading stations..."), theme::kBodySize, theme::kMuted);
    return;
  }
  if (!s_.me) {
    label(L(ctx.lang, "找最近的开放驿站", "Find the nearest open station"), theme::kBodySize, theme::kText);
    ImGui::SetCursorScreenPos(ImVec2(a.x + 14, a.y + 38));
    const bool asking = s_.locate == Locate::asking;
    if (primary_button(asking ? L(ctx.lang, "正在定位…", "Locating...") : L(ctx.lang, "使用我的位置", "Use my position"),
                       (b.x - a.x - 28) * 0.55f) && !asking)
      s_.request_position();
    ImGui::SameLine(0, 8);
    if (text_button(L(ctx.lang, "在地图上选点", "Pick on map"), theme::kPrimary)) s_.locate = Locate::picking;
    return;
  }
  StationFilter open_only;
  const std::vector<ListedStation> near = nearest_stations(s_.store, *s_.me, open_only, now, 1);
  if (near.empty()) {
    label(L(ctx.lang, "附近没有正在开放的驿站", "No station is open nearby"), theme::kBodySize, theme::kText);
    return;
  }
  const hg::stations::Station& st = s_.store.stations()[static_cast<std::size_t>(near[0].index)];
  ImGui::SetCursorScreenPos(a);
  if (ImGui::InvisibleButton("##nearest", ImVec2(b.x - a.x - 90, b.y - a.y))) s_.open_station(st.id);
  trace_item(st.name.c_str(), a.x, a.y, b.x - a.x - 90, b.y - a.y);
  ImGui::SetCursorScreenPos(ImVec2(a.x + 14, a.y + 10));
  label(s_.me_picked ? L(ctx.lang, "离所选位置最近的开放驿站", "Nearest open station to the picked point")
                     : L(ctx.lang, "离您最近的开放驿站", "Nearest open station"),
        theme::kCaptionSize, theme::kOnline);
  ImGui::SetCursorScreenPos(ImVec2(a.x + 14, a.y + 32));
  ImGui::PushClipRect(a, ImVec2(b.x - 96, b.y), true);
  label(st.name.c_str(), theme::kBodySize, theme::kText);
  ImGui::PopClipRect();
  ImGui::SetCursorScreenPos(ImVec2(a.x + 14, a.y + 58));
  const std::string line = distance_text(near[0].metres) + "  " + st.district + "  " + kind_name(st.kind, ctx.lang);
  label(line.c_str(), theme::kCaptionSize, theme::kMuted);
  ImGui::SetCursorScreenPos(ImVec2(b.x - 86, a.y + (card_h - theme::kTouch) * 0.5f));
  if (primary_button(L(ctx.lang, "附近", "Nearby"), 74)) s_.push(Page::list);
}

void MapPage::draw_legend(UiContext& ctx, ImVec2 bottom_left, float width) {
  const Lang lang = ctx.lang;
  struct Row {
    ImU32 fill, ring;
    const char* zh;
    const char* en;
  };
  const Row rows[] = {
      {theme::kPinRegular, 0, "工会驿站", "Union station"},
      {theme::kPinLocker, 0, "智能柜驿站", "Smart-locker station"},
      {theme::kPinSelfService, 0, "24小时自助驿站", "24-hour self-service"},
      {theme::kPinClosed, 0, "现在未开放", "Closed now"},
      {theme::kPinRegular, theme::kPinYellowCard, "黄牌或红牌：整改中", "Yellow or red card: being put right"},
      {theme::kClusterSome, 0, "数字：该处的驿站数", "Number: stations there"},
  };
  const float row_h = 24.0f;
  const int n = static_cast<int>(sizeof rows / sizeof rows[0]);
  const float h = 12 + n * row_h + 28 + 12;
  const ImVec2 a(bottom_left.x, bottom_left.y - h), b(bottom_left.x + std::min(width, 260.0f), bottom_left.y);
  panel(a, b);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = a.y + 12;
  for (const Row& r : rows) {
    const ImVec2 c(a.x + 22, y + row_h * 0.5f);
    if (r.ring) dl->AddCircle(c, 9.0f, r.ring, 16, 3.0f);
    dl->AddCircleFilled(c, 7.0f, r.fill, 16);
    ImGui::SetCursorScreenPos(ImVec2(a.x + 40, y + (row_h - theme::kCaptionSize) * 0.5f - 1));
    label(L(lang, r.zh, r.en), theme::kCaptionSize, theme::kText);
    y += row_h;
  }
  // The map on the device stops at district borders: say so rather than look broken.
  ImGui::SetCursorScreenPos(ImVec2(a.x + 14, y + 4));
  label(L(lang, "离线底图只到区县，不含街道", "The offline map shows districts, not streets"), theme::kCaptionSize,
        theme::kMuted, b.x - a.x - 28);
}

}  // namespace hg::ui::stations
