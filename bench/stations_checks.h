// What each station-map operation returned, hashed so the C++ builds (native and wasm) can be
// compared with the JS peers, which bench/stations_peer_checks.mjs hashes the same way. Run
// outside the timed loops. Per operation:
//   build    the KD-tree as kdbush defines it (node size 64): every split value in pre-order,
//            every leaf's size, and the ids as a set (within a leaf the order is free)
//   kNN      per query, the k ids nearest first
//   box      per query, the ids found, sorted
//   levels   per zoom 0…max_zoom + 1, the whole world's clusters and points as sorted
//            (id, point count) pairs (supercluster's cluster_id / point_count, a point's index)
//   viewport per viewport, the same pairs for getClusters(box, zoom)
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "core/stations/cluster_index.h"
#include "core/stations/geo_index.h"

namespace hg::bench {

struct Check {
  std::uint32_t hash = 0;            // of the items, in order
  std::vector<std::uint32_t> items;  // one per query, zoom or viewport (build: its three parts)
};

Check check_build(const stations::GeoIndex& index);
Check check_nearest(const stations::GeoIndex& index, const std::vector<stations::LonLat>& queries, std::size_t k);
Check check_range(const stations::GeoIndex& index, const std::vector<stations::LonLat>& queries, double size);
Check check_levels(const stations::ClusterIndex& clusters);
Check check_viewports(const stations::ClusterIndex& clusters,
                      const std::vector<std::pair<int, stations::GeoBox>>& viewports);

}  // namespace hg::bench
