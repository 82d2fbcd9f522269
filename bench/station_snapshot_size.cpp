// How big the station set is on the wire: our snapshot format (raw and gzip) for the Fujian
// demo set and the 150,000-station national stress set, side by side with the obvious peers
// for the same stations — cereal's portable binary and the JSON the API would otherwise
// send, each gzipped the same way — plus encode/decode times. Exits 1 when the national
// snapshot is over the 3 MB budget (gzip), so CI can run it as a check.
//
//   station_snapshot_size [seed]        (make bench-snapshot)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/json.h"
#include "core/stations/snapshot.h"
#include "data/demo_data.h"
#include "data/station_data.h"
#include "server/stations/gzip.h"

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::size_t report(const char* name, const std::vector<hg::stations::Station>& stations) {
  hg::stations::StationSnapshot s;
  s.version = 1;
  s.stations = stations;
  auto t = Clock::now();
  const std::string ours = hg::stations::encode_snapshot(s);
  const double enc = ms_since(t);
  t = Clock::now();
  const std::string ours_gz = hg::srv::gzip_compress(ours);
  const double gz_ms = ms_since(t);
  t = Clock::now();
  auto back = hg::stations::decode_snapshot(hg::srv::gzip_decompress(ours_gz));
  const double dec = ms_since(t);
  if (!back.ok() || back.value().stations.size() != stations.size()) {
    std::printf("%s: decode FAILED\n", name);
    std::exit(2);
  }
  const std::string cereal_bin = hg::to_binary(stations);
  const std::string json = hg::to_json("stations", stations);
  const std::string cereal_gz = hg::srv::gzip_compress(cereal_bin), json_gz = hg::srv::gzip_compress(json);
  std::printf("%s: %zu stations\n", name, stations.size());
  std::printf("  %-22s %12s %12s %10s\n", "format", "raw bytes", "gzip bytes", "B/station");
  auto row = [&](const char* f, std::size_t raw, std::size_t gz) {
    std::printf("  %-22s %12zu %12zu %10.1f\n", f, raw, gz, double(gz) / double(stations.size()));
  };
  row("huigong snapshot v1", ours.size(), ours_gz.size());
  row("cereal portable binary", cereal_bin.size(), cereal_gz.size());
  row("JSON (cereal)", json.size(), json_gz.size());
  std::printf("  encode %.1f ms, gzip -9 %.1f ms, gunzip+decode %.1f ms; ours/JSON gzip %.2f\n", enc, gz_ms, dec,
              double(ours_gz.size()) / double(json_gz.size()));
  return ours_gz.size();
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t seed = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : hg::demo::kDefaultSeed;
  report("fujian demo", hg::demo::make_fujian_stations(seed));
  const std::size_t national = report("national", hg::demo::make_national_stations(seed));
  const std::size_t budget = 3'000'000;
  std::printf("snapshot: national %zu bytes gzip, budget %zu: %s\n", national, budget, national <= budget ? "ok" : "OVER");
  return national <= budget ? 0 : 1;
}
