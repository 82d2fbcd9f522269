// Shared geometry for the station map: points in degrees, great-circle distance in metres
// and the web-mercator projection the map (and clustering) works in.
#pragma once
#include <cmath>

namespace hg::stations {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180.0;
// Mean Earth radius, the one geokdbush and most map libraries use, so distances agree.
constexpr double kEarthRadiusM = 6371000.0;

struct LonLat {
  double lon = 0;  // degrees east
  double lat = 0;  // degrees north
};

// Axis-aligned box in degrees (lon = x, lat = y); bounds inclusive.
struct GeoBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

// Haversine of an angle in radians: sin²(θ/2). Distances are compared in this form so the
// hot loops never take a square root or an arcsine.
inline double haversin(double theta) {
  double s = std::sin(theta / 2);
  return s * s;
}
double haversin_to_metres(double h);
double metres_to_haversin(double metres);
double distance_m(LonLat a, LonLat b);

// Spherical mercator in [0, 1] (x east, y south), as vector tiles and supercluster use.
double mercator_x(double lon);
double mercator_y(double lat);  // clamped to [0, 1] near the poles
double mercator_lon(double x);
double mercator_lat(double y);

}  // namespace hg::stations
