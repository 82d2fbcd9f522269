#include "core/stations/search.h"

#include <gtest/gtest.h>

namespace hg::stations {
namespace {

Station make(const char* name, const char* district, const char* address) {
  Station s;
  s.name = name;
  s.district = district;
  s.address = address;
  return s;
}

TEST(StationSearch, RanksNamePrefixThenNameThenDistrictThenAddress) {
  std::vector<Station> all = {
      make("台江区万达驿站", "台江区", "鼓楼路1号"),        // address has 鼓楼
      make("东街口鼓楼驿站", "鼓楼区", "东街口"),           // name contains
      make("晋安区站", "鼓楼区", "福新路"),                 // district
      make("鼓楼区总工会驿站", "鼓楼区", "湖东路"),          // name prefix
      make("仓山驿站", "仓山区", "无关"),
  };
  auto hits = search_stations(all, " 鼓楼 ");
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].index, 3u);
  EXPECT_EQ(hits[0].rank, MatchRank::name_prefix);
  EXPECT_EQ(hits[1].index, 1u);
  EXPECT_EQ(hits[2].index, 2u);
  EXPECT_EQ(hits[2].rank, MatchRank::district);
  EXPECT_EQ(hits[3].index, 0u);
  EXPECT_EQ(hits[3].rank, MatchRank::address);
}

TEST(StationSearch, BlankDelistedLimitAndAsciiCase) {
  std::vector<Station> all = {make("Wanda 驿站", "台江区", ""), make("wanda 二号", "台江区", "")};
  EXPECT_TRUE(search_stations(all, "  ").empty());
  EXPECT_EQ(search_stations(all, "WANDA").size(), 2u);
  EXPECT_EQ(search_stations(all, "wanda", 1).size(), 1u);
  all[0].status = StationStatus::delisted;
  EXPECT_EQ(search_stations(all, "wanda").size(), 1u);
  EXPECT_TRUE(search_stations(all, "驿站").empty());
}

}  // namespace
}  // namespace hg::stations
