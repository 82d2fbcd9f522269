#include "core/stations/station.h"

namespace hg::stations {

std::optional<Error> validate(const WeeklyHours& h) {
  if (h.always_open) return std::nullopt;
  for (const auto& day : h.days)
    for (const OpenInterval& i : day)
      if (i.open_min < 0 || i.open_min >= 1440 || i.close_min < 0 || i.close_min > 1440)
        return make_error(Errc::invalid_input, "营业时间须在 00:00–24:00 之间", "Opening hours must lie within 00:00–24:00");
  return std::nullopt;
}

bool is_open_at(const WeeklyHours& h, UnixSeconds t) {
  if (h.always_open) return true;
  const CivilDateTime c = to_cst(t);
  const int minute = c.hour * 60 + c.minute;
  const int today = weekday_cst(t) - 1;  // 0 = Monday
  const int yesterday = (today + 6) % 7;
  for (const OpenInterval& i : h.days[static_cast<std::size_t>(today)]) {
    if (i.crosses_midnight() ? minute >= i.open_min : minute >= i.open_min && minute < i.close_min) return true;
  }
  for (const OpenInterval& i : h.days[static_cast<std::size_t>(yesterday)]) {
    if (i.crosses_midnight() && minute < i.close_min) return true;
  }
  return false;
}

}  // namespace hg::stations
