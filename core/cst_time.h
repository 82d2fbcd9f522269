// China Standard Time calendar: UTC+8 all year, no daylight saving. Instants are stored as
// UTC seconds; every calendar rule ("per month", "opens 10:00 on the 1st", "valid until
// end of day") is computed here in CST, so a coupon never expires 8 hours early.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hg {

using UnixSeconds = std::int64_t;  // seconds since 1970-01-01T00:00:00Z
constexpr UnixSeconds kCstOffset = 8 * 3600;

struct CivilDate {
  int year = 1970, month = 1, day = 1;
  bool operator==(const CivilDate& o) const { return year == o.year && month == o.month && day == o.day; }
};
struct CivilDateTime {
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
};

enum class Period { Day, Month, Year };

// Days since 1970-01-01 for a proleptic Gregorian date and back (Howard Hinnant's algorithm).
std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days);
int days_in_month(int year, int month);
bool valid_date(CivilDate d);

// "January" … "December" for month 1 … 12.
const char* english_month(int month);

CivilDateTime to_cst(UnixSeconds t);
UnixSeconds from_cst(const CivilDateTime& cst);
int weekday_cst(UnixSeconds t);  // 1 = Monday … 7 = Sunday (ISO), as union rotas use

// "2026-11-29" / "2026-11" / "2026": the key per-period limits and stock are stored under.
std::string period_key(Period p, UnixSeconds t);
// First second of the CST period containing t, and first second of the next one.
UnixSeconds period_start(Period p, UnixSeconds t);
UnixSeconds period_end(Period p, UnixSeconds t);
// First second (CST) of the month `months` after the one containing t (negative: before).
UnixSeconds add_months_start(UnixSeconds t, int months);
// 23:59:59 CST on the day containing t: "valid until end of day".
UnixSeconds end_of_day_cst(UnixSeconds t);

// "2026-11-29 10:00:00" in CST; parse accepts that form or a date alone (00:00:00).
std::string format_cst(UnixSeconds t);
std::optional<UnixSeconds> parse_cst(std::string_view text);
// An instant given on a command line: that CST form, or UTC seconds ("1796184000").
std::optional<UnixSeconds> parse_instant(std::string_view text);

// A calendar month, as reports and settlements are keyed ("2026-12").
struct YearMonth {
  int year = 1970, month = 1;
  bool operator==(const YearMonth& o) const { return year == o.year && month == o.month; }
};
// Exactly "YYYY-MM" with a month 01…12 and a year 2000…2100; nothing else.
std::optional<YearMonth> parse_month(std::string_view text);
std::string month_key(YearMonth m);         // "2026-12"
YearMonth month_of(UnixSeconds t);          // the CST month containing t
YearMonth add_months(YearMonth m, int n);   // 2026-12 + 1 = 2027-01
UnixSeconds month_start(YearMonth m);       // 00:00:00 CST on the 1st

// Minutes after midnight for "HH:MM" (00:00…23:59; "24:00" only when allow_midnight_end,
// for a closing time). Anything else: nullopt.
std::optional<int> parse_clock_minutes(std::string_view text, bool allow_midnight_end = false);

}  // namespace hg
