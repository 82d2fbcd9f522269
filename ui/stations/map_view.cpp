#include "ui/stations/map_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/gesture.h"
#include "ui/stations/base_map.h"
#include "ui/theme.h"
#include "ui/trace.h"

namespace hg::ui::stations {

using hg::stations::Station;
using hg::stations::StationKind;
using hg::stations::StationStatus;

namespace {

constexpr float kPinRadius = 9.0f;
constexpr float kTapSlop = 8.0f;  // px a finger may move and still tap

ImU32 kind_color(StationKind k) {
  switch (k) {
    case StationKind::regular: return theme::kPinRegular;
    case StationKind::smart_locker: return theme::kPinLocker;
    case StationKind::self_service_24h: return theme::kPinSelfService;
  }
  return theme::kMuted;
}

ImU32 cluster_color(std::uint32_t count) {
  if (count < 10) return theme::kClusterFew;
  if (count < 100) return theme::kClusterSome;
  return theme::kClusterMany;
}

}  // namespace

float cluster_radius(std::uint32_t count) {
  return std::min(28.0f, 13.0f + 3.0f * std::log10(static_cast<float>(count)) * 1.6f);
}

void MapView::paint(ImDrawList* dl, const StationStore& store, ImVec2 pos, UnixSeconds now,
                    std::optional<hg::stations::LonLat> me) {
  const ImVec2 end(pos.x + cam_.width, pos.y + cam_.height);
  dl->PushClipRect(pos, end, true);
  dl->AddRectFilled(pos, end, theme::kMapSea);

  features_.clear();
  clusters_drawn_ = pins_drawn_ = 0;
  if (!store.empty()) store.clusters().clusters(cam_.visible_box(32), cam_.zoom, features_);
  const double world = cam_.world_px();
  const float hx = pos.x + cam_.width * 0.5f, hy = pos.y + cam_.height * 0.5f;
  const auto screen = [&](double mx, double my) {
    return ImVec2(hx + static_cast<float>((mx - cam_.cx) * world), hy + static_cast<float>((my - cam_.cy) * world));
  };
  // The base map's names keep clear of the bubbles drawn over them.
  bubble_boxes_.clear();
  for (const hg::stations::ClusterFeature& f : features_) {
    if (!f.is_cluster()) continue;
    const ImVec2 c = screen(f.x, f.y);
    const float r = cluster_radius(f.count) + 4.0f;
    bubble_boxes_.emplace_back(c.x - r, c.y - r, c.x + r, c.y + r);
  }
  BaseMap::embedded().draw(dl, cam_, pos, lang_ == Lang::en, bubble_boxes_);
  ImFont* font = ImGui::GetFont();
  // Single stations first, clusters on top; names only at street zooms where pins are sparse.
  const bool names = cam_.zoom >= 14.0;
  const std::vector<Station>& all = store.stations();
  for (const hg::stations::ClusterFeature& f : features_) {
    if (f.is_cluster()) continue;
    const int at = store.map_station(f.id);
    if (at < 0) continue;
    const Station& s = all[static_cast<std::size_t>(at)];
    const ImVec2 c = screen(f.x, f.y);
    const bool open = s.open_at(now);
    if (s.status == StationStatus::yellow_card || s.status == StationStatus::red_card)
      dl->AddCircle(c, kPinRadius + 3.5f, s.status == StationStatus::red_card ? theme::kPinRedCard : theme::kPinYellowCard,
                    20, 3.0f);
    dl->AddCircleFilled(c, kPinRadius + 2.0f, theme::kOnColour, 16);
    dl->AddCircleFilled(c, kPinRadius, open ? kind_color(s.kind) : theme::kPinClosed, 16);
    if (s.kind == StationKind::self_service_24h) {
      // "24" in the 24-hour stations' pins, so they read without the legend.
      const ImVec2 ts = font->CalcTextSizeA(theme::kMapPinBadgeSize, FLT_MAX, 0, "24");
      dl->AddText(font, theme::kMapPinBadgeSize, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), theme::kOnColour, "24");
    }
    if (names) {
      // A white halo keeps the name readable over lines and other pins.
      const ImVec2 label_at(c.x + kPinRadius + 4, c.y - 7);
      for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        dl->AddText(font, theme::kMapPinLabelSize, ImVec2(label_at.x + d.x, label_at.y + d.y), theme::kMapPinLabelHalo, s.name.c_str());
      dl->AddText(font, theme::kMapPinLabelSize, label_at, theme::kText, s.name.c_str());
      trace_label(s.name.c_str());
    }
    trace_item(s.name.c_str(), c.x - kPinRadius, c.y - kPinRadius, 2 * kPinRadius, 2 * kPinRadius);
    ++pins_drawn_;
  }
  char count[16];
  for (const hg::stations::ClusterFeature& f : features_) {
    if (!f.is_cluster()) continue;
    const ImVec2 c = screen(f.x, f.y);
    const float r = cluster_radius(f.count);
    dl->AddCircleFilled(c, r + 4.0f, (cluster_color(f.count) & ~IM_COL32_A_MASK) | (theme::kClusterHaloAlpha << IM_COL32_A_SHIFT), 24);
    dl->AddCircleFilled(c, r, cluster_color(f.count), 24);
    if (f.count >= 10000)
      std::snprintf(count, sizeof count, "%.0fk", f.count / 1000.0);
    else
      std::snprintf(count, sizeof count, "%u", f.count);
    const float size = r > 18 ? theme::kSmallSize : theme::kCaptionSize;
    const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, count);
    dl->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), theme::kOnColour, count);
    trace_item(count, c.x - r, c.y - r, 2 * r, 2 * r);
    ++clusters_drawn_;
  }
  if (me) {
    const ImVec2 c = screen(hg::stations::mercator_x(me->lon), hg::stations::mercator_y(me->lat));
    dl->AddCircleFilled(c, 16.0f, theme::kMeHalo, 24);
    dl->AddCircleFilled(c, 8.0f, theme::kOnColour, 16);
    dl->AddCircleFilled(c, 6.0f, theme::kMe, 16);
  }
  dl->PopClipRect();
}

MapTap MapView::hit(const StationStore& store, ImVec2 pos, ImVec2 at) {
  // The nearest pin or bubble under the finger (a finger is wider than a 9 px pin).
  const double world = cam_.world_px();
  const hg::stations::ClusterFeature* best = nullptr;
  float best_d = 1e9f;
  for (const hg::stations::ClusterFeature& f : features_) {
    const float x = pos.x + cam_.width * 0.5f + static_cast<float>((f.x - cam_.cx) * world);
    const float y = pos.y + cam_.height * 0.5f + static_cast<float>((f.y - cam_.cy) * world);
    const float d = std::hypot(x - at.x, y - at.y);
    const float reach = std::max(f.is_cluster() ? cluster_radius(f.count) : kPinRadius, theme::kTouch * 0.5f);
    if (d <= reach && d < best_d) {
      best = &f;
      best_d = d;
    }
  }
  MapTap tap;
  if (best && best->is_cluster()) {
    // A bubble opens up: zoom in around it until it splits.
    cam_.zoom_at(4.0, at.x - pos.x, at.y - pos.y);
    return tap;
  }
  if (best && store.map_station(best->id) >= 0) {
    tap.kind = MapTap::Kind::station;
    tap.station = store.map_station(best->id);
    return tap;
  }
  tap.kind = MapTap::Kind::point;
  tap.at = cam_.lonlat_at(at.x - pos.x, at.y - pos.y);
  return tap;
}

MapTap MapView::draw(const StationStore& store, ImVec2 pos, ImVec2 size, UnixSeconds now,
                     std::optional<hg::stations::LonLat> me) {
  cam_.width = size.x;
  cam_.height = size.y;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetCursorScreenPos(pos);
  ImGui::SetNextItemAllowOverlap();  // the zoom and locate buttons drawn later sit on the map
  ImGui::InvisibleButton("##map", size);
  const bool hovered = ImGui::IsItemHovered();
  MapTap tap;

  PinchInput& pinch = pinch_input();
  if (pinch.scale != 1.0f) {
    cam_.zoom_at(pinch.scale, pinch.x - pos.x, pinch.y - pos.y);
    pinch.scale = 1.0f;
  }
  if (ImGui::IsItemActivated()) {
    press_at_ = io.MousePos;
    dragged_ = false;
    applied_ = ImVec2(0, 0);
  }
  if (ImGui::IsItemActive()) {
    const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    if (!dragged_ && std::hypot(d.x, d.y) > kTapSlop) dragged_ = true;
    // Two fingers pinch rather than pan: the first finger's moves are not a drag then.
    // Once a drag starts, the map catches up with the slop too: it stays under the finger.
    if (dragged_ && !pinch.active) cam_.pan_px(d.x - applied_.x, d.y - applied_.y);
    if (dragged_) applied_ = d;
    if (pinch.active) dragged_ = true;
  }
  if (hovered && io.MouseWheel != 0.0f)
    cam_.zoom_at(std::pow(1.25, static_cast<double>(io.MouseWheel)), io.MousePos.x - pos.x, io.MousePos.y - pos.y);
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    cam_.zoom_at(2.0, io.MousePos.x - pos.x, io.MousePos.y - pos.y);
  } else if (ImGui::IsItemDeactivated() && !dragged_) {
    paint_pending_tap_ = true;
  }
  paint(ImGui::GetWindowDrawList(), store, pos, now, me);
  if (paint_pending_tap_) {
    // Hit-tested against what is on screen now, after this frame's query.
    paint_pending_tap_ = false;
    tap = hit(store, pos, press_at_);
  }
  return tap;
}

}  // namespace hg::ui::stations
