// Every number, amount of money, date and time a screen shows, in one place (as Tracy's
// TracyPrint.hpp is for its profiler): screens never format these themselves, so one
// amount reads the same on every page. All dates and times are China Standard Time.
//
// Index
//   money      money(fen) "¥100" / "¥12.50" / "-¥0.05" / "¥1,234,567"; money_figure(fen) "100"
//   counts     count(n) "20,000"
//   dates      date_text "12月5日" / "5 December"; day_text "12月10日 周四" / "Thu 10 December";
//              date_time_text "12月5日 10:00" / "5 December 10:00"; full_date_time
//              "2026年12月5日 10:00" / "5 December 2026 10:00"; iso_date "2026-12-31"
//   clock      clock_text "09:00"; slot_text "12月10日 周四 09:00-10:00"
//   durations  countdown_text "02:13:05" / "3天 02:13:05"; mm_ss "04:59"
//   ages       ago_text "刚刚" / "3分钟前" / "3 minutes ago"
//   distances  distance_text "476 m" / "1.2 km" / "35 km"
#pragma once
#include <cstdint>
#include <string>

#include "core/cst_time.h"
#include "core/money.h"
#include "ui/i18n.h"

namespace hg::ui {

// ---- money: one rule for the whole app ----
// Whole yuan without decimals ("¥100"), otherwise two ("¥12.50"); thousands grouped
// ("¥1,234,567"); a negative amount leads with its sign ("-¥0.05").
std::string money(Fen fen);
// The same figure without the yuan sign, for phrases that carry their own unit ("满200减30").
std::string money_figure(Fen fen);

// ---- counts ----
// "20,000": thousands grouped; negative counts keep their sign ("-1,200").
std::string count(std::int64_t n);

// ---- dates (CST). English month names come from core's english_month() ----
std::string date_text(UnixSeconds t, Lang lang);        // "12月5日" / "5 December"
std::string day_text(UnixSeconds t, Lang lang);         // "12月10日 周四" / "Thu 10 December"
std::string date_time_text(UnixSeconds t, Lang lang);   // "12月5日 10:00" / "5 December 10:00"
std::string full_date_time(UnixSeconds t, Lang lang);   // "2026年12月5日 10:00" / "5 December 2026 10:00"
std::string iso_date(UnixSeconds t);                    // "2026-12-31": what a date field holds

// ---- clock times (CST) ----
std::string clock_text(UnixSeconds t);                                   // "09:00"
std::string slot_text(UnixSeconds start, UnixSeconds end, Lang lang);    // "12月10日 周四 09:00-10:00"

// ---- durations ----
// "02:13:05"; from a day on "3天 02:13:05" / "3d 02:13:05". Negative counts as 0.
std::string countdown_text(std::int64_t seconds, Lang lang);
// "04:59": minutes and seconds. Negative counts as 0.
std::string mm_ss(std::int64_t seconds);

// ---- ages ----
// How long ago something was fetched or made: "刚刚" / "just now" under a minute, then
// minutes, hours (under two days) and days: "3分钟前" / "3 minutes ago", "1 hour ago".
std::string ago_text(std::int64_t age_ms, Lang lang);

// ---- distances ----
// "476 m" under a kilometre, "1.2 km" under ten, then whole kilometres ("35 km").
std::string distance_text(double metres);

}  // namespace hg::ui
