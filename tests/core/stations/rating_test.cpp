#include "core/stations/rating.h"

#include <gtest/gtest.h>

namespace hg::stations {
namespace {

Rating make(int stars, UnixSeconds at = 0) {
  Rating r;
  r.station_id = "st-1";
  r.member_id = "m-9";
  r.stars = stars;
  r.at = at;
  return r;
}

TEST(Rating, Validation) {
  EXPECT_FALSE(validate(make(5)).has_value());
  EXPECT_EQ(validate(make(0))->code, Errc::invalid_input);
  EXPECT_TRUE(validate(make(6)).has_value());
  Rating r = make(4);
  r.comment = std::string(421, 'x');
  EXPECT_TRUE(validate(r).has_value());
  r.comment = "热水很方便";
  r.tags = 1u << 6;
  EXPECT_TRUE(validate(r).has_value());
  r.tags = 3;
  EXPECT_FALSE(validate(r).has_value());
  r.member_id.clear();
  EXPECT_TRUE(validate(r).has_value());
}

TEST(Rating, OnePerMemberPerStationPerCstDay) {
  // 2026-11-29 23:30 CST and 2026-11-30 00:10 CST are the same UTC day but two CST days.
  UnixSeconds late = from_cst({{2026, 11, 29}, 23, 30, 0}), after = from_cst({{2026, 11, 30}, 0, 10, 0});
  UnixSeconds morning = from_cst({{2026, 11, 29}, 8, 0, 0});
  EXPECT_EQ(rating_key(make(5, late)), "st-1|m-9|2026-11-29");
  EXPECT_EQ(rating_key(make(5, late)), rating_key(make(3, morning)));
  EXPECT_NE(rating_key(make(5, late)), rating_key(make(5, after)));
}

TEST(Rating, Summary) {
  auto s = summarize({make(5), make(4), make(4), make(1), make(9)});
  EXPECT_EQ(s.count, 4u);
  EXPECT_DOUBLE_EQ(s.mean(), 3.5);
  EXPECT_EQ(s.histogram[3], 2u);
  EXPECT_EQ(s.histogram[0], 1u);
  EXPECT_EQ(summarize({}).mean(), 0);
}

}  // namespace
}  // namespace hg::stations
