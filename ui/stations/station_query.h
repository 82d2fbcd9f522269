// What the list shows: the stations nearest a point that pass the member's filters
// (amenities, kinds, open now in CST), applied inside the KD-tree search, and the ranked
// text search, both with distances.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/stations/geo.h"
#include "core/stations/station.h"
#include "ui/stations/station_store.h"

namespace hg::ui::stations {

struct StationFilter {
  hg::stations::Amenities amenities = 0;  // all of these
  std::uint8_t kinds = 0;                 // bit per StationKind; 0 = any kind
  bool open_now = true;

  bool accepts(const hg::stations::Station& s, UnixSeconds now) const;
  bool any() const { return amenities != 0 || kinds != 0 || open_now; }
};

struct ListedStation {
  int index = 0;  // in StationStore::stations()
  double metres = 0;
};

// The k nearest listed stations passing the filter, nearest first.
std::vector<ListedStation> nearest_stations(const StationStore& store, hg::stations::LonLat from,
                                            const StationFilter& filter, UnixSeconds now, std::size_t k = 30);

// How search() orders what it finds.
enum class SearchOrder {
  text,      // best text match first (core ranking): no position to measure from
  distance,  // nearest first: the member's position is known
};

// Stations matching the text (core/stations/search.h), then the filter; with distances from
// `from`. At most `limit`: the best matches, or the nearest of all matches.
std::vector<ListedStation> search(const StationStore& store, const std::string& query, hg::stations::LonLat from,
                                  SearchOrder order, const StationFilter& filter, UnixSeconds now,
                                  std::size_t limit = 30);

}  // namespace hg::ui::stations
