#include "core/cst_time.h"

#include <cstdio>
#include <initializer_list>

namespace hg {

std::int64_t days_from_civil(CivilDate d) {
  const std::int64_t y = d.year - (d.month <= 2);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;  // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool valid_date(CivilDate d) { return d.day >= 1 && d.day <= days_in_month(d.year, d.month); }

static std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

CivilDateTime to_cst(UnixSeconds t) {
  const UnixSeconds local = t + kCstOffset;
  const std::int64_t days = floor_div(local, 86400);
  const std::int64_t secs = local - days * 86400;
  return {civil_from_days(days), static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60)};
}

UnixSeconds from_cst(const CivilDateTime& c) {
  return days_from_civil(c.date) * 86400 + c.hour * 3600 + c.minute * 60 + c.second - kCstOffset;
}

int weekday_cst(UnixSeconds t) {
  const std::int64_t days = floor_div(t + kCstOffset, 86400);
  // 1970-01-01 was a Thursday (ISO 4).
  return static_cast<int>((days % 7 + 7 + 3) % 7) + 1;
}

std::string period_key(Period p, UnixSeconds t) {
  const CivilDate d = to_cst(t).date;
  char buf[16];
  switch (p) {
    case Period::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day); break;
    case Period::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month); break;
    case Period::Year: std::snprintf(buf, sizeof buf, "%04d", d.year); break;
  }
  return buf;
}

UnixSeconds period_start(Period p, UnixSeconds t) {
  CivilDate d = to_cst(t).date;
  if (p != Period::Day) d.day = 1;
  if (p == Period::Year) d.month = 1;
  return from_cst({d, 0, 0, 0});
}

UnixSeconds period_end(Period p, UnixSeconds t) {
  CivilDate d = to_cst(t).date;
  switch (p) {
    case Period::Day: return from_cst({d, 0, 0, 0}) + 86400;
    case Period::Month: d = d.month == 12 ? CivilDate{d.year + 1, 1, 1} : CivilDate{d.year, d.month + 1, 1}; break;
    case Period::Year: d = {d.year + 1, 1, 1}; break;
  }
  return from_cst({d, 0, 0, 0});
}

UnixSeconds end_of_day_cst(UnixSeconds t) { return period_end(Period::Day, t) - 1; }

std::string format_cst(UnixSeconds t) {
  const CivilDateTime c = to_cst(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", c.date.year, c.date.month, c.date.day, c.hour, c.minute, c.second);
  return buf;
}

std::optional<UnixSeconds> parse_cst(std::string_view s) {
  // Exactly "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS". sscanf alone would also take "2026-1-05 ",
  // "2026-+1-05", "10:00:0" and anything after an embedded NUL.
  static constexpr char kLayout[] = "dddd-dd-dd dd:dd:dd";
  if (s.size() != 10 && s.size() != 19) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool digit = s[i] >= '0' && s[i] <= '9';
    if (kLayout[i] == 'd' ? !digit : s[i] != kLayout[i]) return std::nullopt;
  }
  CivilDateTime c;
  char tail = 0;
  const std::string text(s);
  const int n = std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d:%2d%c", &c.date.year, &c.date.month, &c.date.day, &c.hour,
                            &c.minute, &c.second, &tail);
  if (n != 3 && n != 6) return std::nullopt;
  if (n == 3 && text.size() != 10) return std::nullopt;
  if (!valid_date(c.date) || c.hour < 0 || c.hour > 23 || c.minute < 0 || c.minute > 59 || c.second < 0 || c.second > 59)
    return std::nullopt;
  return from_cst(c);
}

UnixSeconds add_months_start(UnixSeconds t, int months) {
  const CivilDate d = to_cst(t).date;
  const int index = d.year * 12 + (d.month - 1) + months;  // months since year 0
  return from_cst({{index / 12, index % 12 + 1, 1}, 0, 0, 0});
}

const char* english_month(int month) {
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
}

std::optional<UnixSeconds> parse_instant(std::string_view s) {
  if (std::optional<UnixSeconds> t = parse_cst(s)) return t;
  if (s.empty() || s.size() > 12) return std::nullopt;
  UnixSeconds v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// ---- months and clock times ----

namespace {
bool digits_at(std::string_view s, std::initializer_list<size_t> at) {
  for (size_t i : at)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
int two(std::string_view s, size_t i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); }
}  // namespace

std::optional<YearMonth> parse_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-' || !digits_at(s, {0, 1, 2, 3, 5, 6})) return std::nullopt;
  const YearMonth m{two(s, 0) * 100 + two(s, 2), two(s, 5)};
  if (m.year < 2000 || m.year > 2100 || m.month < 1 || m.month > 12) return std::nullopt;
  return m;
}

std::string month_key(YearMonth m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.month);
  return buf;
}

YearMonth month_of(UnixSeconds t) {
  const CivilDate d = to_cst(t).date;
  return {d.year, d.month};
}

YearMonth add_months(YearMonth m, int n) {
  const int index = m.year * 12 + (m.month - 1) + n;  // months since year 0
  return {index / 12, index % 12 + 1};
}

UnixSeconds month_start(YearMonth m) { return from_cst({{m.year, m.month, 1}, 0, 0, 0}); }

std::optional<int> parse_clock_minutes(std::string_view s, bool allow_midnight_end) {
  if (s.size() != 5 || s[2] != ':' || !digits_at(s, {0, 1, 3, 4})) return std::nullopt;
  const int h = two(s, 0), m = two(s, 3);
  if (h == 24 && m == 0 && allow_midnight_end) return 24 * 60;
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

}  // namespace hg
