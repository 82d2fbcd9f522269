// GeoIndex's arrays as its searches read them (geo_index_range.cpp, geo_index_nearest.cpp).
// Internal to the index.
#pragma once
#include <cstddef>
#include <cstdint>

#include "core/stations/geo.h"
#include "core/stations/inline.h"

namespace hg::stations::detail {

// A subtree's box: GeoBox without its zero initialisers, so that a search's stack of them
// costs nothing to declare.
struct Cell {
  double min_lon, min_lat, max_lon, max_lat;
};

// Points [0, size) in kdbush's order (kd_sort.h): node [left, right] holds more than
// node_size + 1 points exactly when its median m = (left + right) / 2 splits it.
struct KdTreeView {
  const double *lon, *lat;
  const std::uint32_t* ids;
  std::size_t size, node_size;
  Cell root;  // the bounds of all points
};

// A subtree's median is the first thing read when the search gets to it, from anywhere in
// the arrays: asking for it when the subtree is pushed hides much of that wait (about 6% of
// a box search natively; wasm has no prefetch and ignores it).
HG_INLINE void prefetch_median(const KdTreeView& t, std::size_t left, std::size_t right) {
  const std::size_t m = (left + right) >> 1;
  __builtin_prefetch(t.lon + m);
  __builtin_prefetch(t.lat + m);
  __builtin_prefetch(t.ids + m);
}

// Every level at least halves a node, so no tree over a 32-bit count is deeper than this.
constexpr int kMaxDepth = 33;
// Leaf points scanned at a time (into buffers on the stack).
constexpr std::size_t kLeafChunk = 64;

}  // namespace hg::stations::detail
