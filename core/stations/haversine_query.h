// Great-circle distances from one query point, for GeoIndex's searches. Everything is in
// haversine form, hav = sin²(d / 2R), which grows with the distance, so the searches compare
// these numbers and never take a square root or an arcsine.
#pragma once
#include <cmath>

#include "core/stations/geo.h"
#include "core/stations/inline.h"

namespace hg::stations {

// sin and cos for the small angles (a few degrees) that separate a query from its nearest
// stations, as Taylor polynomials accurate to the last bit for |x| < 0.25 rad; larger angles
// take the library call.
HG_INLINE double sin_small(double x) {
  if (std::fabs(x) >= 0.25) return std::sin(x);
  double x2 = x * x;
  return x * (1 + x2 * (-1.0 / 6 + x2 * (1.0 / 120 + x2 * (-1.0 / 5040 + x2 * (1.0 / 362880 + x2 * (-1.0 / 39916800))))));
}
HG_INLINE double cos_small(double x) {
  if (std::fabs(x) >= 0.25) return std::cos(x);
  double x2 = x * x;
  return 1 + x2 * (-0.5 + x2 * (1.0 / 24 + x2 * (-1.0 / 720 + x2 * (1.0 / 40320 + x2 * (-1.0 / 3628800 + x2 / 479001600)))));
}

// A lower bound of hav(t) for |t| ≤ π, from cos t ≤ 1 − t²/2 + t⁴/24: three multiplications
// where sin_small needs a polynomial.
HG_INLINE double haversin_floor(double t) {
  const double t2 = t * t;
  return t2 * (0.25 - t2 * (1.0 / 48));
}

// The searches first compare cheap lower bounds (a few multiplications, no polynomial) with
// the distance to beat, and compute to_point only for what those do not rule out. Bounds
// are shaved by a relative 1e-9, far above the rounding of either side, so that rounding
// never rules out a point that would beat the distance.
struct HaversineQuery {
  double lon, lat, cos_lat, sin_lat, abs_sin_lat;
  // The query's longitude is brought within ±180 like the stations' (distances repeat every
  // 360°, and the bounds below assume no two longitudes are more than 360° apart).
  explicit HaversineQuery(LonLat c)
      : lon(c.lon - 360 * std::floor((c.lon + 180) / 360)), lat(c.lat), cos_lat(std::cos(c.lat * kRad)),
        sin_lat(std::sin(c.lat * kRad)), abs_sin_lat(std::fabs(sin_lat)) {}

  // Degrees of longitude between a and b the short way round. A minimum rather than a
  // branch, so that loops over points vectorise.
  HG_INLINE static double lon_gap(double a, double b) {
    const double d = std::fabs(a - b), e = 360 - d;
    return e < d ? e : d;
  }

  // hav(Δφ) + cos φ1 · cos φ2 · hav(Δλ), with cos φ2 = cos(φ1 + Δφ) by the angle-sum
  // formula on the half-angle's sine and cosine.
  HG_INLINE double to_point(double lon2, double lat2) const {
    const double half = (lat2 - lat) * kRad / 2;
    const double s = sin_small(half), c = cos_small(half);
    const double cos_lat2 = max_of(0.0, cos_lat * (1 - 2 * s * s) - sin_lat * 2 * s * c);
    const double se = sin_small(lon_gap(lon2, lon) * kRad / 2);
    return s * s + cos_lat * cos_lat2 * se * se;
  }

  // cos of every latitude within `dlat` degrees of the query's is at least this, by Taylor:
  // cos(φ1 + d) ≥ cos φ1 − |sin φ1|·|d| − d²/2.
  HG_INLINE double cos_floor(double dlat) const {
    const double d = std::fabs(dlat) * kRad;
    return max_of(0.0, cos_lat - abs_sin_lat * d - d * d / 2);
  }

  // A lower bound of to_point for one point.
  HG_INLINE double to_point_floor(double lon2, double lat2) const {
    const double dlat = lat2 - lat;
    return (haversin_floor(dlat * kRad) + cos_lat * cos_floor(dlat) * haversin_floor(lon_gap(lon2, lon) * kRad)) *
           (1 - 1e-9);
  }

  // Bounds of to_point for the points of one cell, as a·Δlat² + b·Δlon² (degrees, Δlon the
  // short way round): with T the largest |Δ| in the cell (radians), hav t ≥ t²/4·(1 − T²/12)
  // and cos φ2 ≥ cos_floor below; hav t ≤ t²/4 and cos φ2 ≤ cos φ1 + |sin φ1|·T above.
  struct CellBounds {
    double floor_lat, floor_lon, ceiling_lat, ceiling_lon;
    HG_INLINE double floor(double dlat, double dlon) const { return floor_lat * dlat * dlat + floor_lon * dlon * dlon; }
    HG_INLINE double ceiling(double dlat, double dlon) const { return ceiling_lat * dlat * dlat + ceiling_lon * dlon * dlon; }
  };
  template <class Box>  // GeoBox or anything with its four fields
  HG_INLINE CellBounds bounds_in(const Box& cell) const {
    const double most_lat = max_of(std::fabs(cell.min_lat - lat), std::fabs(cell.max_lat - lat));
    const double most_lon = min_of(180.0, max_of(std::fabs(cell.min_lon - lon), std::fabs(cell.max_lon - lon)));
    constexpr double kFloor = kRad * kRad / 4 * (1 - 1e-9), kCeiling = kRad * kRad / 4 * (1 + 1e-9);
    return {kFloor * hav_factor(most_lat), kFloor * cos_lat * cos_floor(most_lat) * hav_factor(most_lon), kCeiling,
            kCeiling * cos_lat * min_of(1.0, cos_lat + abs_sin_lat * most_lat * kRad)};
  }

  // For every point of the box: each term at least its own minimum over the box.
  template <class Box>
  HG_INLINE double to_box_floor(const Box& b) const {
    const double dlat = lat < b.min_lat ? b.min_lat - lat : lat > b.max_lat ? lat - b.max_lat : 0.0;
    double h = haversin_floor(dlat * kRad);
    if (lon < b.min_lon || lon > b.max_lon) {
      const double dlon = min_of(lon_gap(lon, b.min_lon), lon_gap(lon, b.max_lon));
      const double farthest = max_of(std::fabs(b.min_lat - lat), std::fabs(b.max_lat - lat));
      h += cos_lat * cos_floor(farthest) * haversin_floor(dlon * kRad);
    }
    return h * (1 - 1e-9);
  }

 private:
  // 1 − t²/12 for the largest angle t (degrees) in a cell, at least 0.
  HG_INLINE static double hav_factor(double most) {
    const double t = most * kRad;
    return max_of(0.0, 1 - t * t / 12);
  }
};

}  // namespace hg::stations
