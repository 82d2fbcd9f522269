#include "core/stations/geo_index.h"

#include <algorithm>

#include "core/stations/geo_index_tree.h"
#include "core/stations/kd_sort.h"

namespace hg::stations {

GeoIndex::GeoIndex(const std::vector<LonLat>& points, std::uint16_t node_size)
    : node_size_(std::max<std::uint16_t>(node_size, 2)), ids_(points.size()), coords_(2 * points.size()) {
  bounds_ = kd_sort(points, node_size_, {lon(), lat(), ids_.data()});
}

detail::KdTreeView GeoIndex::tree() const {
  return {lon(), lat(), ids_.data(), size(), node_size_, {bounds_.min_lon, bounds_.min_lat, bounds_.max_lon, bounds_.max_lat}};
}

}  // namespace hg::stations
