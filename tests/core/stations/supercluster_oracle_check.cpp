// Compares ClusterIndex with supercluster 9.1.0's output (written by supercluster_oracle.mjs)
// on the same points: the same features (id, point count) for every query, positions
// within 1e-9°. Exit status 1 and the first differences on any mismatch.
#include <rapidjson/document.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "core/stations/cluster_index.h"

using hg::stations::ClusterFeature;
using hg::stations::ClusterIndex;
using hg::stations::LonLat;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <oracle.json>\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(text.str().c_str());
  if (doc.HasParseError() || !doc.IsObject()) {
    std::fprintf(stderr, "cannot parse %s\n", argv[1]);
    return 2;
  }
  std::vector<LonLat> points;
  for (const auto& p : doc["points"].GetArray()) points.push_back({p[0].GetDouble(), p[1].GetDouble()});
  ClusterIndex idx(points);
  int failures = 0;
  auto fail = [&](const std::string& what) {
    if (failures++ < 20) std::fprintf(stderr, "MISMATCH %s\n", what.c_str());
  };
  if (idx.level_count() != doc["levels"].GetUint()) fail("level count");
  std::size_t compared = 0, queries = 0;
  for (const auto& q : doc["queries"].GetArray()) {
    const auto& b = q["bbox"];
    const double zoom = q["zoom"].GetDouble();
    std::map<std::int64_t, std::tuple<std::uint32_t, double, double>> want;
    for (const auto& f : q["features"].GetArray())
      want[f[0].GetInt64()] = {f[1].GetUint(), f[2].GetDouble(), f[3].GetDouble()};
    auto got = idx.clusters({b[0].GetDouble(), b[1].GetDouble(), b[2].GetDouble(), b[3].GetDouble()}, zoom);
    std::ostringstream where;
    where << "query " << queries++ << " zoom " << zoom;
    if (got.size() != want.size())
      fail(where.str() + ": " + std::to_string(got.size()) + " features, supercluster " + std::to_string(want.size()));
    for (const ClusterFeature& f : got) {
      auto it = want.find(f.id);
      if (it == want.end()) {
        fail(where.str() + ": extra feature id " + std::to_string(f.id));
        continue;
      }
      auto [count, lon, lat] = it->second;
      LonLat p = f.position();
      if (f.count != count || std::fabs(p.lon - lon) > 1e-9 || std::fabs(p.lat - lat) > 1e-9)
        fail(where.str() + ": feature " + std::to_string(f.id) + " differs (count " + std::to_string(f.count) + " vs " +
             std::to_string(count) + ")");
      compared++;
    }
  }
  std::printf("compared %zu features in %zu queries with supercluster: %s\n", compared, queries,
              failures ? "MISMATCH" : "identical");
  return failures ? 1 : 0;
}
