// Point clustering for the station map, zooms 0…max_zoom, with supercluster 9.1.0's exact
// semantics so the map looks the same as the web maps members know and so it can be checked
// against supercluster itself (tests/core/stations/supercluster_oracle.mjs):
//  - positions in web mercator, stored as int32 (coord − 0.5)·2^30 exactly as supercluster
//    9.1.0 does, cluster centres the point-weighted mean truncated to int32;
//  - greedy per zoom from max_zoom down: visiting points in the previous zoom's order, each
//    unvisited one absorbs every unvisited neighbour within radius/(extent·2^z) and becomes
//    a cluster when that gathers at least min_points;
//  - cluster id = (index at the previous zoom << 5) + zoom + 1 + number of input points.
// Neighbour search uses a uniform grid per zoom instead of supercluster's KD-tree: the
// neighbour *set* is what the algorithm depends on, and a grid builds in linear time.
#pragma once
#include <cstdint>
#include <vector>

#include "core/stations/geo.h"

namespace hg::stations {

struct ClusterOptions {
  int min_zoom = 0;
  int max_zoom = 16;
  int min_points = 2;
  double radius = 40;   // pixels
  double extent = 512;  // tile extent the radius is relative to
};

struct ClusterFeature {
  double x = 0, y = 0;      // web mercator in [0, 1]; the map draws in this space
  std::uint32_t count = 1;  // points inside; 1 = a single station
  std::int64_t id = 0;      // cluster_id for clusters, input index for single stations
  bool is_cluster() const { return count > 1; }
  LonLat position() const { return {mercator_lon(x), mercator_lat(y)}; }
};

class ClusterIndex {
 public:
  ClusterIndex() = default;
  explicit ClusterIndex(const std::vector<LonLat>& points, ClusterOptions options = {});

  // Clusters and single stations inside the box at a zoom (supercluster's getClusters,
  // including boxes that cross the antimeridian). Appends to out, no order promised.
  void clusters(const GeoBox& box, double zoom, std::vector<ClusterFeature>& out) const;
  std::vector<ClusterFeature> clusters(const GeoBox& box, double zoom) const;

  // Zoom levels kept, max_zoom + 2 (the last holds the input points), as supercluster's
  // trees.length; levels that clustered nothing share storage with the one above.
  std::size_t level_count() const { return by_zoom_.size(); }
  std::size_t cluster_count(int zoom) const;  // features at a zoom, whole world
  std::size_t point_count() const { return px_.size(); }

  // One zoom's features plus a uniform grid over them (cells at least the cluster radius
  // wide, about two features per cell) that answers radius and box queries.
  struct Level {
    std::vector<std::int32_t> x, y;   // (mercator − 0.5)·2^30, truncated as supercluster stores it
    std::vector<std::int32_t> id;     // input index or cluster id
    std::vector<std::uint32_t> num;   // points inside
    double gx0 = 0, gy0 = 0, cell = 1;
    std::int64_t nx = 1, ny = 1;
    std::vector<std::uint32_t> cell_start;  // nx·ny + 1 offsets into `order`
    std::vector<std::uint32_t> order;       // feature indices grouped by cell
    std::vector<std::int32_t> ox, oy;       // their coordinates, in the same order
    std::size_t size() const { return x.size(); }
  };

 private:
  ClusterOptions opt_;
  std::vector<double> px_, py_;  // exact mercator of each input point (for single-point output)
  std::vector<Level> levels_;
  std::vector<int> by_zoom_;  // zoom → index in levels_
  int limit_zoom(double z) const;
  void range(const Level& level, double min_x, double min_y, double max_x, double max_y,
             std::vector<ClusterFeature>& out) const;
};

}  // namespace hg::stations
