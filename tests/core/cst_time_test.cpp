#include "core/cst_time.h"

#include <gtest/gtest.h>

namespace hg {
namespace {

// 2026-12-01 00:00:00 CST, i.e. 2026-11-30 16:00:00Z (checked against Python's datetime).
constexpr UnixSeconds kDec1Cst = 1796054400;

TEST(CstTime, MidnightCstIsTheNextDayAlready) {
  EXPECT_EQ(period_key(Period::Month, kDec1Cst), "2026-12");
  EXPECT_EQ(period_key(Period::Day, kDec1Cst), "2026-12-01");
  EXPECT_EQ(period_key(Period::Year, kDec1Cst), "2026");
  EXPECT_EQ(format_cst(kDec1Cst), "2026-12-01 00:00:00");
  // One second earlier (15:59:59Z) is still November in CST.
  EXPECT_EQ(period_key(Period::Month, kDec1Cst - 1), "2026-11");
  EXPECT_EQ(period_key(Period::Day, kDec1Cst - 1), "2026-11-30");
  EXPECT_EQ(format_cst(kDec1Cst - 1), "2026-11-30 23:59:59");
}

TEST(CstTime, NewYearInCst) {
  constexpr UnixSeconds kJan1_2027 = 1798732800;  // 2026-12-31 16:00:00Z
  EXPECT_EQ(period_key(Period::Year, kJan1_2027), "2027");
  EXPECT_EQ(period_key(Period::Year, kJan1_2027 - 1), "2026");
  EXPECT_EQ(period_key(Period::Month, kJan1_2027), "2027-01");
}

TEST(CstTime, ToAndFromCst) {
  const CivilDateTime c = to_cst(kDec1Cst + 10 * 3600 + 5 * 60 + 7);
  EXPECT_EQ(c.date, (CivilDate{2026, 12, 1}));
  EXPECT_EQ(c.hour, 10);
  EXPECT_EQ(c.minute, 5);
  EXPECT_EQ(c.second, 7);
  EXPECT_EQ(from_cst(c), kDec1Cst + 10 * 3600 + 5 * 60 + 7);
  // The Unix epoch was 08:00 in Beijing; an instant before it still has a sane clock face.
  const CivilDateTime e = to_cst(-1);
  EXPECT_EQ(e.date, (CivilDate{1970, 1, 1}));
  EXPECT_EQ(e.hour, 7);
  EXPECT_EQ(e.minute, 59);
  EXPECT_EQ(e.second, 59);
  EXPECT_EQ(format_cst(-8 * 3600 - 1), "1969-12-31 23:59:59");
}

TEST(PeriodBounds, Day) {
  const UnixSeconds noon = kDec1Cst + 12 * 3600;
  EXPECT_EQ(period_start(Period::Day, noon), kDec1Cst);
  EXPECT_EQ(period_end(Period::Day, noon), kDec1Cst + 86400);
  EXPECT_EQ(period_start(Period::Day, kDec1Cst), kDec1Cst);
  EXPECT_EQ(period_end(Period::Day, kDec1Cst - 1), kDec1Cst);
  EXPECT_EQ(period_start(Period::Day, kDec1Cst - 1), kDec1Cst - 86400);
}

TEST(PeriodBounds, MonthIncludingDecemberToJanuary) {
  constexpr UnixSeconds kNov1 = 1793462400;  // 2026-11-01 00:00 CST
  EXPECT_EQ(format_cst(kNov1), "2026-11-01 00:00:00");
  EXPECT_EQ(period_start(Period::Month, kDec1Cst - 1), kNov1);
  EXPECT_EQ(period_end(Period::Month, kDec1Cst - 1), kDec1Cst);
  EXPECT_EQ(period_start(Period::Month, kDec1Cst + 20 * 86400), kDec1Cst);
  EXPECT_EQ(period_end(Period::Month, kDec1Cst + 20 * 86400), 1798732800);  // 2027-01-01 00:00 CST
  EXPECT_EQ(format_cst(period_end(Period::Month, kDec1Cst)), "2027-01-01 00:00:00");
}

TEST(PeriodBounds, FebruaryLeapAndNonLeap) {
  constexpr UnixSeconds kFeb29_2028 = 1835366400;  // 2028-02-29 00:00 CST
  constexpr UnixSeconds kMar1_2028 = 1835452800;
  EXPECT_EQ(format_cst(kFeb29_2028), "2028-02-29 00:00:00");
  EXPECT_EQ(period_key(Period::Month, kFeb29_2028), "2028-02");
  EXPECT_EQ(period_end(Period::Month, kFeb29_2028), kMar1_2028);
  EXPECT_EQ(period_start(Period::Month, kFeb29_2028), kFeb29_2028 - 28 * 86400);
  EXPECT_EQ(period_end(Period::Day, kFeb29_2028), kMar1_2028);

  constexpr UnixSeconds kFeb1_2027 = 1801411200;
  constexpr UnixSeconds kMar1_2027 = 1803830400;
  EXPECT_EQ(period_start(Period::Month, kFeb1_2027 + 27 * 86400 + 3600), kFeb1_2027);
  EXPECT_EQ(period_end(Period::Month, kFeb1_2027), kMar1_2027);
  EXPECT_EQ(kMar1_2027 - kFeb1_2027, 28 * 86400);
  EXPECT_EQ(period_key(Period::Day, kMar1_2027 - 1), "2027-02-28");

  EXPECT_EQ(days_in_month(2028, 2), 29);
  EXPECT_EQ(days_in_month(2027, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_EQ(days_in_month(2026, 4), 30);
  EXPECT_EQ(days_in_month(2026, 12), 31);
  EXPECT_EQ(days_in_month(2026, 13), 0);
  EXPECT_EQ(days_in_month(2026, 0), 0);
}

TEST(PeriodBounds, Year) {
  constexpr UnixSeconds kJan1_2026 = 1767196800;
  constexpr UnixSeconds kJan1_2027 = 1798732800;
  EXPECT_EQ(period_start(Period::Year, kDec1Cst), kJan1_2026);
  EXPECT_EQ(period_end(Period::Year, kDec1Cst), kJan1_2027);
  EXPECT_EQ(period_start(Period::Year, kJan1_2027 - 1), kJan1_2026);
  EXPECT_EQ(period_start(Period::Year, kJan1_2027), kJan1_2027);
  // 2028 is a leap year: 366 days.
  const UnixSeconds in2028 = 1835366400;
  EXPECT_EQ(period_end(Period::Year, in2028) - period_start(Period::Year, in2028), 366 * 86400);
}

TEST(PeriodBounds, EveryInstantLiesInItsPeriod) {
  for (UnixSeconds t = kDec1Cst - 400 * 86400; t < kDec1Cst + 400 * 86400; t += 7919) {
    for (Period p : {Period::Day, Period::Month, Period::Year}) {
      const UnixSeconds start = period_start(p, t), end = period_end(p, t);
      ASSERT_LE(start, t);
      ASSERT_LT(t, end);
      ASSERT_EQ(period_key(p, start), period_key(p, t));
      ASSERT_EQ(period_key(p, end - 1), period_key(p, t));
      ASSERT_NE(period_key(p, end), period_key(p, t));
      ASSERT_EQ(period_start(p, end), end);
    }
  }
}

TEST(CstTime, EndOfDayIsLastSecondInCst) {
  const UnixSeconds eod = end_of_day_cst(kDec1Cst + 10 * 3600);
  EXPECT_EQ(format_cst(eod), "2026-12-01 23:59:59");
  EXPECT_EQ(eod % 86400, 15 * 3600 + 59 * 60 + 59);  // 15:59:59Z, not 23:59:59Z
  EXPECT_EQ(eod, kDec1Cst + 86400 - 1);
  // 07:00 CST is still the UTC day before; the coupon runs to the end of the CST day.
  EXPECT_EQ(end_of_day_cst(kDec1Cst + 7 * 3600), eod);
  EXPECT_EQ(end_of_day_cst(eod), eod);
  EXPECT_EQ(end_of_day_cst(kDec1Cst), eod);
  EXPECT_EQ(end_of_day_cst(kDec1Cst - 1), kDec1Cst - 1);
}

TEST(CstTime, WeekdayIsIsoInCst) {
  // 2026-11-30 is a Monday, 2026-12-01 a Tuesday (CST).
  EXPECT_EQ(weekday_cst(kDec1Cst - 1), 1);
  EXPECT_EQ(weekday_cst(kDec1Cst), 2);
  EXPECT_EQ(weekday_cst(kDec1Cst - 86400 * 3), 6);  // Saturday 2026-11-28
  EXPECT_EQ(weekday_cst(kDec1Cst - 86400), 1);
  EXPECT_EQ(weekday_cst(kDec1Cst - 86400 - 1), 7);  // Sunday 23:59:59
  EXPECT_EQ(weekday_cst(0), 4);                     // 1970-01-01 08:00 CST, a Thursday
  EXPECT_EQ(weekday_cst(-8 * 3600 - 1), 3);         // 1969-12-31 23:59:59 CST, a Wednesday
  for (int i = 0; i < 7 * 60; ++i) {
    const UnixSeconds t = kDec1Cst - 30 * 86400 * 7 + i * 86400;
    ASSERT_EQ(weekday_cst(t), (i + 1) % 7 + 1) << format_cst(t);
  }
}

TEST(Civil, KnownDays) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(days_from_civil({1, 1, 1}), -719162);
  EXPECT_EQ(days_from_civil({9999, 12, 31}), 2932896);
  EXPECT_EQ(civil_from_days(-719162), (CivilDate{1, 1, 1}));
  EXPECT_EQ(civil_from_days(-1), (CivilDate{1969, 12, 31}));
  EXPECT_EQ(civil_from_days(2932896), (CivilDate{9999, 12, 31}));
}

TEST(Civil, RoundTripOverWideRange) {
  CivilDate prev = civil_from_days(-1'000'001);
  for (std::int64_t z = -1'000'000; z <= 3'000'000; ++z) {
    const CivilDate d = civil_from_days(z);
    ASSERT_TRUE(valid_date(d)) << z;
    ASSERT_EQ(days_from_civil(d), z);
    // Consecutive days: next day of the month, or the 1st of the next month.
    const bool next_in_month = d.year == prev.year && d.month == prev.month && d.day == prev.day + 1;
    const bool first_of_next = d.day == 1 && prev.day == days_in_month(prev.year, prev.month) &&
                               ((d.year == prev.year && d.month == prev.month + 1) ||
                                (d.year == prev.year + 1 && d.month == 1 && prev.month == 12));
    ASSERT_TRUE(next_in_month || first_of_next) << z;
    prev = d;
  }
}

TEST(Civil, ValidDate) {
  EXPECT_TRUE(valid_date({2028, 2, 29}));
  EXPECT_FALSE(valid_date({2026, 2, 29}));
  EXPECT_FALSE(valid_date({2026, 2, 30}));
  EXPECT_FALSE(valid_date({2026, 4, 31}));
  EXPECT_FALSE(valid_date({2026, 0, 1}));
  EXPECT_FALSE(valid_date({2026, 13, 1}));
  EXPECT_FALSE(valid_date({2026, 1, 0}));
}

TEST(ParseCst, AcceptsBothForms) {
  EXPECT_EQ(parse_cst("2026-12-01 00:00:00"), kDec1Cst);
  EXPECT_EQ(parse_cst("2026-12-01"), kDec1Cst);
  EXPECT_EQ(parse_cst("2026-11-30 23:59:59"), kDec1Cst - 1);
  EXPECT_EQ(parse_cst("2026-11-29 10:00:00"), 1795917600);
  EXPECT_EQ(parse_cst("2028-02-29"), 1835366400);
}

TEST(ParseCst, RoundTripsFormat) {
  for (UnixSeconds t = -5'000'000'000; t < 5'000'000'000; t += 9'999'991) {
    const std::string s = format_cst(t);
    ASSERT_EQ(parse_cst(s), t) << s;
  }
}

TEST(ParseCst, RejectsInvalidDatesTimesAndGarbage) {
  for (const char* bad :
       {"", "2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-12-01 24:00:00",
        "2026-12-01 23:60:00", "2026-12-01 23:59:60", "2026-12-01 -1:00:00", "garbage", "2026", "2026-12",
        "2026-12-01 10:00", "2026-12-01T10:00:00", "2026-12-01 10:00:00Z", "2026-12-01 10:00:00 ", "2026-12-01x",
        "2026-12-01 ", " 2026-12-01", "2026-12-01 10:00:00+08:00", "2026/12/01", "2026-1-05 ", "2026-+1-05",
        "2026-12-01 1:2:3", "2026-12-01 10:00:0", "2026-12-01 +1:00:00", "20261201", "2026-12-1", "2026-12-011"}) {
    EXPECT_EQ(parse_cst(bad), std::nullopt) << '"' << bad << '"';
  }
  using namespace std::string_view_literals;
  EXPECT_EQ(parse_cst("2026-12-01 10:00:00\0junk"sv), std::nullopt);  // embedded NUL is trailing junk too
  EXPECT_EQ(parse_cst("2026-12-01\0"sv), std::nullopt);
}

TEST(ParseInstant, ACstTimeOrUtcSeconds) {
  EXPECT_EQ(parse_instant("2026-12-01 00:00:00"), kDec1Cst);
  EXPECT_EQ(parse_instant("1796184000"), 1796184000);
  EXPECT_EQ(parse_instant("0"), 0);
  for (const char* bad : {"", "-1", "12ab", "1796184000 ", "9999999999999", "2026-12-01T00:00:00"})
    EXPECT_EQ(parse_instant(bad), std::nullopt) << '"' << bad << '"';
}

TEST(AddMonthsStart, WholeMonthsInCstAcrossYearEnds) {
  // 00:30 CST on 1 January 2027 is still 2026 in UTC: the month is January's.
  const UnixSeconds new_year = from_cst({{2027, 1, 1}, 0, 30, 0});
  EXPECT_EQ(format_cst(add_months_start(new_year, 0)), "2027-01-01 00:00:00");
  EXPECT_EQ(format_cst(add_months_start(new_year, -1)), "2026-12-01 00:00:00");
  EXPECT_EQ(format_cst(add_months_start(new_year, -13)), "2025-12-01 00:00:00");
  EXPECT_EQ(format_cst(add_months_start(new_year, 13)), "2028-02-01 00:00:00");
  const UnixSeconds leap = from_cst({{2028, 2, 29}, 23, 59, 59});
  EXPECT_EQ(format_cst(add_months_start(leap, 1)), "2028-03-01 00:00:00");
  EXPECT_EQ(format_cst(add_months_start(leap, -3)), "2027-11-01 00:00:00");
  EXPECT_STREQ(english_month(1), "January");
  EXPECT_STREQ(english_month(12), "December");
  EXPECT_STREQ(english_month(13), "");
}

TEST(ParseMonth, ExactlyYearDashMonth) {
  ASSERT_TRUE(parse_month("2026-12"));
  EXPECT_EQ(*parse_month("2026-12"), (YearMonth{2026, 12}));
  EXPECT_EQ(*parse_month("2027-01"), (YearMonth{2027, 1}));
  for (const char* bad : {"", "2026-13", "2026-00", "2026-1", "26-12", "2026/12", "2026-12-01", "2026-1x", " 2026-12",
                          "1999-12", "2101-01", "+026-12"})
    EXPECT_FALSE(parse_month(bad)) << bad;
}

TEST(ParseMonth, KeysStartsAndArithmeticInCst) {
  EXPECT_EQ(month_key({2027, 1}), "2027-01");
  EXPECT_EQ(add_months({2026, 12}, 1), (YearMonth{2027, 1}));
  EXPECT_EQ(add_months({2027, 1}, -1), (YearMonth{2026, 12}));
  EXPECT_EQ(add_months({2026, 3}, -15), (YearMonth{2024, 12}));
  EXPECT_EQ(month_start({2026, 12}), kDec1Cst);
  EXPECT_EQ(month_of(kDec1Cst), (YearMonth{2026, 12}));
  EXPECT_EQ(month_of(kDec1Cst - 1), (YearMonth{2026, 11}));  // 23:59:59 CST on 30 November
}

TEST(ParseClockMinutes, HoursAndMinutes) {
  EXPECT_EQ(parse_clock_minutes("00:00"), 0);
  EXPECT_EQ(parse_clock_minutes("09:30"), 9 * 60 + 30);
  EXPECT_EQ(parse_clock_minutes("23:59"), 23 * 60 + 59);
  EXPECT_FALSE(parse_clock_minutes("24:00"));
  EXPECT_EQ(parse_clock_minutes("24:00", true), 24 * 60);
  EXPECT_FALSE(parse_clock_minutes("24:01", true));
  for (const char* bad : {"", "9:30", "09:60", "09-30", "0930", "09:30:00", "ab:cd"}) EXPECT_FALSE(parse_clock_minutes(bad)) << bad;
}

}  // namespace
}  // namespace hg
