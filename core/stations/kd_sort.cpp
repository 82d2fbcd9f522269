#include "core/stations/kd_sort.h"

#include <algorithm>
#include <cstring>
#include <memory>

namespace hg::stations {

// The tree is built from the ids sorted once by longitude and once by latitude. A node's
// list sorted on its own axis names its median directly and its halves are the children's
// lists on that axis; its list sorted on the other axis is split stably into the children's,
// which are therefore sorted for the level below. Every level is then two plain passes over
// 4-byte ids, without a comparison of coordinates.
//
// Memory is what a build mostly waits for: freshly allocated pages cost a fault each on
// first touch, as much as the sorting itself. So the output's own arrays double as scratch
// (the longitude-sorted ids live in the output ids, sort keys in the coordinate arrays until
// the coordinates are written last), leaving 9 bytes a point of extra memory.

namespace {

template <class T>
std::unique_ptr<T[]> uninitialised(std::size_t n) {
  return std::unique_ptr<T[]>(new T[n]);
}

// Ids 0…n−1 in order of one coordinate, ties in any order. Coordinates map to 22-bit
// integers over [lo, hi] (the map only ever rounds, and rounding keeps order, so a smaller
// coordinate never gets a larger integer); two branch-free radix passes of 11 bits sort by
// those, and a final insertion pass orders the few runs of equal integers exactly.
// Writes ids and their keys in order; scratch_* take as many.
template <double LonLat::*kAxis>
class AxisSort {
 public:
  AxisSort(const LonLat* pts, std::size_t n, double lo, double hi)
      : pts_(pts), n_(n), lo_(lo), scale_(hi > lo ? double(kLevels) / (hi - lo) : 0.0) {}

  void run(std::uint32_t* ids, double* keys, std::uint32_t* scratch_ids, double* scratch_keys) const {
    // A copy the compiler can keep in registers: the stores below might alias the members.
    const auto level = [lo = lo_, scale = scale_](double k) {
      double t = (k - lo) * scale;
      t = 0.0 < t ? t : 0.0;  // written so compilers emit max/min, no branch
      t = t < double(kLevels - 1) ? t : double(kLevels - 1);
      return static_cast<std::uint32_t>(t);
    };
    std::uint32_t low[kRadix] = {}, high[kRadix] = {};
    for (std::size_t i = 0; i < n_; i++) {
      const std::uint32_t q = level(key(i));
      low[q % kRadix]++;
      high[q / kRadix]++;
    }
    starts(low);
    starts(high);
    for (std::size_t i = 0; i < n_; i++) {
      const double k = key(i);
      const std::uint32_t at = low[level(k) % kRadix]++;
      scratch_ids[at] = static_cast<std::uint32_t>(i);
      scratch_keys[at] = k;
    }
    for (std::size_t i = 0; i < n_; i++) {
      const double k = scratch_keys[i];
      const std::uint32_t at = high[level(k) / kRadix]++;
      ids[at] = scratch_ids[i];
      keys[at] = k;
    }
    finish(ids, keys);
  }

 private:
  static constexpr std::uint32_t kRadix = 1 << 11, kLevels = kRadix * kRadix;
  const LonLat* pts_;
  std::size_t n_;
  double lo_, scale_;

  double key(std::size_t i) const { return pts_[i].*kAxis; }
  static void starts(std::uint32_t* count) {
    std::uint32_t sum = 0;
    for (std::uint32_t d = 0; d < kRadix; d++) {
      const std::uint32_t c = count[d];
      count[d] = sum;
      sum += c;
    }
  }
  // Insertion sort, which the radix passes leave almost nothing to do; should the input
  // crowd into few levels (one far outlier, say) and the shifting grow, a full sort instead.
  void finish(std::uint32_t* ids, double* keys) const {
    std::size_t budget = 4 * n_ + 64;
    for (std::size_t i = 1; i < n_; i++) {
      const double k = keys[i];
      if (!(k < keys[i - 1])) continue;
      const std::uint32_t id = ids[i];
      std::size_t j = i;
      for (; j > 0 && keys[j - 1] > k && budget > 0; j--, budget--) {
        keys[j] = keys[j - 1];
        ids[j] = ids[j - 1];
      }
      keys[j] = k;
      ids[j] = id;
      if (budget == 0) return sort_fully(ids, keys);
    }
  }
  void sort_fully(std::uint32_t* ids, double* keys) const {
    std::vector<std::pair<double, std::uint32_t>> all(n_);
    for (std::size_t i = 0; i < n_; i++) all[i] = {keys[i], ids[i]};
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < n_; i++) std::tie(keys[i], ids[i]) = all[i];
  }
};

class KdBuilder {
 public:
  // by_lon: ids sorted by longitude, which are also the output; by_lat: sorted by latitude.
  // spill takes at least n / 2 + 1 ids.
  KdBuilder(std::size_t n, std::size_t node_size, std::uint32_t* by_lon, std::uint32_t* by_lat, std::uint32_t* spill)
      : node_size_(node_size), out_(by_lon), by_axis_{by_lon, by_lat}, spill_(spill), side_(uninitialised<std::uint8_t>(n)) {}

  void build(std::size_t left, std::size_t right, int axis) {
    const std::uint32_t* own = by_axis_[axis];
    if (right - left <= node_size_) {
      if (own != out_) std::memcpy(out_ + left, own + left, (right - left + 1) * sizeof(std::uint32_t));
      return;
    }
    const std::size_t m = (left + right) >> 1;
    if (right - (m + 1) <= node_size_) {  // both halves are leaves: this list already is their order
      if (own != out_) std::memcpy(out_ + left, own + left, (right - left + 1) * sizeof(std::uint32_t));
      return;
    }
    const std::uint32_t median = own[m];
    std::uint8_t* side = side_.get();
    for (std::size_t i = left; i < m; i++) side[own[i]] = 0;
    for (std::size_t i = m + 1; i <= right; i++) side[own[i]] = 1;
    side[median] = 0;
    // In place and stable: the lower half and the median close up to the front, the upper
    // half goes to the spill (each id is stored to both, and only one count moves on).
    std::uint32_t* other = by_axis_[1 - axis];
    std::size_t lower = left, upper = 0, at_median = left;
    for (std::size_t i = left; i <= right; i++) {
      const std::uint32_t id = other[i];
      const std::size_t up = side[id];
      other[lower] = id;
      spill_[upper] = id;
      at_median = id == median ? lower : at_median;
      lower += 1 - up;
      upper += up;
    }
    std::memmove(other + at_median, other + at_median + 1, (m - at_median) * sizeof(std::uint32_t));
    other[m] = median;  // where the output needs it, when the output is this list
    std::memcpy(other + m + 1, spill_, upper * sizeof(std::uint32_t));
    build(left, m - 1, 1 - axis);
    build(m + 1, right, 1 - axis);
  }

 private:
  std::size_t node_size_;
  std::uint32_t* out_;
  std::uint32_t* by_axis_[2];
  std::uint32_t* spill_;
  std::unique_ptr<std::uint8_t[]> side_;  // by id: 0 lower half (or median), 1 upper half
};

GeoBox bounds_of(const std::vector<LonLat>& points) {
  double min_lon = points[0].lon, min_lat = points[0].lat, max_lon = min_lon, max_lat = min_lat;
  for (const LonLat& p : points) {  // ternaries rather than std::min, which GCC kept in memory
    min_lon = p.lon < min_lon ? p.lon : min_lon;
    max_lon = p.lon > max_lon ? p.lon : max_lon;
    min_lat = p.lat < min_lat ? p.lat : min_lat;
    max_lat = p.lat > max_lat ? p.lat : max_lat;
  }
  return {min_lon, min_lat, max_lon, max_lat};
}

}  // namespace

GeoBox kd_sort(const std::vector<LonLat>& points, std::size_t node_size, KdArrays out) {
  const std::size_t n = points.size();
  if (n == 0) return {-180, -90, 180, 90};
  const GeoBox bounds = bounds_of(points);
  {
    auto by_lat = uninitialised<std::uint32_t>(n), scratch = uninitialised<std::uint32_t>(n);
    AxisSort<&LonLat::lon>(points.data(), n, bounds.min_lon, bounds.max_lon).run(out.id, out.lon, scratch.get(), out.lat);
    AxisSort<&LonLat::lat>(points.data(), n, bounds.min_lat, bounds.max_lat).run(by_lat.get(), out.lat, scratch.get(), out.lon);
    KdBuilder(n, node_size, out.id, by_lat.get(), scratch.get()).build(0, n - 1, 0);
  }
  for (std::size_t i = 0; i < n; i++) {
    out.lon[i] = points[out.id[i]].lon;
    out.lat[i] = points[out.id[i]].lat;
  }
  return bounds;
}

}  // namespace hg::stations
