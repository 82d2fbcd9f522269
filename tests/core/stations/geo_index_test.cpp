#include "core/stations/geo_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace hg::stations {
namespace {

std::vector<LonLat> random_points(std::size_t n, unsigned seed, double lon0 = 115.8, double lon1 = 120.7,
                                  double lat0 = 23.5, double lat1 = 28.3) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lon(lon0, lon1), lat(lat0, lat1);
  std::vector<LonLat> p(n);
  for (auto& q : p) q = {lon(rng), lat(rng)};
  return p;
}

struct Brute {
  double h;
  std::uint32_t id;
  bool operator<(const Brute& o) const { return h < o.h || (h == o.h && id < o.id); }
};

// Straight haversine with library trig: the reference the index's fast path must agree with.
std::vector<Brute> brute_sorted(const std::vector<LonLat>& p, LonLat q) {
  std::vector<Brute> all;
  for (std::uint32_t i = 0; i < p.size(); i++) {
    double h = haversin((p[i].lat - q.lat) * kRad) + std::cos(q.lat * kRad) * std::cos(p[i].lat * kRad) * haversin((p[i].lon - q.lon) * kRad);
    all.push_back({h, i});
  }
  std::sort(all.begin(), all.end());
  return all;
}

TEST(GeoIndex, EmptyIndexAnswersNothing) {
  GeoIndex idx(std::vector<LonLat>{});
  EXPECT_EQ(idx.size(), 0u);
  EXPECT_TRUE(idx.range({0, 0, 1, 1}).empty());
  EXPECT_TRUE(idx.nearest({0, 0}, 5).empty());
  EXPECT_TRUE(idx.within({0, 0}, 1000).empty());
}

TEST(GeoIndex, RangeMatchesBruteForce) {
  auto pts = random_points(20000, 1);
  GeoIndex idx(pts);
  std::mt19937 rng(2);
  std::uniform_real_distribution<double> lon(115.5, 121), lat(23, 28.5), size(0, 0.6);
  for (int q = 0; q < 200; q++) {
    GeoBox b{lon(rng), lat(rng), 0, 0};
    b.max_lon = b.min_lon + size(rng);
    b.max_lat = b.min_lat + size(rng);
    auto got = idx.range(b);
    std::sort(got.begin(), got.end());
    std::vector<std::uint32_t> want;
    for (std::uint32_t i = 0; i < pts.size(); i++)
      if (pts[i].lon >= b.min_lon && pts[i].lon <= b.max_lon && pts[i].lat >= b.min_lat && pts[i].lat <= b.max_lat)
        want.push_back(i);
    ASSERT_EQ(got, want) << "query " << q;
  }
}

TEST(GeoIndex, RangeIncludesBoundaryAndDuplicates) {
  std::vector<LonLat> pts(300, LonLat{119.3, 26.08});  // many stations at one address
  pts.push_back({119.0, 26.0});
  GeoIndex idx(pts, 8);
  EXPECT_EQ(idx.range({119.3, 26.08, 119.3, 26.08}).size(), 300u);
  EXPECT_EQ(idx.range({119.0, 26.0, 119.0, 26.0}), std::vector<std::uint32_t>{300});
}

TEST(GeoIndex, NearestMatchesBruteForce) {
  auto pts = random_points(30000, 3);
  GeoIndex idx(pts);
  auto queries = random_points(300, 4, 115, 121.5, 23, 29);  // some outside the data's box
  for (const LonLat& q : queries) {
    auto got = idx.nearest(q, 10);
    auto want = brute_sorted(pts, q);
    ASSERT_EQ(got.size(), 10u);
    for (int i = 0; i < 10; i++) {
      EXPECT_EQ(got[i].id, want[i].id);
      EXPECT_NEAR(got[i].metres, haversin_to_metres(want[i].h), 1e-6);
    }
  }
}

TEST(GeoIndex, NearestFarAwayAndAcrossAntimeridian) {
  std::vector<LonLat> pts = {{179.9, 0}, {-179.9, 0.1}, {0, 0}, {10, 50}, {-120, -40}};
  GeoIndex idx(pts, 2);
  auto got = idx.nearest({-179.95, 0}, 2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].id, 1u);
  EXPECT_EQ(got[1].id, 0u);
  auto all = idx.nearest({100, 30}, 99);  // k larger than the index
  EXPECT_EQ(all.size(), pts.size());
  for (std::size_t i = 1; i < all.size(); i++) EXPECT_LE(all[i - 1].metres, all[i].metres);
}

TEST(GeoIndex, NearestWithFilterAndMaxDistance) {
  auto pts = random_points(20000, 5);
  GeoIndex idx(pts);
  auto odd = [](std::uint32_t id) { return id % 7 == 3; };
  LonLat q{118.2, 25.9};
  auto got = idx.nearest(q, 5, 20000, odd);
  std::vector<std::uint32_t> want;
  for (const Brute& b : brute_sorted(pts, q))
    if (odd(b.id) && haversin_to_metres(b.h) <= 20000 && want.size() < 5) want.push_back(b.id);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); i++) EXPECT_EQ(got[i].id, want[i]);
  EXPECT_TRUE(idx.nearest(q, 5, 1.0, odd).empty() || idx.nearest(q, 5, 1.0, odd)[0].metres <= 1.0);
  EXPECT_TRUE(idx.nearest(q, 5, 10000, [](std::uint32_t) { return false; }).empty());
}

TEST(GeoIndex, WithinMatchesBruteForceNearestFirst) {
  auto pts = random_points(20000, 6);
  GeoIndex idx(pts);
  for (const LonLat& q : random_points(100, 7)) {
    for (double r : {500.0, 3000.0, 15000.0}) {
      auto got = idx.within(q, r);
      std::vector<std::uint32_t> want;
      for (const Brute& b : brute_sorted(pts, q))
        if (haversin_to_metres(b.h) <= r) want.push_back(b.id);
      ASSERT_EQ(got.size(), want.size());
      for (std::size_t i = 0; i < got.size(); i++) {
        EXPECT_EQ(got[i].id, want[i]);
        EXPECT_LE(got[i].metres, r);
      }
    }
  }
}

// The searches prune with cheap lower and upper bounds of the distance; over the whole globe,
// near the poles and across the antimeridian those bounds are at their loosest.
TEST(GeoIndex, NearestAndWithinMatchBruteForceOverTheGlobe) {
  auto pts = random_points(20000, 11, -180, 180, -90, 90);
  pts.push_back({179.999, 89.999});
  pts.push_back({-179.999, -89.999});
  GeoIndex idx(pts);
  auto queries = random_points(150, 12, -180, 180, -90, 90);
  for (LonLat q : {LonLat{180, 0}, LonLat{-180, 45}, LonLat{0, 90}, LonLat{123, -90}, LonLat{179.9999, 89.9999}})
    queries.push_back(q);
  for (const LonLat& q : queries) {
    const auto want = brute_sorted(pts, q);
    for (std::size_t k : {1, 10, 100}) {
      auto got = idx.nearest(q, k);
      ASSERT_EQ(got.size(), k);
      for (std::size_t i = 0; i < k; i++) {
        ASSERT_EQ(got[i].id, want[i].id) << q.lon << "," << q.lat << " k " << k << " #" << i;
        EXPECT_NEAR(got[i].metres, haversin_to_metres(want[i].h), 1e-6);
      }
    }
    auto got = idx.within(q, 400000);
    std::size_t n = 0;
    while (n < want.size() && haversin_to_metres(want[n].h) <= 400000) n++;
    ASSERT_EQ(got.size(), n);
    for (std::size_t i = 0; i < n; i++) ASSERT_EQ(got[i].id, want[i].id);
  }
}

TEST(GeoIndex, NearestInClustersAndRepeatedPositions) {
  std::mt19937 rng(13);
  std::normal_distribution<double> city(0, 0.02);
  std::vector<LonLat> pts(500, LonLat{119.3, 26.08});
  for (int i = 0; i < 20000; i++) pts.push_back({118.1 + city(rng), 24.5 + city(rng)});
  GeoIndex idx(pts);
  for (LonLat q : {LonLat{119.3, 26.08}, LonLat{118.1, 24.5}, LonLat{118.7, 25.3}, LonLat{118.1003, 24.4991}}) {
    const auto want = brute_sorted(pts, q);
    auto got = idx.nearest(q, 40);
    ASSERT_EQ(got.size(), 40u);
    for (std::size_t i = 0; i < got.size(); i++) ASSERT_EQ(got[i].id, want[i].id);  // ties: lower id first
  }
}

TEST(GeoIndex, RangeOfWholeTreeEmptyBoxAndEdges) {
  auto pts = random_points(10000, 14);
  GeoIndex idx(pts);
  auto all = idx.range({-180, -90, 180, 90});
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), pts.size());
  for (std::uint32_t i = 0; i < all.size(); i++) ASSERT_EQ(all[i], i);
  EXPECT_TRUE(idx.range({0, 0, 1, 1}).empty());
  EXPECT_TRUE(idx.range({119, 26, 118, 27}).empty());  // min above max
  const LonLat p = pts[1234];
  auto got = idx.range({p.lon, p.lat, p.lon, p.lat});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], 1234u);
  // A box on the boundary of the data on three sides.
  GeoBox strip{115.8, 23.5, 116.0, 28.3};
  auto want = std::count_if(pts.begin(), pts.end(), [&](const LonLat& q) { return q.lon <= strip.max_lon; });
  EXPECT_EQ(idx.range(strip).size(), std::size_t(want));
  std::vector<std::uint32_t> appended = {7, 7};  // range appends
  idx.range(strip, appended);
  EXPECT_EQ(appended.size(), std::size_t(want) + 2);
  EXPECT_EQ(appended[0], 7u);
}

TEST(GeoIndex, RangeWithFilter) {
  auto pts = random_points(10000, 15);
  GeoIndex idx(pts);
  GeoBox b{117, 25, 118.5, 26.5};
  auto got = idx.range(b, [](std::uint32_t id) { return id % 3 == 0; });
  std::sort(got.begin(), got.end());
  std::vector<std::uint32_t> want;
  for (std::uint32_t i = 0; i < pts.size(); i += 3)
    if (pts[i].lon >= b.min_lon && pts[i].lon <= b.max_lon && pts[i].lat >= b.min_lat && pts[i].lat <= b.max_lat) want.push_back(i);
  EXPECT_EQ(got, want);
}

TEST(GeoIndex, DistanceOfKnownPlaces) {
  // Fuzhou Gulou (119.296, 26.075) to Xiamen Siming (118.089, 24.479): about 215 km.
  EXPECT_NEAR(distance_m({119.296, 26.075}, {118.089, 24.479}), 214900, 1500);
  EXPECT_NEAR(distance_m({0, 0}, {0, 1}), kEarthRadiusM * kRad, 1e-6);
}

TEST(GeoIndex, BytesRoundTripAndRejectCorruption) {
  for (std::size_t n : {std::size_t{0}, std::size_t{100}, std::size_t{70000}}) {
    auto pts = random_points(n, 8);
    GeoIndex idx(pts);
    auto bytes = idx.to_bytes();
    EXPECT_EQ(bytes.size(), idx.byte_size());
    auto back = GeoIndex::from_bytes(bytes);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value().size(), n);
    GeoBox b{117, 25, 118, 26};
    EXPECT_EQ(back.value().range(b), idx.range(b));
    if (n > 0) {
      auto a = back.value().nearest({118.3, 25.7}, 5), c = idx.nearest({118.3, 25.7}, 5);
      ASSERT_EQ(a.size(), c.size());
      for (std::size_t i = 0; i < a.size(); i++) EXPECT_EQ(a[i].id, c[i].id);
    }
  }
  // kdbush's layout: 150,000 points take 8 + 4·n + 16·n bytes, exactly what kdbush reports.
  EXPECT_EQ(GeoIndex(random_points(150000, 9)).byte_size(), 3000008u);
  auto bytes = GeoIndex(random_points(10, 10)).to_bytes();
  auto truncated = bytes;
  truncated.pop_back();
  EXPECT_FALSE(GeoIndex::from_bytes(truncated).ok());
  auto bad_id = bytes;
  bad_id[8] = 0xff;
  EXPECT_FALSE(GeoIndex::from_bytes(bad_id).ok());
  bytes[0] = 0;
  EXPECT_EQ(GeoIndex::from_bytes(bytes).error().code, Errc::invalid_input);
}

}  // namespace
}  // namespace hg::stations
