// Text search over stations for the map's and the home screen's search boxes: the app's one
// text match (core/text_search.h) over name, district and address, ranked name prefix >
// name contains > district > address, ties in input order.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/stations/station.h"

namespace hg::stations {

enum class MatchRank : std::uint8_t { name_prefix, name_contains, district, address };

struct SearchHit {
  std::size_t index;  // position in the stations list
  MatchRank rank;
};

// Delisted stations are left out; blank queries find nothing. At most `limit` hits (the
// best ranked).
std::vector<SearchHit> search_stations(const std::vector<Station>& stations, std::string_view query,
                                       std::size_t limit = 50);

}  // namespace hg::stations
