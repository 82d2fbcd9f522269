#include "ui/bookings/bookings_api.h"

#include <cstdio>

namespace hg::ui::bookings {

std::string yuan(Fen fen) {
  char buf[32];
  if (fen % 100 == 0)
    std::snprintf(buf, sizeof buf, "¥%lld", static_cast<long long>(fen / 100));
  else
    std::snprintf(buf, sizeof buf, "¥%lld.%02lld", static_cast<long long>(fen / 100), static_cast<long long>(fen % 100));
  return buf;
}

std::string day_text(UnixSeconds t, Lang lang) {
  static const char* kZh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static const char* kEn[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const CivilDateTime c = to_cst(t);
  const int wd = weekday_cst(t) - 1;
  char buf[48];
  if (lang == Lang::zh)
    std::snprintf(buf, sizeof buf, "%d月%d日 %s", c.date.month, c.date.day, kZh[wd]);
  else
    std::snprintf(buf, sizeof buf, "%s %d %s", kEn[wd], c.date.day, kMonths[c.date.month - 1]);
  return buf;
}

std::string clock_text(UnixSeconds t) {
  const CivilDateTime c = to_cst(t);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", c.hour, c.minute);
  return buf;
}

std::string slot_text(UnixSeconds start, UnixSeconds end, Lang lang) {
  return day_text(start, lang) + " " + clock_text(start) + "-" + clock_text(end);
}

const char* state_text(BookingState s, Lang lang) { return lang == Lang::zh ? state_zh(s) : state_en(s); }

const std::string& say(const Error& e, Lang lang) { return e.message(lang == Lang::zh); }

}  // namespace hg::ui::bookings
