#include "core/stations/geo_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <queue>
#include <utility>

namespace hg::stations {

namespace {

struct Entry {
  double lon, lat;
  std::uint32_t id;
};

// Recursive kd-sort: the median of [left, right] on `axis` goes to the middle, smaller ones
// before it, larger ones after, then each half on the other axis. Same shape as kdbush.
void kd_sort(Entry* e, std::size_t left, std::size_t right, int axis, std::size_t node_size) {
  if (right - left <= node_size) return;
  std::size_t m = (left + right) >> 1;
  if (axis == 0) {
    std::nth_element(e + left, e + m, e + right + 1, [](const Entry& a, const Entry& b) { return a.lon < b.lon; });
  } else {
    std::nth_element(e + left, e + m, e + right + 1, [](const Entry& a, const Entry& b) { return a.lat < b.lat; });
  }
  kd_sort(e, left, m - 1, 1 - axis, node_size);
  kd_sort(e, m + 1, right, 1 - axis, node_size);
}

// sin and cos for the small angles (a few degrees) that separate a query from its nearest
// stations, as Taylor polynomials accurate to the last bit for |x| < 0.25 rad; larger angles
// take the library call. Keeps the per-point cost of kNN to a few multiplications.
inline double sin_small(double x) {
  if (std::fabs(x) >= 0.25) return std::sin(x);
  double x2 = x * x;
  return x * (1 + x2 * (-1.0 / 6 + x2 * (1.0 / 120 + x2 * (-1.0 / 5040 + x2 * (1.0 / 362880 + x2 * (-1.0 / 39916800))))));
}
inline double cos_small(double x) {
  if (std::fabs(x) >= 0.25) return std::cos(x);
  double x2 = x * x;
  return 1 + x2 * (-0.5 + x2 * (1.0 / 24 + x2 * (-1.0 / 720 + x2 * (1.0 / 40320 + x2 * (-1.0 / 3628800 + x2 / 479001600)))));
}

// Distances from one query point, in haversine form (monotonic in metres).
struct Query {
  double lon, lat, cos_lat, sin_lat;
  explicit Query(LonLat c) : lon(c.lon), lat(c.lat), cos_lat(std::cos(c.lat * kRad)), sin_lat(std::sin(c.lat * kRad)) {}

  // cos of a latitude near the query's, by the angle-sum formula on the small difference.
  double cos_at(double lat2) const {
    double d = (lat2 - lat) * kRad;
    return std::max(0.0, cos_lat * cos_small(d) - sin_lat * sin_small(d));
  }
  static double lon_gap(double a, double b) {
    double d = std::fabs(a - b);
    return d > 180 ? 360 - d : d;
  }
  double to_point(double lon2, double lat2) const {
    double sd = sin_small((lat2 - lat) * kRad / 2);
    double se = sin_small(lon_gap(lon2, lon) * kRad / 2);
    return sd * sd + cos_lat * cos_at(lat2) * se * se;
  }
  // A lower bound for every point of the box: hav(d) = hav(Δlat) + cosφ1·cosφ2·hav(Δlon),
  // and each term is at least its own minimum over the box (cos φ2 is smallest at the
  // box's highest |lat|). Shaved by a relative 1e-12 so rounding never prunes a true hit.
  double to_box(double min_lon, double min_lat, double max_lon, double max_lat) const {
    double dlat = lat < min_lat ? min_lat - lat : lat > max_lat ? lat - max_lat : 0.0;
    double sd = sin_small(dlat * kRad / 2);
    double h = sd * sd;
    if (lon < min_lon || lon > max_lon) {
      double dlon = std::min(lon_gap(lon, min_lon), lon_gap(lon, max_lon));
      double se = sin_small(dlon * kRad / 2);
      double far_lat = std::max(std::fabs(min_lat), std::fabs(max_lat));
      double cos_box = far_lat >= 90 ? 0.0 : std::min(cos_at(far_lat), cos_at(-far_lat));
      h += cos_lat * cos_box * se * se;
    }
    return h * (1 - 1e-12);
  }
};

struct Node {
  double bound;
  std::uint32_t left, right;
  int axis;
  double min_lon, min_lat, max_lon, max_lat;
};

// The two halves of node `n` around its median item `m`, each bounded by the median's
// coordinate on the split axis and split on the other axis next.
std::pair<Node, Node> split(const Node& n, std::uint32_t m, const double* c) {
  const double mx = c[2 * m], my = c[2 * m + 1];
  Node lo = n, hi = n;
  lo.right = m - 1;
  hi.left = m + 1;
  lo.axis = hi.axis = 1 - n.axis;
  (n.axis == 0 ? lo.max_lon : lo.max_lat) = n.axis == 0 ? mx : my;
  (n.axis == 0 ? hi.min_lon : hi.min_lat) = n.axis == 0 ? mx : my;
  return {lo, hi};
}

struct Hit {
  double h;
  std::uint32_t id;
  bool operator<(const Hit& o) const { return h < o.h || (h == o.h && id < o.id); }
};

void put_u16(std::vector<std::uint8_t>& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<std::uint8_t>(v);
  b[at + 1] = static_cast<std::uint8_t>(v >> 8);
}
void put_u32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; i++) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint32_t get_u32(const std::vector<std::uint8_t>& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; i++) v |= std::uint32_t{b[at + i]} << (8 * i);
  return v;
}
constexpr std::size_t kHeader = 8;
constexpr std::uint8_t kMagic = 0xdb, kVersionFloat64 = (1 << 4) + 8;  // kdbush v1, Float64Array

std::size_t id_width(std::size_t n) { return n < 65536 ? 2 : 4; }
std::size_t coords_offset(std::size_t n) {
  std::size_t ids = n * id_width(n);
  return kHeader + ids + (8 - ids % 8) % 8;
}

}  // namespace

GeoIndex::GeoIndex(const std::vector<LonLat>& points, std::uint16_t node_size)
    : node_size_(std::max<std::uint16_t>(node_size, 2)) {
  std::vector<Entry> e(points.size());
  for (std::size_t i = 0; i < points.size(); i++) e[i] = {points[i].lon, points[i].lat, static_cast<std::uint32_t>(i)};
  if (!e.empty()) kd_sort(e.data(), 0, e.size() - 1, 0, node_size_);
  ids_.resize(e.size());
  coords_.resize(e.size() * 2);
  for (std::size_t i = 0; i < e.size(); i++) {
    ids_[i] = e[i].id;
    coords_[2 * i] = e[i].lon;
    coords_[2 * i + 1] = e[i].lat;
  }
  compute_bounds();
}

void GeoIndex::compute_bounds() {
  if (ids_.empty()) return;
  bounds_ = {coords_[0], coords_[1], coords_[0], coords_[1]};
  for (std::size_t i = 0; i < ids_.size(); i++) {
    bounds_.min_lon = std::min(bounds_.min_lon, coords_[2 * i]);
    bounds_.max_lon = std::max(bounds_.max_lon, coords_[2 * i]);
    bounds_.min_lat = std::min(bounds_.min_lat, coords_[2 * i + 1]);
    bounds_.max_lat = std::max(bounds_.max_lat, coords_[2 * i + 1]);
  }
}

void GeoIndex::range(const GeoBox& box, std::vector<std::uint32_t>& out, const Filter& filter) const {
  if (ids_.empty()) return;
  // Each frame carries its node's box: a node wholly inside the query is copied out
  // without testing its points one by one.
  struct Frame {
    std::uint32_t left, right;
    int axis;
    GeoBox b;
  };
  Frame stack[64];  // depth ≤ log2(n) + 1, far below 64 for any 32-bit count
  int sp = 0;
  stack[sp++] = {0, static_cast<std::uint32_t>(ids_.size() - 1), 0, bounds_};
  const double* c = coords_.data();
  auto inside = [&](std::size_t i) {
    double x = c[2 * i], y = c[2 * i + 1];
    return x >= box.min_lon && x <= box.max_lon && y >= box.min_lat && y <= box.max_lat;
  };
  while (sp > 0) {
    Frame f = stack[--sp];
    if (!filter && f.b.min_lon >= box.min_lon && f.b.max_lon <= box.max_lon && f.b.min_lat >= box.min_lat &&
        f.b.max_lat <= box.max_lat) {
      out.insert(out.end(), ids_.begin() + f.left, ids_.begin() + f.right + 1);
      continue;
    }
    if (f.right - f.left <= node_size_) {
      for (std::size_t i = f.left; i <= f.right; i++)
        if (inside(i) && (!filter || filter(ids_[i]))) out.push_back(ids_[i]);
      continue;
    }
    std::uint32_t m = (f.left + f.right) >> 1;
    if (inside(m) && (!filter || filter(ids_[m]))) out.push_back(ids_[m]);
    double v = c[2 * m + f.axis];
    double lo = f.axis == 0 ? box.min_lon : box.min_lat, hi = f.axis == 0 ? box.max_lon : box.max_lat;
    if (lo <= v) {
      Frame l{f.left, m - 1, 1 - f.axis, f.b};
      (f.axis == 0 ? l.b.max_lon : l.b.max_lat) = v;
      stack[sp++] = l;
    }
    if (hi >= v) {
      Frame r{m + 1, f.right, 1 - f.axis, f.b};
      (f.axis == 0 ? r.b.min_lon : r.b.min_lat) = v;
      stack[sp++] = r;
    }
  }
}

std::vector<std::uint32_t> GeoIndex::range(const GeoBox& box, const Filter& filter) const {
  std::vector<std::uint32_t> out;
  range(box, out, filter);
  return out;
}

std::vector<GeoIndex::Neighbor> GeoIndex::within(LonLat centre, double metres, const Filter& filter) const {
  std::vector<Neighbor> result;
  if (ids_.empty() || !(metres >= 0)) return result;
  const Query q(centre);
  const double max_h = metres_to_haversin(metres);
  std::vector<Hit> hits;
  std::vector<Node> stack;
  stack.push_back({0, 0, static_cast<std::uint32_t>(ids_.size() - 1), 0, bounds_.min_lon, bounds_.min_lat, bounds_.max_lon, bounds_.max_lat});
  const double* c = coords_.data();
  auto visit = [&](std::size_t i) {
    double h = q.to_point(c[2 * i], c[2 * i + 1]);
    if (h <= max_h && (!filter || filter(ids_[i]))) hits.push_back({h, ids_[i]});
  };
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (n.right - n.left <= node_size_) {
      for (std::size_t i = n.left; i <= n.right; i++) visit(i);
      continue;
    }
    std::uint32_t m = (n.left + n.right) >> 1;
    visit(m);
    auto [lo, hi] = split(n, m, c);
    if (q.to_box(lo.min_lon, lo.min_lat, lo.max_lon, lo.max_lat) <= max_h) stack.push_back(lo);
    if (q.to_box(hi.min_lon, hi.min_lat, hi.max_lon, hi.max_lat) <= max_h) stack.push_back(hi);
  }
  std::sort(hits.begin(), hits.end());
  result.reserve(hits.size());
  for (const Hit& h : hits) result.push_back({h.id, haversin_to_metres(h.h)});
  return result;
}

std::vector<GeoIndex::Neighbor> GeoIndex::nearest(LonLat centre, std::size_t k, double max_metres,
                                                  const Filter& filter) const {
  std::vector<Neighbor> result;
  if (ids_.empty() || k == 0 || !(max_metres >= 0)) return result;
  const Query q(centre);
  const double max_h = metres_to_haversin(max_metres);
  // `best` is a max-heap of the k closest so far; its top is the distance to beat.
  std::vector<Hit> best;
  best.reserve(k + 1);
  auto limit = [&] { return best.size() < k ? max_h : std::min(max_h, best.front().h); };
  auto by_bound = [](const Node& a, const Node& b) { return a.bound > b.bound; };
  std::vector<Node> queue;  // min-heap on bound
  queue.reserve(64);
  queue.push_back({0, 0, static_cast<std::uint32_t>(ids_.size() - 1), 0, bounds_.min_lon, bounds_.min_lat, bounds_.max_lon, bounds_.max_lat});
  const double* c = coords_.data();
  auto visit = [&](std::size_t i) {
    double h = q.to_point(c[2 * i], c[2 * i + 1]);
    if (h > limit()) return;
    if (filter && !filter(ids_[i])) return;
    Hit hit{h, ids_[i]};
    if (best.size() == k) {
      if (!(hit < best.front())) return;
      std::pop_heap(best.begin(), best.end());
      best.pop_back();
    }
    best.push_back(hit);
    std::push_heap(best.begin(), best.end());
  };
  while (!queue.empty()) {
    std::pop_heap(queue.begin(), queue.end(), by_bound);
    Node n = queue.back();
    queue.pop_back();
    // Every node left is at least this far: nothing there can beat the k found so far.
    if (n.bound > limit()) break;
    if (n.right - n.left <= node_size_) {
      for (std::size_t i = n.left; i <= n.right; i++) visit(i);
      continue;
    }
    std::uint32_t m = (n.left + n.right) >> 1;
    visit(m);
    auto [lo, hi] = split(n, m, c);
    for (Node* child : {&lo, &hi}) {
      if (child->left > child->right) continue;
      child->bound = q.to_box(child->min_lon, child->min_lat, child->max_lon, child->max_lat);
      if (child->bound > limit()) continue;
      queue.push_back(*child);
      std::push_heap(queue.begin(), queue.end(), by_bound);
    }
  }
  std::sort_heap(best.begin(), best.end());
  result.reserve(best.size());
  for (const Hit& h : best) result.push_back({h.id, haversin_to_metres(h.h)});
  return result;
}

std::size_t GeoIndex::byte_size() const { return coords_offset(size()) + size() * 16; }

std::vector<std::uint8_t> GeoIndex::to_bytes() const {
  const std::size_t n = size(), w = id_width(n), at = coords_offset(n);
  std::vector<std::uint8_t> b(byte_size(), 0);
  b[0] = kMagic;
  b[1] = kVersionFloat64;
  put_u16(b, 2, node_size_);
  put_u32(b, 4, static_cast<std::uint32_t>(n));
  for (std::size_t i = 0; i < n; i++) {
    if (w == 2) put_u16(b, kHeader + 2 * i, static_cast<std::uint16_t>(ids_[i]));
    else put_u32(b, kHeader + 4 * i, ids_[i]);
  }
  for (std::size_t i = 0; i < 2 * n; i++) {
    std::uint64_t bits;
    std::memcpy(&bits, &coords_[i], 8);
    for (int k = 0; k < 8; k++) b[at + 8 * i + k] = static_cast<std::uint8_t>(bits >> (8 * k));
  }
  return b;
}

Result<GeoIndex> GeoIndex::from_bytes(const std::vector<std::uint8_t>& b) {
  auto bad = [] { return make_error(Errc::invalid_input, "驿站索引数据已损坏", "The station index data is corrupt"); };
  if (b.size() < kHeader || b[0] != kMagic || b[1] != kVersionFloat64) return bad();
  GeoIndex g;
  g.node_size_ = static_cast<std::uint16_t>(b[2] | (b[3] << 8));
  const std::size_t n = get_u32(b, 4), w = id_width(n);
  if (g.node_size_ < 2) return bad();
  if (b.size() != coords_offset(n) + n * 16) return bad();
  g.ids_.resize(n);
  g.coords_.resize(2 * n);
  for (std::size_t i = 0; i < n; i++) {
    g.ids_[i] = w == 2 ? static_cast<std::uint32_t>(b[kHeader + 2 * i] | (b[kHeader + 2 * i + 1] << 8)) : get_u32(b, kHeader + 4 * i);
    if (g.ids_[i] >= n) return bad();
  }
  const std::size_t at = coords_offset(n);
  for (std::size_t i = 0; i < 2 * n; i++) {
    std::uint64_t bits = 0;
    for (int k = 0; k < 8; k++) bits |= std::uint64_t{b[at + 8 * i + k]} << (8 * k);
    std::memcpy(&g.coords_[i], &bits, 8);
  }
  g.compute_bounds();
  return g;
}

}  // namespace hg::stations
