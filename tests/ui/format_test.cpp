// ui/format.h: the one way each amount, date, time and age reads on a screen.
#include <gtest/gtest.h>

#include "core/cst_time.h"
#include "ui/format.h"

namespace {

using namespace hg;
using namespace hg::ui;

UnixSeconds cst(const char* text) { return *parse_cst(text); }

TEST(Format, MoneyWholeYuanHasNoDecimals) {
  EXPECT_EQ(money(10000), "¥100");
  EXPECT_EQ(money(1250), "¥12.50");
  EXPECT_EQ(money(46550), "¥465.50");
  EXPECT_EQ(money(1), "¥0.01");
  EXPECT_EQ(money(0), "¥0");
  EXPECT_EQ(money(-5), "-¥0.05");
  EXPECT_EQ(money(-10000), "-¥100");
  EXPECT_EQ(money(123456700), "¥1,234,567");
  EXPECT_EQ(money(123456789), "¥1,234,567.89");
  EXPECT_EQ(money_figure(20000), "200");
  EXPECT_EQ(money_figure(9950), "99.50");
  EXPECT_EQ(money_figure(-3000), "-30");
}

TEST(Format, Counts) {
  EXPECT_EQ(count(0), "0");
  EXPECT_EQ(count(999), "999");
  EXPECT_EQ(count(20000), "20,000");
  EXPECT_EQ(count(-1200), "-1,200");
  EXPECT_EQ(count(-120), "-120");
}

TEST(Format, DatesAreChinaStandardTime) {
  // 2026-12-05 02:00 UTC is 10:00 in Beijing.
  const UnixSeconds t = cst("2026-12-05 10:00:00");
  EXPECT_EQ(date_time_text(t, Lang::zh), "12月5日 10:00");
  EXPECT_EQ(date_time_text(t, Lang::en), "5 December 10:00");
  EXPECT_EQ(day_text(t, Lang::zh), "12月5日 周六");
  EXPECT_EQ(day_text(t, Lang::en), "Sat 5 December");
  EXPECT_EQ(slot_text(t, t + 3600, Lang::en), "Sat 5 December 10:00-11:00");
  EXPECT_EQ(iso_date(t), "2026-12-05");
}

TEST(Format, DatesAtCstMonthAndYearBoundaries) {
  // 23:59 CST on 31 December is still 2026 in Beijing (15:59 UTC), and one minute later
  // it is 1 January 2027 in Beijing while UTC is still on the 31st.
  const UnixSeconds last = cst("2026-12-31 23:59:00");
  EXPECT_EQ(full_date_time(last, Lang::zh), "2026年12月31日 23:59");
  EXPECT_EQ(full_date_time(last, Lang::en), "31 December 2026 23:59");
  EXPECT_EQ(iso_date(last), "2026-12-31");
  const UnixSeconds first = last + 60;
  EXPECT_EQ(full_date_time(first, Lang::zh), "2027年1月1日 00:00");
  EXPECT_EQ(full_date_time(first, Lang::en), "1 January 2027 00:00");
  EXPECT_EQ(date_text(first, Lang::en), "1 January");
  EXPECT_EQ(day_text(first, Lang::zh), "1月1日 周五");
  // 00:30 CST on 1 March is the last day of February in UTC.
  const UnixSeconds march = cst("2027-03-01 00:30:00");
  EXPECT_EQ(date_text(march, Lang::zh), "3月1日");
  EXPECT_EQ(clock_text(march), "00:30");
}

TEST(Format, Durations) {
  EXPECT_EQ(countdown_text(2 * 3600 + 13 * 60 + 5, Lang::zh), "02:13:05");
  EXPECT_EQ(countdown_text(0, Lang::zh), "00:00:00");
  EXPECT_EQ(countdown_text(-5, Lang::zh), "00:00:00");
  EXPECT_EQ(countdown_text(3 * 86400 + 59, Lang::zh), "3天 00:00:59");
  EXPECT_EQ(countdown_text(86400, Lang::en), "1d 00:00:00");
  EXPECT_EQ(mm_ss(299), "04:59");
  EXPECT_EQ(mm_ss(-1), "00:00");
}

TEST(Format, AgesInBothLanguages) {
  const std::int64_t minute = 60 * 1000;
  EXPECT_EQ(ago_text(0, Lang::zh), "刚刚");
  EXPECT_EQ(ago_text(59 * 1000, Lang::en), "just now");
  EXPECT_EQ(ago_text(-minute, Lang::en), "just now");
  EXPECT_EQ(ago_text(3 * minute, Lang::zh), "3分钟前");
  EXPECT_EQ(ago_text(3 * minute, Lang::en), "3 minutes ago");
  EXPECT_EQ(ago_text(minute, Lang::en), "1 minute ago");
  EXPECT_EQ(ago_text(60 * minute, Lang::zh), "1小时前");
  EXPECT_EQ(ago_text(60 * minute, Lang::en), "1 hour ago");
  EXPECT_EQ(ago_text(47 * 60 * minute, Lang::en), "47 hours ago");
  EXPECT_EQ(ago_text(48 * 60 * minute, Lang::zh), "2天前");
  EXPECT_EQ(ago_text(48 * 60 * minute, Lang::en), "2 days ago");
}

}  // namespace
