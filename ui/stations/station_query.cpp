#include "ui/stations/station_query.h"

#include <algorithm>

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
                                  SearchOrder order, const StationFilter& filter, UnixSeconds now, std::size_t limit) {
  std::vector<ListedStation> out;
  // By text: over-fetch, as the filter may drop some hits. By distance: every match is a
  // candidate, the nearest are kept.
  const std::size_t candidates = order == SearchOrder::text ? limit * 4 : store.stations().size();
  for (const hg::stations::SearchHit& h : hg::stations::search_stations(store.stations(), query, candidates)) {
    const Station& s = store.stations()[h.index];
    if (!filter.accepts(s, now)) continue;
    out.push_back({static_cast<int>(h.index), hg::stations::distance_m(from, {s.lon, s.lat})});
    if (order == SearchOrder::text && out.size() == limit) break;
  }
  if (order == SearchOrder::distance) {
    std::stable_sort(out.begin(), out.end(), [](const ListedStation& a, const ListedStation& b) { return a.metres < b.metres; });
    if (out.size() > limit) out.resize(limit);
  }
  return out;
}

}  // namespace hg::ui::stations
