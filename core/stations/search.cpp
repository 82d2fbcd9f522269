#include "core/stations/search.h"

#include <algorithm>
#include <optional>
#include <string>

#include "core/text_search.h"

namespace hg::stations {

namespace {

std::optional<MatchRank> rank(const Station& s, std::string_view key) {
  const std::size_t at = search_find(s.name, key);
  if (at == 0) return MatchRank::name_prefix;
  if (at != std::string_view::npos) return MatchRank::name_contains;
  if (search_matches(s.district, key)) return MatchRank::district;
  if (search_matches(s.address, key)) return MatchRank::address;
  return std::nullopt;
}

}  // namespace

std::vector<SearchHit> search_stations(const std::vector<Station>& stations, std::string_view query, std::size_t limit) {
  const std::string q = search_key(query);
  std::vector<SearchHit> hits;
  if (q.empty()) return hits;
  for (std::size_t i = 0; i < stations.size(); i++) {
    if (!stations[i].listed()) continue;
    if (auto r = rank(stations[i], q)) hits.push_back({i, *r});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace hg::stations
