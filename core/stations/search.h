// Text search over stations for the map's search box: Chinese (or any UTF-8) substrings of
// name, district and address, ranked name prefix > name contains > district > address,
// ties in input order. UTF-8 is self-synchronising, so a byte substring of valid UTF-8 is a
// character substring: no segmentation needed for 驿站-style names. ASCII is case-folded.
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

// Delisted stations are left out; blank queries find nothing. At most `limit` hits.
std::vector<SearchHit> search_stations(const std::vector<Station>& stations, std::string_view query,
                                       std::size_t limit = 50);

}  // namespace hg::stations
