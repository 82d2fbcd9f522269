#include "ui/format.h"

#include <cstdio>

namespace hg::ui {

namespace {
long long ll(std::int64_t v) { return static_cast<long long>(v); }
}  // namespace

std::string money(Fen fen) {
  std::string s = format_yuan(fen, true);
  if (s.size() > 3 && s.compare(s.size() - 3, 3, ".00") == 0) s.resize(s.size() - 3);
  return s;
}

std::string money_figure(Fen fen) {
  std::string s = money(fen);
  const size_t sign = s.find("¥");
  return s.erase(sign, std::string("¥").size());
}

std::string count(std::int64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > (n < 0 ? 1 : 0); i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string date_text(UnixSeconds t, Lang lang) {
  const CivilDate d = to_cst(t).date;
  char buf[48];
  if (lang == Lang::zh)
    std::snprintf(buf, sizeof buf, "%d月%d日", d.month, d.day);
  else
    std::snprintf(buf, sizeof buf, "%d %s", d.day, english_month(d.month));
  return buf;
}

std::string day_text(UnixSeconds t, Lang lang) {
  static const char* kZh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static const char* kEn[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const int wd = weekday_cst(t) - 1;
  return lang == Lang::zh ? date_text(t, lang) + " " + kZh[wd] : std::string(kEn[wd]) + " " + date_text(t, lang);
}

std::string date_time_text(UnixSeconds t, Lang lang) { return date_text(t, lang) + " " + clock_text(t); }

std::string full_date_time(UnixSeconds t, Lang lang) {
  const int year = to_cst(t).date.year;
  char buf[24];
  std::snprintf(buf, sizeof buf, lang == Lang::zh ? "%d年" : " %d", year);
  return lang == Lang::zh ? buf + date_time_text(t, lang) : date_text(t, lang) + buf + " " + clock_text(t);
}

std::string iso_date(UnixSeconds t) { return format_cst(t).substr(0, 10); }

std::string clock_text(UnixSeconds t) {
  const CivilDateTime c = to_cst(t);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", c.hour, c.minute);
  return buf;
}

std::string slot_text(UnixSeconds start, UnixSeconds end, Lang lang) {
  return day_text(start, lang) + " " + clock_text(start) + "-" + clock_text(end);
}

std::string countdown_text(std::int64_t s, Lang lang) {
  if (s < 0) s = 0;
  const std::int64_t days = s / 86400;
  s %= 86400;
  char buf[48];
  if (days > 0)
    std::snprintf(buf, sizeof buf, lang == Lang::zh ? "%lld天 %02lld:%02lld:%02lld" : "%lldd %02lld:%02lld:%02lld",
                  ll(days), ll(s / 3600), ll(s / 60 % 60), ll(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", ll(s / 3600), ll(s / 60 % 60), ll(s % 60));
  return buf;
}

std::string mm_ss(std::int64_t s) {
  if (s < 0) s = 0;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", ll(s / 60), ll(s % 60));
  return buf;
}

std::string ago_text(std::int64_t age_ms, Lang lang) {
  const std::int64_t minutes = age_ms < 0 ? 0 : age_ms / 60000;
  if (minutes < 1) return L(lang, "刚刚", "just now");
  std::int64_t n = minutes;
  const char* zh = "%lld分钟前";
  const char* en = n == 1 ? "%lld minute ago" : "%lld minutes ago";
  if (minutes >= 48 * 60) {
    n = minutes / 1440;
    zh = "%lld天前";
    en = "%lld days ago";
  } else if (minutes >= 60) {
    n = minutes / 60;
    zh = "%lld小时前";
    en = n == 1 ? "%lld hour ago" : "%lld hours ago";
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, L(lang, zh, en), ll(n));
  return buf;
}

std::string distance_text(double metres) {
  char buf[32];
  if (metres < 1000)
    std::snprintf(buf, sizeof buf, "%d m", static_cast<int>(metres + 0.5));
  else if (metres < 10000)
    std::snprintf(buf, sizeof buf, "%.1f km", metres / 1000);
  else
    std::snprintf(buf, sizeof buf, "%d km", static_cast<int>(metres / 1000 + 0.5));
  return buf;
}

}  // namespace hg::ui
