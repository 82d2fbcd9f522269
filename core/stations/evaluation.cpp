#include "core/stations/evaluation.h"

#include <algorithm>

namespace hg::stations {

namespace {

constexpr UnixSeconds kDay = 86400;

bool any_checkin(const std::vector<Checkin>& cs, CheckinKind kind, UnixSeconds from, UnixSeconds to) {
  return std::any_of(cs.begin(), cs.end(), [&](const Checkin& c) { return c.kind == kind && c.at >= from && c.at <= to; });
}

// Whether a scheduled day was kept: an opening check-in between midnight and the first
// opening time plus grace, and a closing one from the last closing time minus grace up to
// 12 h later (a night shift closes on the next calendar day).
bool day_kept(const std::vector<OpenInterval>& day, UnixSeconds day_start, const std::vector<Checkin>& cs, int grace_min) {
  const auto first = std::min_element(day.begin(), day.end(), [](auto& a, auto& b) { return a.open_min < b.open_min; });
  auto close_at = [&](const OpenInterval& i) { return day_start + i.close_min * 60 + (i.crosses_midnight() ? kDay : 0); };
  UnixSeconds last_close = 0;
  for (const OpenInterval& i : day) last_close = std::max(last_close, close_at(i));
  const UnixSeconds grace = grace_min * 60;
  return any_checkin(cs, CheckinKind::open, day_start, day_start + first->open_min * 60 + grace) &&
         any_checkin(cs, CheckinKind::close, last_close - grace, last_close + 12 * 3600);
}

StationStatus escalate(StationStatus s) {
  switch (s) {
    case StationStatus::open: return StationStatus::yellow_card;
    case StationStatus::yellow_card: return StationStatus::red_card;
    default: return StationStatus::delisted;
  }
}

}  // namespace

MonthAssessment assess_month(const MonthInput& in, const EvaluationThresholds& t) {
  MonthAssessment a;
  const UnixSeconds month_start = from_cst({{in.year, in.month, 1}, 0, 0, 0});
  const UnixSeconds month_end = period_end(Period::Month, month_start);
  // Self-service and 24h stations have nobody to open them: punctuality does not apply.
  if (in.kind != StationKind::self_service_24h && !in.hours.always_open) {
    for (UnixSeconds d = month_start; d < month_end; d += kDay) {
      const auto& day = in.hours.days[static_cast<std::size_t>(weekday_cst(d) - 1)];
      if (day.empty()) continue;
      a.scheduled_days++;
      if (!day_kept(day, d, in.checkins, t.grace_minutes)) a.late_days++;
    }
  }
  a.usage = in.visits + in.face_scan_entries;
  std::vector<Rating> in_month;
  for (const Rating& r : in.ratings)
    if (r.at >= month_start && r.at < month_end) in_month.push_back(r);
  a.ratings = summarize(in_month);
  if (a.late_days > t.max_late_days) a.findings.push_back(Finding::not_open_on_time);
  if (a.usage < t.min_visits) a.findings.push_back(Finding::low_usage);
  if (a.ratings.count >= t.min_ratings && a.ratings.mean() < t.min_mean_stars) a.findings.push_back(Finding::low_satisfaction);
  return a;
}

EvaluationState evaluate_month(EvaluationState state, const MonthInput& in, const EvaluationThresholds& t) {
  if (state.status == StationStatus::delisted) return state;  // re-listing is a new application
  const MonthAssessment a = assess_month(in, t);
  StationStatus next = state.status;
  if (!a.findings.empty()) next = escalate(state.status);
  else if (state.status != StationStatus::open && in.rectification_confirmed) next = StationStatus::open;
  if (next != state.status) {
    state.history.push_back({period_key(Period::Month, from_cst({{in.year, in.month, 1}, 0, 0, 0})), state.status, next, a.findings});
    state.status = next;
  }
  return state;
}

}  // namespace hg::stations
