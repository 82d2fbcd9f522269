// Builds the KD-tree order GeoIndex searches: kdbush's layout, so an index saved by
// GeoIndex::to_bytes is one kdbush itself could load. For every node [left, right] holding
// more than node_size + 1 points, the point at m = (left + right) / 2 is the node's median
// on its axis (longitude at even depths, latitude at odd ones): the points before it are
// not greater, the points after it not smaller. Within a leaf the order is unspecified.
#pragma once
#include <cstdint>
#include <vector>

#include "core/stations/geo.h"

namespace hg::stations {

// Where the sorted points go, structure of arrays, each with room for every point.
struct KdArrays {
  double* lon;
  double* lat;
  std::uint32_t* id;  // position in the input list
};

// Writes the points in KD-tree order and returns the box of them all (for an empty list,
// the whole globe). Coordinates must not be NaN.
GeoBox kd_sort(const std::vector<LonLat>& points, std::size_t node_size, KdArrays out);

}  // namespace hg::stations
