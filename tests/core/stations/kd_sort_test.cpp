#include "core/stations/kd_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace hg::stations {
namespace {

struct Sorted {
  std::vector<double> lon, lat;
  std::vector<std::uint32_t> id;
  GeoBox bounds;
};

Sorted sort(const std::vector<LonLat>& pts, std::size_t node_size) {
  Sorted s{std::vector<double>(pts.size()), std::vector<double>(pts.size()), std::vector<std::uint32_t>(pts.size()), {}};
  s.bounds = kd_sort(pts, node_size, {s.lon.data(), s.lat.data(), s.id.data()});
  return s;
}

// kdbush's invariant, node by node: the median splits its node on the node's axis.
void expect_kd_order(const Sorted& s, std::size_t node_size, std::size_t left, std::size_t right, int axis) {
  if (right - left <= node_size) return;
  const std::size_t m = (left + right) >> 1;
  const std::vector<double>& c = axis == 0 ? s.lon : s.lat;
  for (std::size_t i = left; i < m; i++) ASSERT_LE(c[i], c[m]) << "node " << left << "-" << right;
  for (std::size_t i = m + 1; i <= right; i++) ASSERT_GE(c[i], c[m]) << "node " << left << "-" << right;
  expect_kd_order(s, node_size, left, m - 1, 1 - axis);
  expect_kd_order(s, node_size, m + 1, right, 1 - axis);
}

// Every input point exactly once, with its own coordinates.
void expect_permutation(const Sorted& s, const std::vector<LonLat>& pts) {
  std::vector<bool> seen(pts.size());
  for (std::size_t i = 0; i < pts.size(); i++) {
    ASSERT_LT(s.id[i], pts.size());
    ASSERT_FALSE(seen[s.id[i]]);
    seen[s.id[i]] = true;
    ASSERT_EQ(s.lon[i], pts[s.id[i]].lon);
    ASSERT_EQ(s.lat[i], pts[s.id[i]].lat);
  }
}

void check(const std::vector<LonLat>& pts, std::size_t node_size) {
  const Sorted s = sort(pts, node_size);
  expect_permutation(s, pts);
  if (!pts.empty()) expect_kd_order(s, node_size, 0, pts.size() - 1, 0);
}

TEST(KdSort, UniformPointsAtSeveralNodeSizes) {
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> lon(115.8, 120.7), lat(23.5, 28.3);
  std::vector<LonLat> pts(50000);
  for (auto& p : pts) p = {lon(rng), lat(rng)};
  for (std::size_t node_size : {2, 7, 64, 1000}) check(pts, node_size);
  const Sorted s = sort(pts, 64);
  EXPECT_EQ(s.bounds.min_lon, std::min_element(pts.begin(), pts.end(), [](auto& a, auto& b) { return a.lon < b.lon; })->lon);
  EXPECT_EQ(s.bounds.max_lat, std::max_element(pts.begin(), pts.end(), [](auto& a, auto& b) { return a.lat < b.lat; })->lat);
}

TEST(KdSort, SmallCountsAndEmpty) {
  for (std::size_t n : {0, 1, 2, 3, 4, 5, 65, 66, 67, 130, 131}) {
    std::vector<LonLat> pts;
    for (std::size_t i = 0; i < n; i++) pts.push_back({double((i * 7919) % 101), double((i * 104729) % 97)});
    check(pts, 64);
    check(pts, 2);
  }
}

TEST(KdSort, RepeatedAndClusteredPositions) {
  std::mt19937 rng(2);
  std::vector<LonLat> pts(3000, LonLat{119.3, 26.08});  // one address, many stations
  std::normal_distribution<double> city(0, 0.01);
  for (int i = 0; i < 20000; i++) pts.push_back({118.1 + city(rng), 24.5 + city(rng)});
  // Values that differ only in their last bits share the sort's integer levels.
  for (int i = 0; i < 2000; i++) pts.push_back({119.0 + i * 1e-13, 26.0 - i * 1e-13});
  std::shuffle(pts.begin(), pts.end(), rng);
  check(pts, 64);
  check(pts, 3);
}

TEST(KdSort, OutliersLeaveFewLevelsForTheRest) {
  // One point on the far side of the world squeezes everything else into a handful of the
  // radix sort's integer levels: the exact fallback must take over.
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> near(0, 1e-6);
  std::vector<LonLat> pts;
  for (int i = 0; i < 30000; i++) pts.push_back({119 + near(rng), 26 + near(rng)});
  pts.push_back({-179.9, -89.9});
  pts.push_back({179.9, 89.9});
  check(pts, 64);
}

TEST(KdSort, WholeGlobe) {
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90);
  std::vector<LonLat> pts(40000);
  for (auto& p : pts) p = {lon(rng), lat(rng)};
  check(pts, 64);
}

}  // namespace
}  // namespace hg::stations
