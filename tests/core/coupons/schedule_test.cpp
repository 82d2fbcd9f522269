// Stock periods, claim windows and validity on the CST calendar: month edges at
// 23:59:59 vs 00:00:00, 10:00 CST = 02:00 UTC, end of day 23:59:59 CST.
#include <gtest/gtest.h>

#include "core/coupons/coupon_errors.h"
#include "core/coupons/schedule.h"
#include "fixtures.h"

namespace hg {
namespace {
using test::cst;

TEST(CycleKey, MonthEdgeInCst) {
  EXPECT_EQ(cycle_key(Cycle::month, cst(2026, 11, 30, 23, 59, 59)), "2026-11");
  EXPECT_EQ(cycle_key(Cycle::month, cst(2026, 12, 1, 0, 0, 0)), "2026-12");
  // 2026-11-30T16:00:00Z is already 1 December in China.
  EXPECT_EQ(cst(2026, 12, 1), 1796054400);
  EXPECT_EQ(cycle_key(Cycle::month, 1796054400 - 1), "2026-11");
  EXPECT_EQ(cycle_key(Cycle::year, cst(2026, 12, 31, 23, 59, 59)), "2026");
  EXPECT_EQ(cycle_key(Cycle::year, cst(2027, 1, 1)), "2027");
  EXPECT_EQ(cycle_key(Cycle::day, cst(2026, 12, 1, 23, 59, 59)), "2026-12-01");
  EXPECT_EQ(cycle_key(Cycle::once, cst(2026, 12, 1)), "once");
}

TEST(CycleKey, UtcMidnightIsEightInTheMorningInChina) {
  // 2026-12-31T16:00:00Z = 2027-01-01 00:00 CST.
  const UnixSeconds t = from_cst({{2027, 1, 1}, 0, 0, 0});
  EXPECT_EQ(t % 86400, 16 * 3600);
  EXPECT_EQ(cycle_key(Cycle::month, t - 1), "2026-12");
  EXPECT_EQ(cycle_key(Cycle::month, t), "2027-01");
}

TEST(StockPolicy, RefillsEachPeriodWithOverrides) {
  StockPolicy s;
  s.cycle = Cycle::month;
  s.per_period = 20000;
  s.overrides["2027-02"] = 30000;  // Spring Festival month
  EXPECT_EQ(stock_for(s, cycle_key(s.cycle, cst(2027, 1, 31, 23, 59, 59))), 20000);
  EXPECT_EQ(stock_for(s, cycle_key(s.cycle, cst(2027, 2, 1))), 30000);
  EXPECT_EQ(stock_for(s, cycle_key(s.cycle, cst(2027, 3, 1))), 20000);
}

TEST(MonthlyWindow, OpensAtTenCstWhichIsTwoUtc) {
  const ClaimWindow w = monthly_window(cst(2026, 1, 1), 1, 10 * 3600);
  const UnixSeconds open = cst(2026, 12, 1, 10);
  EXPECT_EQ(open % 86400, 2 * 3600);  // 02:00 UTC
  WindowStatus before = window_status(w, open - 1);
  EXPECT_EQ(before.phase, WindowPhase::before);
  EXPECT_EQ(before.next_open, open);
  WindowStatus at = window_status(w, open);
  EXPECT_EQ(at.phase, WindowPhase::open);
  EXPECT_EQ(at.closes, cst(2027, 1, 1));
  EXPECT_EQ(window_status(w, cst(2026, 12, 31, 23, 59, 59)).phase, WindowPhase::open);
  // Midnight on 1 January: a new month, not yet 10:00.
  WindowStatus jan = window_status(w, cst(2027, 1, 1));
  EXPECT_EQ(jan.phase, WindowPhase::before);
  EXPECT_EQ(jan.next_open, cst(2027, 1, 1, 10));
}

TEST(MonthlyWindow, ClosesOnADayAndPointsToNextMonth) {
  // Open 1st 10:00 to 3rd 22:00 each month.
  const ClaimWindow w = monthly_window(cst(2026, 1, 1), 1, 10 * 3600, 3, 22 * 3600);
  ASSERT_FALSE(validate(w));
  EXPECT_EQ(window_status(w, cst(2026, 12, 3, 21, 59, 59)).phase, WindowPhase::open);
  WindowStatus after = window_status(w, cst(2026, 12, 3, 22));
  EXPECT_EQ(after.phase, WindowPhase::after);
  EXPECT_EQ(after.next_open, cst(2027, 1, 1, 10));
}

TEST(MonthlyWindow, DayThirtyOneMeansTheLastDay) {
  const ClaimWindow w = monthly_window(cst(2026, 1, 1), 31, 10 * 3600);
  EXPECT_EQ(window_status(w, cst(2027, 2, 1)).next_open, cst(2027, 2, 28, 10));
  EXPECT_EQ(window_status(w, cst(2028, 2, 1)).next_open, cst(2028, 2, 29, 10));  // leap year
  EXPECT_EQ(window_status(w, cst(2027, 4, 30, 10)).phase, WindowPhase::open);
}

TEST(MonthlyWindow, BoundedByCampaignDates) {
  // Starts mid-month: December is open from the start, not from 1 December.
  ClaimWindow w = monthly_window(cst(2026, 12, 5, 9), 1, 10 * 3600);
  w.closes_at = cst(2027, 2, 1);
  WindowStatus early = window_status(w, cst(2026, 12, 5, 8));
  EXPECT_EQ(early.phase, WindowPhase::before);
  EXPECT_EQ(early.next_open, cst(2026, 12, 5, 9));
  EXPECT_EQ(window_status(w, cst(2026, 12, 5, 9)).phase, WindowPhase::open);
  WindowStatus jan = window_status(w, cst(2027, 1, 31, 23, 59, 59));
  EXPECT_EQ(jan.phase, WindowPhase::open);
  EXPECT_EQ(jan.closes, cst(2027, 2, 1));
  WindowStatus over = window_status(w, cst(2027, 2, 1, 10));
  EXPECT_EQ(over.phase, WindowPhase::after);
  EXPECT_EQ(over.next_open, 0);
}

TEST(DailyWindow, TenToTen) {
  const ClaimWindow w = daily_window(cst(2026, 1, 1), 10 * 3600, 22 * 3600);
  EXPECT_EQ(window_status(w, cst(2026, 12, 1, 9, 59, 59)).next_open, cst(2026, 12, 1, 10));
  EXPECT_EQ(window_status(w, cst(2026, 12, 1, 21, 59, 59)).phase, WindowPhase::open);
  WindowStatus late = window_status(w, cst(2026, 12, 1, 22));
  EXPECT_EQ(late.phase, WindowPhase::after);
  EXPECT_EQ(late.next_open, cst(2026, 12, 2, 10));
  EXPECT_EQ(window_status(daily_window(0, 0), cst(2026, 12, 1, 23, 59, 59)).phase, WindowPhase::open);
}

TEST(FixedWindow, HalfOpenInterval) {
  const ClaimWindow w = fixed_window(cst(2026, 12, 1, 10), cst(2026, 12, 8));
  EXPECT_EQ(window_status(w, cst(2026, 12, 1, 9, 59, 59)).phase, WindowPhase::before);
  EXPECT_EQ(window_status(w, cst(2026, 12, 1, 10)).phase, WindowPhase::open);
  EXPECT_EQ(window_status(w, cst(2026, 12, 7, 23, 59, 59)).phase, WindowPhase::open);
  WindowStatus closed = window_status(w, cst(2026, 12, 8));
  EXPECT_EQ(closed.phase, WindowPhase::after);
  EXPECT_EQ(closed.next_open, 0);
}

TEST(WindowValidation, RejectsBadTimes) {
  auto invalid = [](const ClaimWindow& w) {
    auto e = validate(w);
    return e && is_coupon_error(*e, CouponErrc::invalid_batch);
  };
  EXPECT_TRUE(invalid(fixed_window(10, 10)));
  EXPECT_TRUE(invalid(monthly_window(0, 0, 0)));
  EXPECT_TRUE(invalid(monthly_window(0, 32, 0)));
  EXPECT_TRUE(invalid(monthly_window(0, 1, 86400)));
  EXPECT_TRUE(invalid(monthly_window(0, 1, -1)));
  EXPECT_TRUE(invalid(monthly_window(0, 3, 36000, 2, 0)));
  EXPECT_TRUE(invalid(monthly_window(0, 3, 36000, 3, 36000)));
  EXPECT_TRUE(invalid(daily_window(0, 36000, 36000)));
  ClaimWindow w = monthly_window(100, 1, 0);
  w.closes_at = 50;
  EXPECT_TRUE(invalid(w));
  w.kind = static_cast<WindowKind>(7);
  EXPECT_TRUE(invalid(w));
}

TEST(Validity, DaysAfterClaimEndAt235959Cst) {
  Validity v;
  v.kind = ValidityKind::days_after_claim;
  v.days = 1;
  // Claimed at 10:00 CST on the 1st: one day means until 23:59:59 CST that day, which is
  // 15:59:59 UTC — not 23:59:59 UTC, and not 8 hours early either.
  ValidSpan one = valid_span(v, cst(2026, 12, 1, 10));
  EXPECT_EQ(one.from, cst(2026, 12, 1, 10));
  EXPECT_EQ(one.until, cst(2026, 12, 1, 23, 59, 59));
  EXPECT_EQ(one.until % 86400, 15 * 3600 + 59 * 60 + 59);
  v.days = 30;
  EXPECT_EQ(valid_span(v, cst(2026, 12, 1, 10)).until, cst(2026, 12, 30, 23, 59, 59));
  // A claim at 00:30 CST (16:30 UTC the day before) still counts from the CST day.
  EXPECT_EQ(valid_span(v, cst(2026, 12, 2, 0, 30)).until, cst(2026, 12, 31, 23, 59, 59));
  // Claimed at 23:59:59 on the last day of the month.
  v.days = 7;
  EXPECT_EQ(valid_span(v, cst(2026, 12, 31, 23, 59, 59)).until, cst(2027, 1, 6, 23, 59, 59));
}

TEST(Validity, FixedDates) {
  Validity v;
  v.kind = ValidityKind::fixed;
  v.valid_from = cst(2026, 12, 1);
  v.valid_until = cst(2026, 12, 31, 23, 59, 59);
  ASSERT_FALSE(validate(v));
  ValidSpan s = valid_span(v, cst(2026, 12, 15));
  EXPECT_EQ(s.from, v.valid_from);
  EXPECT_EQ(s.until, v.valid_until);
  v.valid_until = v.valid_from - 1;
  EXPECT_TRUE(validate(v));
  Validity d;
  d.days = 0;
  EXPECT_TRUE(validate(d));
  d.days = -3;
  EXPECT_TRUE(validate(d));
}

}  // namespace
}  // namespace hg
