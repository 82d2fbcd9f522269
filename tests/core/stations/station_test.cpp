#include "core/stations/station.h"

#include <gtest/gtest.h>

#include "core/json.h"

namespace hg::stations {
namespace {

UnixSeconds cst(int y, int mo, int d, int h, int mi) { return from_cst({{y, mo, d}, h, mi, 0}); }

TEST(OpeningHours, DaytimeIntervalInCst) {
  WeeklyHours h;
  h.days[0] = {{8 * 60, 20 * 60}};  // Monday 08:00–20:00
  // 2026-11-30 is a Monday. 07:59 CST is still Sunday 23:59 UTC: CST decides, not UTC.
  EXPECT_FALSE(is_open_at(h, cst(2026, 11, 30, 7, 59)));
  EXPECT_TRUE(is_open_at(h, cst(2026, 11, 30, 8, 0)));
  EXPECT_TRUE(is_open_at(h, cst(2026, 11, 30, 19, 59)));
  EXPECT_FALSE(is_open_at(h, cst(2026, 11, 30, 20, 0)));
  EXPECT_FALSE(is_open_at(h, cst(2026, 12, 1, 9, 0)));  // Tuesday: closed
}

TEST(OpeningHours, IntervalAcrossMidnightCountsNextMorning) {
  WeeklyHours h;
  h.days[6] = {{20 * 60, 2 * 60}};  // Sunday 20:00 – Monday 02:00
  EXPECT_TRUE(is_open_at(h, cst(2026, 11, 29, 23, 30)));  // Sunday night
  EXPECT_TRUE(is_open_at(h, cst(2026, 11, 30, 1, 59)));   // Monday early morning
  EXPECT_FALSE(is_open_at(h, cst(2026, 11, 30, 2, 0)));
  EXPECT_FALSE(is_open_at(h, cst(2026, 11, 29, 19, 59)));
  EXPECT_TRUE(is_open_at(h, cst(2026, 11, 23, 1, 0)));   // every week, not one date
  EXPECT_FALSE(is_open_at(h, cst(2026, 12, 1, 1, 0)));   // Tuesday 01:00: Monday has no night shift
}

TEST(OpeningHours, AlwaysOpenAndUntilMidnight) {
  WeeklyHours all;
  all.always_open = true;
  EXPECT_TRUE(is_open_at(all, cst(2026, 2, 17, 3, 0)));
  WeeklyHours h;
  h.days[2] = {{0, 1440}};  // Wednesday all day
  EXPECT_TRUE(is_open_at(h, cst(2026, 12, 2, 0, 0)));
  EXPECT_TRUE(is_open_at(h, cst(2026, 12, 2, 23, 59)));
  EXPECT_FALSE(is_open_at(h, cst(2026, 12, 3, 0, 0)));
}

TEST(OpeningHours, Validation) {
  WeeklyHours h;
  h.days[1] = {{9 * 60, 1441}};
  ASSERT_TRUE(validate(h).has_value());
  EXPECT_EQ(validate(h)->code, Errc::invalid_input);
  h.days[1] = {{9 * 60, 17 * 60}};
  EXPECT_FALSE(validate(h).has_value());
}

TEST(Station, DelistedIsNeverOpenAndJsonRoundTrips) {
  Station s;
  s.id = "st-1";
  s.name = "东街口户外劳动者驿站";
  s.amenities = bit(Amenity::hot_water) | bit(Amenity::microwave);
  s.hours.always_open = true;
  EXPECT_TRUE(s.open_at(0));
  EXPECT_TRUE(has_all(s.amenities, bit(Amenity::hot_water)));
  EXPECT_FALSE(has_all(s.amenities, bit(Amenity::hot_water) | bit(Amenity::toilet)));
  std::string json = to_json("station", s);
  auto back = from_json<Station>(json, "station");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value().name, s.name);
  EXPECT_EQ(back.value().amenities, s.amenities);
  EXPECT_TRUE(back.value().hours.always_open);
  s.status = StationStatus::delisted;
  EXPECT_FALSE(s.open_at(0));
}

}  // namespace
}  // namespace hg::stations
