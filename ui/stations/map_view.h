// The station map: base map, clustered pins (count bubbles; single stations coloured by
// kind with a yellow/red ring for a carded station), the member's position, and the
// gestures (drag to pan, wheel / pinch / double tap to zoom, tap a pin or a cluster).
// Each frame queries only the viewport from the cluster tree built once per data version.
#pragma once
#include <imgui.h>

#include <optional>
#include <vector>

#include "core/cst_time.h"
#include "core/stations/cluster_index.h"
#include "ui/i18n.h"
#include "ui/stations/map_camera.h"
#include "ui/stations/station_store.h"

namespace hg::ui::stations {

struct MapTap {
  enum class Kind { none, station, point } kind = Kind::none;
  int station = -1;             // index in the store, for Kind::station
  hg::stations::LonLat at;      // the tapped place (GCJ-02), for Kind::point
};

class MapView {
 public:
  MapCamera& camera() { return cam_; }
  // The base map's place names follow the interface language.
  void set_lang(Lang lang) { lang_ = lang; }
  const MapCamera& camera() const { return cam_; }

  // Draws into the rectangle at `pos` and handles its gestures (call before drawing any
  // overlay buttons: they take the taps over the map).
  MapTap draw(const StationStore& store, ImVec2 pos, ImVec2 size, UnixSeconds now,
              std::optional<hg::stations::LonLat> me);

  // Just the drawing, without input (the benchmark's frame, and draw() itself).
  void paint(ImDrawList* dl, const StationStore& store, ImVec2 pos, UnixSeconds now,
             std::optional<hg::stations::LonLat> me);

  // What the last paint put on screen: clusters and single stations.
  std::size_t clusters_drawn() const { return clusters_drawn_; }
  std::size_t pins_drawn() const { return pins_drawn_; }

 private:
  MapTap hit(const StationStore& store, ImVec2 pos, ImVec2 at);
  MapCamera cam_;
  Lang lang_ = Lang::zh;
  std::vector<hg::stations::ClusterFeature> features_;
  std::vector<ImVec4> bubble_boxes_;  // screen boxes of this frame's bubbles (names keep clear)
  std::size_t clusters_drawn_ = 0, pins_drawn_ = 0;
  ImVec2 press_at_{0, 0};
  ImVec2 applied_{0, 0};  // the part of this drag already panned
  bool dragged_ = false;
  bool paint_pending_tap_ = false;
};

// Screen radius of a cluster bubble with `count` stations.
float cluster_radius(std::uint32_t count);

}  // namespace hg::ui::stations
