// GeoIndex::range: the points in a lon/lat box.
#include <algorithm>

#include "core/stations/geo_index.h"
#include "core/stations/geo_index_tree.h"
#include "core/stations/inline.h"

namespace hg::stations {

namespace {

using detail::KdTreeView;
using detail::kLeafChunk;
using detail::prefetch_median;

// Sides of the query box that every point of a subtree is known to be within, one bit each.
enum : unsigned { kAboveMinLon = 1, kBelowMaxLon = 2, kAboveMinLat = 4, kBelowMaxLat = 8, kAllSides = 15 };
constexpr unsigned kLonSides = kAboveMinLon | kBelowMaxLon, kLatSides = kAboveMinLat | kBelowMaxLat;

constexpr std::size_t kHitBuffer = 1024;

// Inside the box on the axes asked for (the others are already known to hold).
template <bool kLon, bool kLat>
HG_INLINE int inside_on(const GeoBox& box, double x, double y) {
  int in = 1;
  if (kLon) in &= (x >= box.min_lon) & (x <= box.max_lon);
  if (kLat) in &= (y >= box.min_lat) & (y <= box.max_lat);
  return in;
}

// Writes to out[size…] the points of [from, to) inside the box; out has room for them all.
// Every id is stored and the count only moves past the ones inside: no branch per point.
// GCC 12 vectorises the tests only with doubles for results, so there they go to a buffer
// first; clang (the wasm build's compiler) is fastest with them inline.
template <bool kLon, bool kLat>
std::size_t scan_on(const KdTreeView& t, const GeoBox& box, std::size_t from, std::size_t to, std::uint32_t* out,
                    std::size_t size) {
#if defined(__clang__)
  for (std::size_t i = from; i < to; i++) {
    out[size] = t.ids[i];
    size += inside_on<kLon, kLat>(box, t.lon[i], t.lat[i]);
  }
#else
  while (from < to) {
    const std::size_t n = std::min(to - from, kLeafChunk);
    const double* __restrict xs = t.lon + from;
    const double* __restrict ys = t.lat + from;
    double in[kLeafChunk];
    for (std::size_t i = 0; i < n; i++) in[i] = inside_on<kLon, kLat>(box, xs[i], ys[i]) ? 1.0 : 0.0;
    for (std::size_t i = 0; i < n; i++) {
      out[size] = t.ids[from + i];
      size += static_cast<int>(in[i]);
    }
    from += n;
  }
#endif
  return size;
}

// A leaf cut by sides of one axis only needs only that axis tested.
std::size_t scan(const KdTreeView& t, const GeoBox& box, unsigned sides, std::size_t from, std::size_t to,
                 std::uint32_t* out, std::size_t size) {
  if ((sides & kLonSides) == kLonSides) return scan_on<false, true>(t, box, from, to, out, size);
  if ((sides & kLatSides) == kLatSides) return scan_on<true, false>(t, box, from, to, out, size);
  return scan_on<true, true>(t, box, from, to, out, size);
}

void collect(const KdTreeView& t, const GeoBox& box, std::vector<std::uint32_t>& out) {
  // A subtree and the sides it already meets: once it meets all four, it is copied out
  // whole. Kept to 16 bytes, as the walk does little else than push and pop these.
  struct Part {
    std::uint32_t left, right;
    int axis;
    unsigned sides;
  };
  Part stack[detail::kMaxDepth + 1];  // each level leaves at most one sibling waiting
  int sp = 0;
  const detail::Cell& r = t.root;
  stack[sp++] = {0, static_cast<std::uint32_t>(t.size - 1), 0,
                 (r.min_lon >= box.min_lon ? kAboveMinLon : 0u) | (r.max_lon <= box.max_lon ? kBelowMaxLon : 0u) |
                     (r.min_lat >= box.min_lat ? kAboveMinLat : 0u) | (r.max_lat <= box.max_lat ? kBelowMaxLat : 0u)};
  // Hits gather in a buffer on the stack, written without a branch per point, and move to
  // out in a few block copies (growing out ahead of the writes would zero-fill it first).
  std::uint32_t hits[kHitBuffer];
  std::size_t size = 0;
  auto flush = [&] {
    out.insert(out.end(), hits, hits + size);
    size = 0;
  };
  while (sp > 0) {
    const Part p = stack[--sp];
    if (p.sides == kAllSides) {
      flush();
      out.insert(out.end(), t.ids + p.left, t.ids + p.right + 1);
      continue;
    }
    if (p.right - p.left <= t.node_size) {
      for (std::size_t from = p.left; from <= p.right; from += kHitBuffer / 2) {  // a large node_size
        const std::size_t to = from + kHitBuffer / 2 < p.right + 1 ? from + kHitBuffer / 2 : p.right + 1;
        if (size + (to - from) > kHitBuffer) flush();
        size = scan(t, box, p.sides, from, to, hits, size);
      }
      continue;
    }
    if (size == kHitBuffer) flush();
    const std::uint32_t m = (p.left + p.right) >> 1;
    hits[size] = t.ids[m];
    size += inside_on<true, true>(box, t.lon[m], t.lat[m]);
    // The lower half holds coordinates ≤ v on the split axis, the upper half ≥ v.
    const double v = p.axis == 0 ? t.lon[m] : t.lat[m];
    const double low = p.axis == 0 ? box.min_lon : box.min_lat, high = p.axis == 0 ? box.max_lon : box.max_lat;
    const unsigned below_max = p.axis == 0 ? kBelowMaxLon : kBelowMaxLat, above_min = p.axis == 0 ? kAboveMinLon : kAboveMinLat;
    if (low <= v) {
      prefetch_median(t, p.left, m - 1);
      stack[sp++] = {p.left, m - 1, 1 - p.axis, p.sides | (v <= high ? below_max : 0u)};
    }
    if (high >= v) {
      prefetch_median(t, m + 1, p.right);
      stack[sp++] = {m + 1, p.right, 1 - p.axis, p.sides | (v >= low ? above_min : 0u)};
    }
  }
  flush();
}

}  // namespace

void GeoIndex::range(const GeoBox& box, std::vector<std::uint32_t>& out, const Filter& filter) const {
  if (ids_.empty()) return;
  const auto first = static_cast<std::ptrdiff_t>(out.size());
  collect(tree(), box, out);
  if (filter) out.erase(std::remove_if(out.begin() + first, out.end(), [&](std::uint32_t id) { return !filter(id); }), out.end());
}

std::vector<std::uint32_t> GeoIndex::range(const GeoBox& box, const Filter& filter) const {
  std::vector<std::uint32_t> out;
  range(box, out, filter);
  return out;
}

}  // namespace hg::stations
