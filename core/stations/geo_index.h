// Static spatial index over station positions (up to a few hundred thousand points): a
// KD-tree in kdbush's order (kd_sort.h), leaves of at most `node_size` + 1 points. Built
// once per station list; queries never allocate per visited node.
//   range   all points in a lon/lat box                              (geo_index_range.cpp)
//   within  all points within a great-circle radius, nearest first  (geo_index_nearest.cpp)
//   nearest the k nearest by great-circle distance: depth first, the query's side of each
//           split first, pruning subtrees by a lower bound of their distance
// A filter (amenities, kind, open now …) runs during the search, so "the 3 nearest open
// stations with hot water" never has to over-fetch and retry. Coordinates are degrees,
// longitudes within ±180 (the distance bounds rely on it).
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "core/error.h"
#include "core/stations/block.h"
#include "core/stations/geo.h"

namespace hg::stations {

namespace detail {
struct KdTreeView;  // geo_index_tree.h: the arrays as the searches read them
}

class GeoIndex {
 public:
  using Filter = std::function<bool(std::uint32_t id)>;  // id = position in the input list
  struct Neighbor {
    std::uint32_t id = 0;
    double metres = 0;
  };
  static constexpr std::uint16_t kDefaultNodeSize = 64;

  GeoIndex() = default;
  explicit GeoIndex(const std::vector<LonLat>& points, std::uint16_t node_size = kDefaultNodeSize);

  std::size_t size() const { return ids_.size(); }
  std::uint16_t node_size() const { return node_size_; }

  // Appends the ids of points inside the box (inclusive) to out, in tree order.
  void range(const GeoBox& box, std::vector<std::uint32_t>& out, const Filter& filter = {}) const;
  std::vector<std::uint32_t> range(const GeoBox& box, const Filter& filter = {}) const;

  std::vector<Neighbor> within(LonLat centre, double metres, const Filter& filter = {}) const;
  std::vector<Neighbor> nearest(LonLat centre, std::size_t k,
                                double max_metres = std::numeric_limits<double>::infinity(),
                                const Filter& filter = {}) const;

  // The kdbush v1 byte layout (Float64 coordinates), so a device can cache the built index
  // for offline use and reload it without sorting again; from_bytes checks what it reads.
  std::vector<std::uint8_t> to_bytes() const;
  std::size_t byte_size() const;
  static Result<GeoIndex> from_bytes(const std::vector<std::uint8_t>& bytes);

 private:
  std::uint16_t node_size_ = kDefaultNodeSize;
  Block<std::uint32_t> ids_;
  // n longitudes, then n latitudes, in tree order: apart, so that a leaf scan reads each in
  // stride; in one block rather than two, which glibc keeps for the next rebuild instead of
  // handing it back to the OS (measured: fresh pages cost a rebuild as much as its sorting).
  Block<double> coords_;
  double* lon() { return coords_.data(); }
  double* lat() { return coords_.data() + ids_.size(); }
  const double* lon() const { return coords_.data(); }
  const double* lat() const { return coords_.data() + ids_.size(); }
  // Bounds of all points: the root box of the distance searches. Starting from the whole
  // globe would leave every box's outer edge at ±90°, where the longitude term of the lower
  // bound vanishes and the search degenerates to latitude-only pruning.
  GeoBox bounds_{-180, -90, 180, 90};
  void compute_bounds();
  detail::KdTreeView tree() const;
};

}  // namespace hg::stations
