#include "core/stations/geo.h"

#include <algorithm>

namespace hg::stations {

double haversin_to_metres(double h) { return 2 * kEarthRadiusM * std::asin(std::sqrt(std::min(1.0, std::max(0.0, h)))); }

double metres_to_haversin(double metres) {
  // Beyond half the circumference every point on Earth is within reach.
  if (metres >= kPi * kEarthRadiusM) return 1.0;
  return haversin(metres / kEarthRadiusM);
}

double distance_m(LonLat a, LonLat b) {
  double h = haversin((b.lat - a.lat) * kRad) + std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * haversin((b.lon - a.lon) * kRad);
  return haversin_to_metres(h);
}

double mercator_x(double lon) { return lon / 360 + 0.5; }

double mercator_y(double lat) {
  // Written exactly as supercluster writes it: cluster ids depend on these bits.
  double s = std::sin(lat * kPi / 180);
  double y = 0.5 - 0.25 * std::log((1 + s) / (1 - s)) / kPi;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

double mercator_lon(double x) { return (x - 0.5) * 360; }

double mercator_lat(double y) {
  double y2 = (180 - y * 360) * kPi / 180;
  return 360 * std::atan(std::exp(y2)) / kPi - 90;
}

}  // namespace hg::stations
