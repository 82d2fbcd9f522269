#include "core/stations/gcj02.h"

#include <cmath>

namespace hg::stations {

namespace {

constexpr double kA = 6378245.0;                // Krasovsky 1940 semi-major axis
constexpr double kEe = 0.00669342162296594323;  // its first eccentricity squared

double shift_lat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double shift_lon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

}  // namespace

bool in_china(LonLat p) { return p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271; }

LonLat wgs84_to_gcj02(LonLat wgs) {
  if (!in_china(wgs)) return wgs;
  double dlat = shift_lat(wgs.lon - 105.0, wgs.lat - 35.0);
  double dlon = shift_lon(wgs.lon - 105.0, wgs.lat - 35.0);
  double rad_lat = wgs.lat / 180.0 * kPi;
  double magic = 1 - kEe * std::sin(rad_lat) * std::sin(rad_lat);
  double sqrt_magic = std::sqrt(magic);
  dlat = (dlat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrt_magic) * kPi);
  dlon = (dlon * 180.0) / (kA / sqrt_magic * std::cos(rad_lat) * kPi);
  return {wgs.lon + dlon, wgs.lat + dlat};
}

LonLat gcj02_to_wgs84(LonLat gcj) {
  if (!in_china(gcj)) return gcj;
  // The offset changes slowly (hundreds of metres over degrees), so w ← w − (f(w) − gcj)
  // converges fast; a few rounds reach 1e-9° (≈0.1 mm).
  LonLat w = gcj;
  for (int i = 0; i < 10; i++) {
    LonLat g = wgs84_to_gcj02(w);
    double ex = g.lon - gcj.lon, ey = g.lat - gcj.lat;
    w.lon -= ex;
    w.lat -= ey;
    if (std::fabs(ex) < 1e-10 && std::fabs(ey) < 1e-10) break;
  }
  return w;
}

}  // namespace hg::stations
