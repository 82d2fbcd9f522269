#include "core/stations/gcj02.h"

#include <gtest/gtest.h>

namespace hg::stations {
namespace {

TEST(Gcj02, KnownReferenceValue) {
  // Tiananmen: the value the public formula (e.g. coordtransform's README) gives.
  LonLat g = wgs84_to_gcj02({116.404, 39.915});
  EXPECT_NEAR(g.lon, 116.41024449916938, 1e-9);
  EXPECT_NEAR(g.lat, 39.91640428150164, 1e-9);
}

TEST(Gcj02, OffsetIsHundredsOfMetresInFujian) {
  LonLat wgs{119.2965, 26.0745};  // Fuzhou
  double d = distance_m(wgs, wgs84_to_gcj02(wgs));
  EXPECT_GT(d, 100);
  EXPECT_LT(d, 1000);
}

TEST(Gcj02, RoundTripWithinOneMetre) {
  for (double lon = 73; lon < 135; lon += 1.7)
    for (double lat = 18; lat < 53; lat += 1.3) {
      LonLat w{lon, lat};
      LonLat back = gcj02_to_wgs84(wgs84_to_gcj02(w));
      EXPECT_LT(distance_m(w, back), 0.01) << lon << "," << lat;
    }
}

TEST(Gcj02, NoOffsetOutsideChina) {
  LonLat tokyo{139.69, 35.69};
  EXPECT_DOUBLE_EQ(wgs84_to_gcj02(tokyo).lon, tokyo.lon);
  EXPECT_DOUBLE_EQ(gcj02_to_wgs84(tokyo).lat, tokyo.lat);
  EXPECT_FALSE(in_china({0, 0}));
  EXPECT_TRUE(in_china({119.3, 26.1}));
}

}  // namespace
}  // namespace hg::stations
