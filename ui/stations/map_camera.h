// The map's own camera: a centre in web mercator ([0, 1], x east, y south) and a fractional
// zoom. One world is 512·2^zoom pixels wide, the tile size supercluster's 40 px radius is
// measured against, so a cluster's radius on screen is the radius it was built with.
// Pure arithmetic, shared by the map view, the benchmark and the tests.
#pragma once
#include <algorithm>
#include <cmath>

#include "core/stations/geo.h"

namespace hg::ui::stations {

struct MapCamera {
  static constexpr double kTile = 512.0;
  static constexpr double kMinZoom = 2.0;
  static constexpr double kMaxZoom = 18.0;

  double cx = hg::stations::mercator_x(119.30);  // Fuzhou until the device or the data says otherwise
  double cy = hg::stations::mercator_y(26.08);
  double zoom = 7.0;
  float width = 375, height = 600;  // the viewport, UI pixels

  double world_px() const { return kTile * std::exp2(zoom); }

  // Screen position (relative to the viewport's top-left) of a mercator point, and back.
  double sx(double mx) const { return (mx - cx) * world_px() + width * 0.5; }
  double sy(double my) const { return (my - cy) * world_px() + height * 0.5; }
  double mx(double sx_px) const { return cx + (sx_px - width * 0.5) / world_px(); }
  double my(double sy_px) const { return cy + (sy_px - height * 0.5) / world_px(); }

  hg::stations::LonLat lonlat_at(double sx_px, double sy_px) const {
    return {hg::stations::mercator_lon(mx(sx_px)), hg::stations::mercator_lat(std::clamp(my(sy_px), 0.0, 1.0))};
  }

  // The visible area in degrees, widened by `margin_px` so pins half outside still draw.
  hg::stations::GeoBox visible_box(double margin_px = 0) const {
    const double x0 = mx(-margin_px), x1 = mx(width + margin_px);
    const double y0 = std::clamp(my(-margin_px), 0.0, 1.0), y1 = std::clamp(my(height + margin_px), 0.0, 1.0);
    return {hg::stations::mercator_lon(std::max(0.0, x0)), hg::stations::mercator_lat(y1),
            hg::stations::mercator_lon(std::min(1.0, x1)), hg::stations::mercator_lat(y0)};
  }

  void pan_px(double dx, double dy) {
    cx -= dx / world_px();
    cy -= dy / world_px();
    clamp();
  }

  // Zooms by `factor` keeping the point under (ax, ay) fixed on screen, as maps do for the
  // wheel, a pinch or a double tap.
  void zoom_at(double factor, double ax, double ay) {
    const double before_x = mx(ax), before_y = my(ay);
    zoom = std::clamp(zoom + std::log2(factor), kMinZoom, kMaxZoom);
    cx = before_x - (ax - width * 0.5) / world_px();
    cy = before_y - (ay - height * 0.5) / world_px();
    clamp();
  }

  void centre_on(hg::stations::LonLat p) {
    cx = hg::stations::mercator_x(p.lon);
    cy = hg::stations::mercator_y(p.lat);
    clamp();
  }

  void clamp() {
    cx = std::clamp(cx, 0.0, 1.0);
    cy = std::clamp(cy, 0.0, 1.0);
  }
};

}  // namespace hg::ui::stations
