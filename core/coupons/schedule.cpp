#include "core/coupons/schedule.h"

#include <algorithm>

#include "core/coupons/coupon_errors.h"

namespace hg {

std::string cycle_key(Cycle c, UnixSeconds t) {
  switch (c) {
    case Cycle::once: return "once";
    case Cycle::day: return period_key(Period::Day, t);
    case Cycle::month: return period_key(Period::Month, t);
    case Cycle::year: return period_key(Period::Year, t);
  }
  return "once";
}

const CycleInfo& cycle_info(Cycle c) {
  static const CycleInfo kCycles[kCycleCount] = {
      {Cycle::once, "不补充", "Once", "全程", "whole run"},
      {Cycle::day, "每天", "Daily", "今日", "today"},
      {Cycle::month, "每月", "Monthly", "本月", "this month"},
      {Cycle::year, "每年", "Yearly", "本年", "this year"},
  };
  return kCycles[static_cast<int>(c) % kCycleCount];
}

std::int64_t stock_for(const StockPolicy& s, const std::string& key) {
  const auto it = s.overrides.find(key);
  return it != s.overrides.end() ? it->second : s.per_period;
}

ClaimWindow fixed_window(UnixSeconds opens_at, UnixSeconds closes_at) {
  ClaimWindow w;
  w.kind = WindowKind::fixed;
  w.opens_at = opens_at;
  w.closes_at = closes_at;
  return w;
}

ClaimWindow monthly_window(UnixSeconds from, std::int32_t open_day, std::int32_t open_second, std::int32_t close_day,
                           std::int32_t close_second) {
  ClaimWindow w;
  w.kind = WindowKind::monthly;
  w.opens_at = from;
  w.open_day = open_day;
  w.open_second = open_second;
  w.close_day = close_day;
  w.close_second = close_second;
  return w;
}

ClaimWindow daily_window(UnixSeconds from, std::int32_t open_second, std::int32_t close_second) {
  ClaimWindow w;
  w.kind = WindowKind::daily;
  w.opens_at = from;
  w.open_second = open_second;
  w.close_second = close_second;
  return w;
}

std::optional<Error> validate(const ClaimWindow& w) {
  auto bad = [](const char* zh, const char* en) { return coupon_error(CouponErrc::invalid_batch, zh, en); };
  auto second_ok = [](std::int32_t s) { return s >= 0 && s < 86400; };
  switch (w.kind) {
    case WindowKind::fixed:
      if (w.closes_at <= w.opens_at) return bad("领取结束时间必须晚于开始时间", "claiming must close after it opens");
      return std::nullopt;
    case WindowKind::monthly:
      if (w.open_day < 1 || w.open_day > 31 || w.close_day < 0 || w.close_day > 31 || !second_ok(w.open_second) ||
          !second_ok(w.close_second))
        return bad("每月开抢日期或时间有误", "the monthly opening day or time is out of range");
      if (w.close_day != 0 &&
          (w.close_day < w.open_day || (w.close_day == w.open_day && w.close_second <= w.open_second)))
        return bad("每月结束时间必须晚于开抢时间", "the monthly close must come after the opening");
      break;
    case WindowKind::daily:
      if (!second_ok(w.open_second) || !second_ok(w.close_second))
        return bad("每日开抢时间有误", "the daily opening time is out of range");
      if (w.close_second != 0 && w.close_second <= w.open_second)
        return bad("每日结束时间必须晚于开抢时间", "the daily close must come after the opening");
      break;
    default: return bad("未知的领取时间类型", "unknown window kind");
  }
  if (w.closes_at != 0 && w.closes_at <= w.opens_at)
    return bad("领取结束时间必须晚于开始时间", "claiming must close after it opens");
  return std::nullopt;
}

namespace {
struct Span {
  UnixSeconds open, close;  // [open, close)
};

UnixSeconds at_day(UnixSeconds month_start, std::int32_t day, std::int32_t second) {
  const CivilDate first = to_cst(month_start).date;
  const int last = days_in_month(first.year, first.month);
  return month_start + (std::min(day, last) - 1) * 86400LL + second;
}

// The window of the period (day or month) containing t, before clipping to opens_at/closes_at.
Span raw_window(const ClaimWindow& w, UnixSeconds t) {
  if (w.kind == WindowKind::daily) {
    const UnixSeconds day = period_start(Period::Day, t);
    return {day + w.open_second, w.close_second == 0 ? day + 86400 : day + w.close_second};
  }
  const UnixSeconds month = period_start(Period::Month, t);
  return {at_day(month, w.open_day, w.open_second),
          w.close_day == 0 ? period_end(Period::Month, t) : at_day(month, w.close_day, w.close_second)};
}

Span clipped_window(const ClaimWindow& w, UnixSeconds t) {
  Span s = raw_window(w, t);
  s.open = std::max(s.open, w.opens_at);
  if (w.closes_at != 0) s.close = std::min(s.close, w.closes_at);
  return s;
}

UnixSeconds period_after(const ClaimWindow& w, UnixSeconds t) {
  return period_end(w.kind == WindowKind::daily ? Period::Day : Period::Month, t);
}

// The earliest instant >= x at which the window is open, or 0 when it never opens again.
UnixSeconds next_opening(const ClaimWindow& w, UnixSeconds x) {
  // A clamped close day can make one month's window empty (close_day 30, open 29 10:00 in
  // a 28-day February); a year of periods is more than enough to pass such months.
  for (int i = 0; i < 400; ++i) {
    if (w.closes_at != 0 && x >= w.closes_at) return 0;
    const Span s = clipped_window(w, x);
    const UnixSeconds from = std::max(s.open, x);
    if (from < s.close) return from;
    x = period_after(w, x);
  }
  return 0;
}
}  // namespace

WindowStatus window_status(const ClaimWindow& w, UnixSeconds t) {
  WindowStatus st;
  if (w.kind == WindowKind::fixed) {
    if (t < w.opens_at) {
      st.phase = WindowPhase::before;
      st.next_open = w.opens_at;
    } else if (t < w.closes_at) {
      st.phase = WindowPhase::open;
      st.closes = w.closes_at;
    }
    return st;
  }
  if (w.closes_at != 0 && t >= w.closes_at) return st;
  if (t < w.opens_at) {
    st.phase = WindowPhase::before;
    st.next_open = next_opening(w, w.opens_at);
    return st;
  }
  const Span s = clipped_window(w, t);
  if (t >= s.open && t < s.close) {
    st.phase = WindowPhase::open;
    st.closes = s.close;
  } else if (t < s.open) {
    st.phase = WindowPhase::before;
    st.next_open = s.open < s.close ? s.open : next_opening(w, period_after(w, t));
  } else {
    st.phase = WindowPhase::after;
    st.next_open = next_opening(w, period_after(w, t));
  }
  return st;
}

std::optional<Error> validate(const Validity& v) {
  auto bad = [](const char* zh, const char* en) { return coupon_error(CouponErrc::invalid_batch, zh, en); };
  switch (v.kind) {
    case ValidityKind::fixed:
      if (v.valid_until < v.valid_from) return bad("有效期结束时间早于开始时间", "validity ends before it starts");
      return std::nullopt;
    case ValidityKind::days_after_claim:
      if (v.days < 1 || v.days > 3660) return bad("有效天数必须在1到3660之间", "valid days must be 1 to 3660");
      return std::nullopt;
  }
  return bad("未知的有效期类型", "unknown validity kind");
}

ValidSpan valid_span(const Validity& v, UnixSeconds claimed_at) {
  if (v.kind == ValidityKind::fixed) return {v.valid_from, v.valid_until};
  // CST has no daylight saving, so a day is always 86400 s.
  return {claimed_at, end_of_day_cst(claimed_at + (v.days - 1) * 86400LL)};
}

}  // namespace hg
