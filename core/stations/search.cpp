#include "core/stations/search.h"

#include <algorithm>
#include <optional>
#include <string>

namespace hg::stations {

namespace {

std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

std::optional<MatchRank> rank(const Station& s, const std::string& q) {
  const std::string name = fold(s.name);
  const auto at = name.find(q);
  if (at == 0) return MatchRank::name_prefix;
  if (at != std::string::npos) return MatchRank::name_contains;
  if (fold(s.district).find(q) != std::string::npos) return MatchRank::district;
  if (fold(s.address).find(q) != std::string::npos) return MatchRank::address;
  return std::nullopt;
}

}  // namespace

std::vector<SearchHit> search_stations(const std::vector<Station>& stations, std::string_view query, std::size_t limit) {
  const std::string q = fold(trim(query));
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
