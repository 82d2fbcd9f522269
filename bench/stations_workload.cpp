#include "bench/stations_workload.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

#include "bench/stations_checks.h"

namespace hg::bench {

namespace {

using stations::ClusterIndex;
using stations::GeoBox;
using stations::GeoIndex;
using stations::LonLat;

// mulberry32 exactly as js-peers.mjs writes it (uint32 wrap-around = JS's `| 0` / imul).
struct Mulberry32 {
  std::uint32_t a;
  double operator()() {
    a += 0x6D2B79F5u;
    std::uint32_t t = (a ^ (a >> 15)) * (1u | a);
    t = (t + (t ^ (t >> 7)) * (61u | t)) ^ t;
    return double(t ^ (t >> 14)) / 4294967296.0;
  }
};

constexpr std::size_t kN = 150000, kQ = 10000, kV = 1000;
constexpr double kLon0 = 115.8, kLon1 = 120.7, kLat0 = 23.5, kLat1 = 28.3, kCity = 0.2;

struct Workload {
  std::vector<LonLat> points, queries;
  std::vector<std::pair<int, GeoBox>> viewports;
  explicit Workload(std::uint32_t seed) {
    Mulberry32 rnd{seed};
    auto lon = [&] { return kLon0 + (kLon1 - kLon0) * rnd(); };
    auto lat = [&] { return kLat0 + (kLat1 - kLat0) * rnd(); };
    // Two loops, lon then lat per item, as the JS does (argument order matters for the stream).
    points.resize(kN);
    for (auto& p : points) {
      p.lon = lon();
      p.lat = lat();
    }
    queries.resize(kQ);
    for (auto& q : queries) {
      q.lon = lon();
      q.lat = lat();
    }
    for (std::size_t i = 0; i < kV; i++) {
      const int z = static_cast<int>(std::floor(rnd() * 17));
      const double cx = lon(), cy = lat();
      const double w = 1280.0 / 256 * 360 / std::pow(2.0, z), h = w * 800 / 1280 * std::cos(cy * stations::kPi / 180);
      viewports.push_back({z, GeoBox{cx - w / 2, std::max(-85.0, cy - h / 2), cx + w / 2, std::min(85.0, cy + h / 2)}});
    }
  }
};

struct Timing {
  std::vector<double> ms;
  double sink = 0;  // what the timed runs returned, so none of them can be optimised away
  Check check;
};

Timing measure(int reps, const std::function<double()>& fn) {
  Timing t;
  for (int r = 0; r < reps; r++) {
    auto s = std::chrono::steady_clock::now();
    t.sink += fn();
    t.ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s).count());
  }
  return t;
}

std::string numbers(const std::vector<double>& v) {
  std::string out;
  char buf[32];
  for (double x : v) {
    std::snprintf(buf, sizeof buf, "%s%.3f", out.empty() ? "" : ",", x);
    out += buf;
  }
  return out;
}

std::string numbers(const std::vector<std::uint32_t>& v) {
  std::string out;
  for (std::uint32_t x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}

}  // namespace

std::string run_station_bench(int reps, std::uint32_t seed) {
  reps = std::max(1, reps);
  const Workload w(seed);
  std::vector<std::pair<std::string, Timing>> results;
  GeoIndex index;
  ClusterIndex clusters;

  results.push_back({"build " + std::to_string(kN), measure(reps, [&] {
                       index = GeoIndex(w.points);
                       return double(index.size());
                     })});
  results.back().second.check = check_build(index);
  results.push_back({"kNN k=10 x" + std::to_string(kQ), measure(reps, [&] {
                       double s = 0;
                       for (const LonLat& q : w.queries) s += index.nearest(q, 10)[9].id;
                       return s;
                     })});
  results.back().second.check = check_nearest(index, w.queries, 10);
  results.push_back({"bbox 0.2deg x" + std::to_string(kQ), measure(reps, [&] {
                       double s = 0;
                       std::vector<std::uint32_t> out;
                       for (const LonLat& q : w.queries) {
                         out.clear();
                         index.range({q.lon - kCity / 2, q.lat - kCity / 2, q.lon + kCity / 2, q.lat + kCity / 2}, out);
                         s += double(out.size());
                       }
                       return s;
                     })});
  results.back().second.check = check_range(index, w.queries, kCity);
  results.push_back({"cluster z0-16", measure(reps, [&] {
                       clusters = ClusterIndex(w.points);
                       return double(clusters.level_count());
                     })});
  results.back().second.check = check_levels(clusters);
  results.push_back({"getClusters x" + std::to_string(kV), measure(reps, [&] {
                       double s = 0;
                       std::vector<stations::ClusterFeature> out;
                       for (const auto& [z, box] : w.viewports) {
                         out.clear();
                         clusters.clusters(box, z, out);
                         s += double(out.size());
                       }
                       return s;
                     })});
  results.back().second.check = check_viewports(clusters, w.viewports);

  std::string json = "{\"reps\":" + std::to_string(reps) + ",\"seed\":" + std::to_string(seed) + ",\"results\":{";
  for (std::size_t i = 0; i < results.size(); i++) {
    const auto& [name, t] = results[i];
    std::vector<double> sorted = t.ms;
    std::sort(sorted.begin(), sorted.end());
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s\"%s\":{\"median_ms\":%.3f,\"sink\":%.0f,\"check\":%u,", i ? "," : "",
                  name.c_str(), sorted[sorted.size() / 2], t.sink, t.check.hash);
    json += buf;
    json += "\"ms\":[" + numbers(t.ms) + "],\"items\":[" + numbers(t.check.items) + "]}";
  }
  return json + "}}";
}

}  // namespace hg::bench
