// Monthly station evaluation (CST months): yellow card, red card, delisting. Pure functions
// over plain records the server gathers: open/close check-ins against the schedule, visits
// (including face-scan entries) and ratings. A failing month escalates one step
// (open → yellow → red → delisted); a card is lifted only by a clean month after union staff
// confirmed the rectification. Every change is kept in the history.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/stations/rating.h"
#include "core/stations/station.h"

namespace hg::stations {

struct EvaluationThresholds {
  int grace_minutes = 15;         // opening up to 15 min late still counts as on time
  int max_late_days = 3;          // more days than this not open/closed on time fails
  std::uint32_t min_visits = 300; // per month, face-scan entries included
  double min_mean_stars = 3.5;
  std::uint32_t min_ratings = 5;  // fewer ratings than this say nothing about satisfaction
};

enum class CheckinKind : std::uint8_t { open, close };
struct Checkin {
  UnixSeconds at = 0;
  CheckinKind kind = CheckinKind::open;
};

struct MonthInput {
  int year = 1970, month = 1;  // the CST month evaluated
  StationKind kind = StationKind::regular;
  WeeklyHours hours;
  std::vector<Checkin> checkins;   // may include other months; filtered here
  std::uint32_t visits = 0;        // counted entries by staff
  std::uint32_t face_scan_entries = 0;
  std::vector<Rating> ratings;     // may include other months; filtered here
  bool rectification_confirmed = false;
};

enum class Finding : std::uint8_t { not_open_on_time, low_usage, low_satisfaction };

struct MonthAssessment {
  int scheduled_days = 0;
  int late_days = 0;  // scheduled days without an on-time opening or a proper closing
  std::uint32_t usage = 0;
  RatingSummary ratings;
  std::vector<Finding> findings;
};
MonthAssessment assess_month(const MonthInput& in, const EvaluationThresholds& t);

struct StatusChange {
  std::string period;  // "2026-11"
  StationStatus from = StationStatus::open, to = StationStatus::open;
  std::vector<Finding> reasons;  // empty when a card is lifted
};
struct EvaluationState {
  StationStatus status = StationStatus::open;
  std::vector<StatusChange> history;
};
EvaluationState evaluate_month(EvaluationState state, const MonthInput& in, const EvaluationThresholds& t);

}  // namespace hg::stations
