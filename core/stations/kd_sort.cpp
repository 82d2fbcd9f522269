#include "core/stations/kd_sort.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/stations/inline.h"

namespace hg::stations {

// The tree is built in rank space: each point is the pair of its places in the longitude
// order and in the latitude order. Two lists hold a node's points, one in longitude order
// (each entry the point's latitude rank), one in latitude order (each its longitude rank).
// A node's list sorted on its own axis names its median directly and its halves are the
// children's lists on that axis; its other list is split stably by comparing its entries
// with the median's rank, so the children's lists come out sorted too. Every level is then
// one streamed pass of 4-byte compares, with no lookup per point; ids return at the leaves.

namespace {

template <class T>
std::unique_ptr<T[]> uninitialised(std::size_t n) {
  return std::unique_ptr<T[]>(new T[n]);
}

constexpr std::uint32_t kRadix = 1 << 11, kLevels = kRadix * kRadix;

// Coordinates on one axis map to 22-bit integer levels over [lo, hi]: the map only ever
// rounds, and rounding keeps order, so a smaller coordinate never gets a larger level.
class Levels {
 public:
  Levels(double lo, double hi) : lo_(lo), scale_(hi > lo ? double(kLevels - 1) / (hi - lo) : 0.0) {}
  // Rounded by adding 1.5·2^52, whose last mantissa bits are then the integer: no float to
  // int conversion, which wasm guards with a range check.
  HG_INLINE std::uint32_t operator()(double k) const {
    double t = (k - lo_) * scale_;
    t = 0.0 < t ? t : 0.0;  // written so compilers emit max/min, no branch
    t = t < double(kLevels - 1) ? t : double(kLevels - 1);
    t += 6755399441055744.0;
    std::uint64_t bits;
    std::memcpy(&bits, &t, sizeof bits);
    return static_cast<std::uint32_t>(bits);
  }

 private:
  double lo_, scale_;
};

// Both axes' levels and the counts of their low and high 11 bits, in one pass over the points.
struct Histograms {
  std::uint32_t lon_low[kRadix] = {}, lon_high[kRadix] = {}, lat_low[kRadix] = {}, lat_high[kRadix] = {};
};

void count_levels(const LonLat* pts, std::size_t n, const GeoBox& b, std::uint32_t* lon_levels,
                  std::uint32_t* lat_levels, Histograms& h) {
  const Levels lon(b.min_lon, b.max_lon), lat(b.min_lat, b.max_lat);
  for (std::size_t i = 0; i < n; i++) {
    const std::uint32_t x = lon(pts[i].lon), y = lat(pts[i].lat);
    lon_levels[i] = x;
    lat_levels[i] = y;
    h.lon_low[x % kRadix]++;
    h.lon_high[x / kRadix]++;
    h.lat_low[y % kRadix]++;
    h.lat_high[y / kRadix]++;
  }
}

void starts(std::uint32_t* count) {
  std::uint32_t sum = 0;
  for (std::uint32_t d = 0; d < kRadix; d++) {
    const std::uint32_t c = count[d];
    count[d] = sum;
    sum += c;
  }
}

// Ids 0…n−1 in order of one coordinate, and each id's place in that order: two branch-free
// radix passes of 11 bits sort by level, then the few runs of equal levels are put in
// order by the coordinates themselves while the places are written.
template <double LonLat::*kAxis>
class AxisSort {
 public:
  AxisSort(const LonLat* pts, std::size_t n) : pts_(pts), n_(n) {}

  // levels: from count_levels, overwritten; scratch_ids and scratch_levels take n each.
  void run(std::uint32_t* low, std::uint32_t* high, std::uint32_t* levels, std::uint32_t* ids, std::uint32_t* rank,
           std::uint32_t* scratch_ids, std::uint32_t* scratch_levels) const {
    starts(low);
    starts(high);
    for (std::size_t i = 0; i < n_; i++) {
      const std::uint32_t q = levels[i];
      const std::uint32_t at = low[q % kRadix]++;
      scratch_ids[at] = static_cast<std::uint32_t>(i);
      scratch_levels[at] = q;
    }
    for (std::size_t i = 0; i < n_; i++) {
      const std::uint32_t q = scratch_levels[i];
      const std::uint32_t at = high[q / kRadix]++;
      ids[at] = scratch_ids[i];
      levels[at] = q;
    }
    finish(ids, rank, levels);
  }

 private:
  const LonLat* pts_;
  std::size_t n_;

  HG_INLINE double key(std::uint32_t id) const { return pts_[id].*kAxis; }
  // Insertion sort within runs of equal levels, which the radix passes leave short, writing
  // each id's place as it goes; should the input crowd into few levels (one far outlier,
  // say) and the shifting grow, a full sort instead.
  void finish(std::uint32_t* ids, std::uint32_t* rank, const std::uint32_t* levels) const {
    std::size_t budget = 4 * n_ + 64;
    rank[ids[0]] = 0;
    for (std::size_t i = 1; i < n_; i++) {
      const std::uint32_t id = ids[i];
      rank[id] = static_cast<std::uint32_t>(i);
      if (levels[i] != levels[i - 1]) continue;
      const double k = key(id);
      std::size_t j = i;
      for (; j > 0 && levels[j - 1] == levels[i] && key(ids[j - 1]) > k && budget > 0; j--, budget--) {
        ids[j] = ids[j - 1];
        rank[ids[j]] = static_cast<std::uint32_t>(j);
      }
      ids[j] = id;
      rank[id] = static_cast<std::uint32_t>(j);
      if (budget == 0) return sort_fully(ids, rank);
    }
  }
  void sort_fully(std::uint32_t* ids, std::uint32_t* rank) const {
    for (std::size_t i = 0; i < n_; i++) ids[i] = static_cast<std::uint32_t>(i);
    std::sort(ids, ids + n_, [this](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    for (std::size_t i = 0; i < n_; i++) rank[ids[i]] = static_cast<std::uint32_t>(i);
  }
};

class KdBuilder {
 public:
  // *_order: ids sorted by each axis; rank_*: each id's place in those; lon_list and
  // lat_list as above, split in place; spill takes at least n / 2 + 1.
  KdBuilder(std::size_t node_size, const std::uint32_t* lon_order, const std::uint32_t* lat_order,
            const std::uint32_t* rank_lon, const std::uint32_t* rank_lat, std::uint32_t* lon_list, std::uint32_t* lat_list,
            std::uint32_t* spill, std::uint32_t* out)
      : node_size_(node_size), order_{lon_order, lat_order}, rank_{rank_lon, rank_lat}, list_{lon_list, lat_list},
        spill_(spill), out_(out) {}

  void build(std::size_t left, std::size_t right, int axis) {
    // list_[axis] is sorted on `axis` and holds the other axis' ranks, so its ids come from
    // the other axis' order.
    const std::uint32_t* own = list_[axis];
    const std::uint32_t* own_ids = order_[1 - axis];
    const std::size_t m = (left + right) >> 1;
    // A leaf, or a node whose halves are both leaves: its own list already is their order.
    if (right - left <= node_size_ || right - (m + 1) <= node_size_) {
      for (std::size_t i = left; i <= right; i++) out_[i] = own_ids[own[i]];
      return;
    }
    const std::uint32_t median_id = own_ids[own[m]];
    const std::uint32_t median = rank_[axis][median_id];  // its rank on this axis
    out_[m] = median_id;
    // In place and stable: values below the median's close up to the front (exactly
    // m − left of them), those above go to the spill; each is stored to both, only one
    // count moves on, and the median itself to neither.
    std::uint32_t* other = list_[1 - axis];
    std::uint32_t* spill = spill_;
    std::size_t lower = left, upper = 0;
    for (std::size_t i = left; i <= right; i++) {
      const std::uint32_t v = other[i];
      other[lower] = v;
      spill[upper] = v;
      lower += v < median;
      upper += v > median;
    }
    std::memcpy(other + m + 1, spill, upper * sizeof(std::uint32_t));
    build(left, m - 1, 1 - axis);
    build(m + 1, right, 1 - axis);
  }

 private:
  std::size_t node_size_;
  const std::uint32_t* order_[2];
  const std::uint32_t* rank_[2];
  std::uint32_t* list_[2];
  std::uint32_t* spill_;
  std::uint32_t* out_;
};

// In two lanes (even and odd points), so that each comparison waits on the one two points
// back rather than on the last; ternaries rather than std::min, which GCC kept in memory.
GeoBox bounds_of(const LonLat* points, std::size_t n) {
  double min_lon[2] = {points[0].lon, points[0].lon}, max_lon[2] = {points[0].lon, points[0].lon};
  double min_lat[2] = {points[0].lat, points[0].lat}, max_lat[2] = {points[0].lat, points[0].lat};
  for (std::size_t i = 0; i < n; i++) {
    const std::size_t k = i & 1;
    const double x = points[i].lon, y = points[i].lat;
    min_lon[k] = x < min_lon[k] ? x : min_lon[k];
    max_lon[k] = x > max_lon[k] ? x : max_lon[k];
    min_lat[k] = y < min_lat[k] ? y : min_lat[k];
    max_lat[k] = y > max_lat[k] ? y : max_lat[k];
  }
  return {min_of(min_lon[0], min_lon[1]), min_of(min_lat[0], min_lat[1]), max_of(max_lon[0], max_lon[1]),
          max_of(max_lat[0], max_lat[1])};
}

}  // namespace

GeoBox kd_sort(const std::vector<LonLat>& points, std::size_t node_size, KdArrays out) {
  const std::size_t n = points.size();
  if (n == 0) return {-180, -90, 180, 90};
  const LonLat* pts = points.data();
  const GeoBox bounds = bounds_of(pts, n);
  {
    // Both orders, both ranks, and four of scratch: the sorts' levels and their scratch,
    // then the builder's lists and spill.
    auto block = uninitialised<std::uint32_t>(8 * n);
    std::uint32_t *lon_order = block.get(), *lat_order = lon_order + n, *rank_lon = lat_order + n,
                  *rank_lat = rank_lon + n, *lon_levels = rank_lat + n, *lat_levels = lon_levels + n,
                  *scratch = lat_levels + n;
    auto h = std::make_unique<Histograms>();
    count_levels(pts, n, bounds, lon_levels, lat_levels, *h);
    AxisSort<&LonLat::lon>(pts, n).run(h->lon_low, h->lon_high, lon_levels, lon_order, rank_lon, scratch, scratch + n);
    AxisSort<&LonLat::lat>(pts, n).run(h->lat_low, h->lat_high, lat_levels, lat_order, rank_lat, scratch, scratch + n);
    std::uint32_t *lon_list = lon_levels, *lat_list = lat_levels;
    for (std::size_t i = 0; i < n; i++) lon_list[i] = rank_lat[lon_order[i]];
    for (std::size_t i = 0; i < n; i++) lat_list[i] = rank_lon[lat_order[i]];
    KdBuilder(node_size, lon_order, lat_order, rank_lon, rank_lat, lon_list, lat_list, scratch, out.id).build(0, n - 1, 0);
  }
  for (std::size_t i = 0; i < n; i++) {
    const LonLat p = pts[out.id[i]];
    out.lon[i] = p.lon;
    out.lat[i] = p.lat;
  }
  return bounds;
}

}  // namespace hg::stations
