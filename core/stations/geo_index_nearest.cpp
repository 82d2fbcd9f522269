// GeoIndex::nearest and GeoIndex::within: points by great-circle distance. Both walk the
// tree depth first, the query's side of each split first, skipping subtrees whose lower
// bound of distance is beyond the limit (the radius, or the k-th distance found so far);
// points meet cheap bounds (haversine_query.h) before their exact distance.
#include <algorithm>

#include "core/stations/geo_index.h"
#include "core/stations/geo_index_tree.h"
#include "core/stations/haversine_query.h"
#include "core/stations/inline.h"

namespace hg::stations {

namespace {

using detail::Cell;
using detail::KdTreeView;
using detail::kLeafChunk;

// A subtree of the search: items [left, right], split on `axis`, all inside `cell`, none
// nearer than `bound` (a lower bound of hav).
struct Frame {
  std::uint32_t left, right;
  int axis;
  double bound;
  Cell cell;
};

// The two halves of f around its median item m, whose coordinate on f's axis is v.
HG_INLINE void split(const Frame& f, std::uint32_t m, double v, Frame& lo, Frame& hi) {
  lo = {f.left, m - 1, 1 - f.axis, 0, f.cell};
  hi = {m + 1, f.right, 1 - f.axis, 0, f.cell};
  (f.axis == 0 ? lo.cell.max_lon : lo.cell.max_lat) = v;
  (f.axis == 0 ? hi.cell.min_lon : hi.cell.min_lat) = v;
}

// During a search a Neighbor's metres hold the haversine instead: same order, converted once
// at the end. Equal distances go to the lower id, as in a brute-force sort.
using Neighbor = GeoIndex::Neighbor;
HG_INLINE bool closer(const Neighbor& a, const Neighbor& b) { return a.metres < b.metres || (a.metres == b.metres && a.id < b.id); }

std::vector<Neighbor> nearest_first(std::vector<Neighbor> hits) {
  std::sort(hits.begin(), hits.end(), closer);
  for (Neighbor& n : hits) n.metres = haversin_to_metres(n.metres);
  return hits;
}

// What a search hands its points to: limit() is the distance (hav) beyond which nothing is
// wanted, offer() takes a point and its exact distance, and seed() may lower the limit from
// upper bounds of distances while wants_ceilings().

// within(): every point up to max_h.
class WithinRadius {
 public:
  WithinRadius(double max_h, const GeoIndex::Filter& filter) : max_h_(max_h), filter_(filter) {}
  HG_INLINE double limit() const { return max_h_; }
  HG_INLINE bool wants_ceilings() const { return false; }
  void seed(const double*, std::size_t) {}
  HG_INLINE void offer(double h, std::uint32_t id) {
    if (h <= max_h_ && (!filter_ || filter_(id))) hits_.push_back({id, h});
  }
  std::vector<Neighbor>& hits() { return hits_; }

 private:
  double max_h_;
  const GeoIndex::Filter& filter_;
  std::vector<Neighbor> hits_;
};

// nearest(): the k closest so far as a max-heap (by closer), whose top is the distance to
// beat once full. The heap is the first count_ entries of a vector sized k up front.
class KNearest {
 public:
  KNearest(std::size_t k, double max_h, const GeoIndex::Filter& filter)
      : k_(k), max_h_(max_h), limit_(max_h), filter_(filter), heap_(k) {}
  HG_INLINE double limit() const { return limit_; }
  // Until k points are in, k upper bounds of distances bound the k-th distance: a limit from
  // the first leaf's points, before any of them needs its exact distance. Not with a filter,
  // which might reject the very points the bounds came from.
  HG_INLINE bool wants_ceilings() const { return count_ < k_ && !filter_; }
  // The k-th smallest ceiling, or a little above it: halving [0, largest] a few times with
  // branch-free counts is cheaper than selecting it exactly (nth_element mispredicts), and
  // the limit only needs to be near the k-th distance, not at it.
  void seed(const double* ceilings, std::size_t n) {
    if (n < k_) return;
    double low = 0, high = 0;
    for (std::size_t i = 0; i < n; i++) high = ceilings[i] > high ? ceilings[i] : high;
    for (int step = 0; step < 8; step++) {  // keeps at least k ceilings ≤ high
      const double mid = (low + high) / 2;
      std::size_t count = 0;
      for (std::size_t i = 0; i < n; i++) count += ceilings[i] <= mid;
      const bool enough = count >= k_;
      high = enough ? mid : high;
      low = enough ? low : mid;
    }
    limit_ = std::min(limit_, high);
  }
  HG_INLINE void offer(double h, std::uint32_t id) {
    if (h > limit_ || (filter_ && !filter_(id))) return;
    const Neighbor hit{id, h};
    Neighbor* heap = heap_.data();
    if (count_ < k_) {
      push(heap, hit);
    } else if (closer(hit, heap[0])) {
      replace_top(heap, hit);
    } else {
      return;
    }
    if (count_ == k_) limit_ = min_of(max_h_, heap[0].metres);
  }
  std::vector<Neighbor>& hits() {
    heap_.resize(count_);
    return heap_;
  }

 private:
  std::size_t k_, count_ = 0;
  double max_h_, limit_;
  const GeoIndex::Filter& filter_;
  std::vector<Neighbor> heap_;

  // push_heap: the new entry sifts up past every parent it is farther than.
  void push(Neighbor* heap, const Neighbor& hit) {
    std::size_t at = count_++;
    while (at > 0) {
      const std::size_t parent = (at - 1) / 2;
      if (!closer(heap[parent], hit)) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = hit;
  }
  // pop_heap and push_heap in one sift down.
  void replace_top(Neighbor* heap, const Neighbor& hit) {
    const std::size_t n = count_;
    std::size_t at = 0;
    for (;;) {
      std::size_t child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && closer(heap[child], heap[child + 1])) child++;
      if (!closer(hit, heap[child])) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = hit;
  }
};

// Points [from, to) of a leaf in `cell`, at most kLeafChunk: every lower bound first, in a
// loop without branches that compilers vectorise, then the exact distance of those within
// the limit.
template <class Collect>
void scan_leaf(const KdTreeView& t, const HaversineQuery& q, const Cell& cell, std::size_t from, std::size_t to,
               Collect& collect) {
  const double *xs = t.lon + from, *ys = t.lat + from;
  const std::size_t n = to - from;
  const HaversineQuery::CellBounds b = q.bounds_in(cell);
  const double qlon = q.lon, qlat = q.lat;
  double bound[kLeafChunk];
  if (collect.wants_ceilings()) {
    for (std::size_t i = 0; i < n; i++) bound[i] = b.ceiling(ys[i] - qlat, HaversineQuery::lon_gap(xs[i], qlon));
    collect.seed(bound, n);
  }
  for (std::size_t i = 0; i < n; i++) bound[i] = b.floor(ys[i] - qlat, HaversineQuery::lon_gap(xs[i], qlon));
  std::uint32_t near[kLeafChunk];
  std::size_t count = 0;
  const double limit = collect.limit();
  for (std::size_t i = 0; i < n; i++) {
    near[count] = static_cast<std::uint32_t>(i);
    count += bound[i] <= limit;
  }
  for (std::size_t j = 0; j < count; j++) {
    const std::size_t i = near[j];
    collect.offer(q.to_point(xs[i], ys[i]), t.ids[from + i]);
  }
}

// Offers collect every point that may lie within collect.limit() of q: depth first, the
// query's side of each split first so the limit tightens early, skipping cells beyond the
// limit. Points meet a cheap lower bound before the exact distance, which few then need.
template <class Collect>
void search_near(const KdTreeView& t, const HaversineQuery& q, Collect& collect) {
  Frame stack[2 * detail::kMaxDepth + 1];  // each level leaves at most a sibling and a median waiting
  int sp = 0;
  stack[sp++] = {0, static_cast<std::uint32_t>(t.size - 1), 0, 0, t.root};
  const double *xs = t.lon, *ys = t.lat;
  while (sp > 0) {
    const Frame& f = stack[--sp];  // read before anything is pushed over it
    if (f.bound > collect.limit()) continue;
    if (f.left == f.right) {  // a median, or a leaf of one
      const std::size_t i = f.left;
      if (q.to_point_floor(xs[i], ys[i]) <= collect.limit()) collect.offer(q.to_point(xs[i], ys[i]), t.ids[i]);
      continue;
    }
    if (f.right - f.left <= t.node_size) {
      for (std::size_t from = f.left; from <= f.right; from += kLeafChunk) {
        const std::size_t to = from + kLeafChunk < f.right + 1 ? from + kLeafChunk : f.right + 1;
        scan_leaf(t, q, f.cell, from, to, collect);
      }
      continue;
    }
    const std::uint32_t m = (f.left + f.right) >> 1;
    const double v = f.axis == 0 ? xs[m] : ys[m];
    Frame lo, hi;
    split(f, m, v, lo, hi);
    // The median on its own, searched after the near half: by then the limit usually rules
    // it out without its exact distance.
    const Frame median{m, m, f.axis, f.bound, f.cell};
    const bool lower_first = (f.axis == 0 ? q.lon : q.lat) <= v;
    Frame& near = lower_first ? lo : hi;
    Frame& far = lower_first ? hi : lo;
    near.bound = f.bound;  // any bound of a cell holds for its parts
    far.bound = q.to_box_floor(far.cell);
    if (far.bound <= collect.limit()) {
      detail::prefetch_median(t, far.left, far.right);
      stack[sp++] = far;
    }
    stack[sp++] = median;
    stack[sp++] = near;
  }
}

}  // namespace

std::vector<GeoIndex::Neighbor> GeoIndex::within(LonLat centre, double metres, const Filter& filter) const {
  if (ids_.empty() || !(metres >= 0)) return {};
  WithinRadius collect(metres_to_haversin(metres), filter);
  search_near(tree(), HaversineQuery(centre), collect);
  return nearest_first(std::move(collect.hits()));
}

std::vector<GeoIndex::Neighbor> GeoIndex::nearest(LonLat centre, std::size_t k, double max_metres,
                                                  const Filter& filter) const {
  if (ids_.empty() || k == 0 || !(max_metres >= 0)) return {};
  KNearest collect(std::min(k, size()), metres_to_haversin(max_metres), filter);
  search_near(tree(), HaversineQuery(centre), collect);
  return nearest_first(std::move(collect.hits()));
}

}  // namespace hg::stations
