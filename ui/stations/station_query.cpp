#include "ui/stations/station_query.h"

#include "core/stations/search.h"

namespace hg::ui::stations {

using hg::stations::Station;

bool StationFilter::accepts(const Station& s, UnixSeconds now) const {
  if (!s.listed()) return false;
  if (!hg::stations::has_all(s.amenities, amenities)) return false;
  if (kinds != 0 && !(kinds & (1u << static_cast<unsigned>(s.kind)))) return false;
  if (open_now && !s.open_at(now)) return false;
  return true;
}

std::vector<ListedStation> nearest_stations(const StationStore& store, hg::stations::LonLat from,
                                            const StationFilter& filter, UnixSeconds now, std::size_t k) {
  const std::vector<Station>& all = store.stations();
  std::vector<ListedStation> out;
  if (all.empty()) return out;
  const auto hits = store.geo().nearest(from, k, std::numeric_limits<double>::infinity(),
                                        [&](std::uint32_t id) { return filter.accepts(all[id], now); });
  out.reserve(hits.size());
  for (const auto& h : hits) out.push_back({static_cast<int>(h.id), h.metres});
  return out;
}

std::vector<ListedStation> search(const StationStore& store, const std::string& query, hg::stations::LonLat from,
                                  const StationFilter& filter, UnixSeconds now, std::size_t limit) {
  std::vector<ListedStation> out;
  // Over-fetch from the text search: the filter may drop some of its hits.
  for (const hg::stations::SearchHit& h : hg::stations::search_stations(store.stations(), query, limit * 4)) {
    const Station& s = store.stations()[h.index];
    if (!filter.accepts(s, now)) continue;
    out.push_back({static_cast<int>(h.index), hg::stations::distance_m(from, {s.lon, s.lat})});
    if (out.size() == limit) break;
  }
  return out;
}

}  // namespace hg::ui::stations
