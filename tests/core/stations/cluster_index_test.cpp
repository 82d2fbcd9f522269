#include "core/stations/cluster_index.h"

#include <gtest/gtest.h>

#include <random>

namespace hg::stations {
namespace {

std::vector<LonLat> random_points(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lon(115.8, 120.7), lat(23.5, 28.3);
  std::vector<LonLat> p(n);
  for (auto& q : p) q = {lon(rng), lat(rng)};
  return p;
}

const GeoBox kWorld{-180, -85, 180, 85};

TEST(ClusterIndex, EveryPointCountedOnceAtEveryZoom) {
  auto pts = random_points(5000, 1);
  ClusterIndex idx(pts);
  EXPECT_EQ(idx.level_count(), 18u);  // zooms 0…16 plus the input points, as supercluster
  std::size_t previous = 0;
  for (int z = 0; z <= 17; z++) {
    auto fs = idx.clusters(kWorld, z);
    std::uint64_t total = 0;
    for (const auto& f : fs) total += f.count;
    EXPECT_EQ(total, pts.size()) << "zoom " << z;
    EXPECT_EQ(fs.size(), idx.cluster_count(z));
    EXPECT_GE(fs.size(), previous) << "features only split as the map zooms in";
    previous = fs.size();
  }
  EXPECT_EQ(idx.clusters(kWorld, 17).size(), pts.size());
  EXPECT_EQ(idx.clusters(kWorld, 25).size(), pts.size());  // zoom clamped like supercluster
}

TEST(ClusterIndex, TwoNeighboursMergeWhenZoomedOut) {
  // 0.001° apart (~100 m): 40 px covers 0.0017° at zoom 14 but only 0.00086° at zoom 15.
  std::vector<LonLat> pts = {{119.30, 26.08}, {119.301, 26.08}, {118.1, 24.5}};
  ClusterIndex idx(pts);
  auto far = idx.clusters(kWorld, 10);
  ASSERT_EQ(far.size(), 2u);
  const ClusterFeature& c = far[0].is_cluster() ? far[0] : far[1];
  EXPECT_EQ(c.count, 2u);
  EXPECT_NEAR(c.position().lon, 119.3005, 1e-6);
  EXPECT_NEAR(c.position().lat, 26.08, 1e-6);
  // cluster id = (index at the zoom above << 5) + zoom + 1 + number of points: formed at 14
  EXPECT_EQ((c.id - 3) % 32, 15);
  EXPECT_EQ(idx.clusters(kWorld, 14).size(), 2u);
  EXPECT_EQ(idx.clusters(kWorld, 15).size(), 3u);
  auto near = idx.clusters(kWorld, 16);
  ASSERT_EQ(near.size(), 3u);
  for (const auto& f : near) {
    EXPECT_FALSE(f.is_cluster());
    EXPECT_DOUBLE_EQ(f.position().lon, pts[static_cast<std::size_t>(f.id)].lon);
    EXPECT_NEAR(f.position().lat, pts[static_cast<std::size_t>(f.id)].lat, 1e-12);
  }
}

TEST(ClusterIndex, BoxesSelectAndWrapTheAntimeridian) {
  std::vector<LonLat> pts = {{179.5, 10}, {-179.5, 10}, {0, 10}, {119, 26}};
  ClusterIndex idx(pts);
  EXPECT_EQ(idx.clusters({179, 5, -179, 15}, 16).size(), 2u);   // crosses 180°
  EXPECT_EQ(idx.clusters({-200, -90, 200, 90}, 16).size(), 4u);  // wider than the world
  EXPECT_EQ(idx.clusters({118, 25, 120, 27}, 16).size(), 1u);
  EXPECT_TRUE(idx.clusters({10, 10, 20, 20}, 16).empty());
}

TEST(ClusterIndex, EmptyAndMinPoints) {
  ClusterIndex none(std::vector<LonLat>{});
  EXPECT_TRUE(none.clusters(kWorld, 3).empty());
  std::vector<LonLat> pts = {{119.3, 26.08}, {119.3001, 26.08}};
  ClusterOptions o;
  o.min_points = 3;  // two stations are not enough for a bubble
  ClusterIndex idx(pts, o);
  EXPECT_EQ(idx.clusters(kWorld, 0).size(), 2u);
}

}  // namespace
}  // namespace hg::stations
