#include "core/stations/evaluation.h"

#include <gtest/gtest.h>

namespace hg::stations {
namespace {

UnixSeconds cst(int y, int mo, int d, int h, int mi) { return from_cst({{y, mo, d}, h, mi, 0}); }

// Open every day 08:00–18:00; November 2026 has 30 scheduled days.
MonthInput november(bool punctual) {
  MonthInput in;
  in.year = 2026;
  in.month = 11;
  for (auto& d : in.hours.days) d = {{8 * 60, 18 * 60}};
  for (int day = 1; day <= 30; day++) {
    in.checkins.push_back({cst(2026, 11, day, punctual || day > 5 ? 8 : 9, 10), CheckinKind::open});
    in.checkins.push_back({cst(2026, 11, day, 18, 5), CheckinKind::close});
  }
  in.visits = 250;
  in.face_scan_entries = 100;
  return in;
}

TEST(Evaluation, PunctualBusyWellRatedMonthHasNoFindings) {
  auto a = assess_month(november(true), {});
  EXPECT_EQ(a.scheduled_days, 30);
  EXPECT_EQ(a.late_days, 0);
  EXPECT_EQ(a.usage, 350u);  // face-scan entries count as visits
  EXPECT_TRUE(a.findings.empty());
}

TEST(Evaluation, LateOpeningsFailAboveThreshold) {
  auto in = november(false);  // 09:10 on the 1st–5th: more than 15 min late
  auto a = assess_month(in, {});
  EXPECT_EQ(a.late_days, 5);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0], Finding::not_open_on_time);
  EvaluationThresholds lenient;
  lenient.max_late_days = 5;
  EXPECT_TRUE(assess_month(in, lenient).findings.empty());
}

TEST(Evaluation, MonthBoundariesAreCst) {
  auto in = november(true);
  // 2026-12-01 07:00 CST is still 2026-11-30 in UTC: December's, not November's.
  Rating bad;
  bad.station_id = "st";
  bad.member_id = "m";
  bad.stars = 1;
  for (int i = 0; i < 5; i++) {
    bad.at = cst(2026, 12, 1, 7, i);
    in.ratings.push_back(bad);
  }
  EXPECT_EQ(assess_month(in, {}).ratings.count, 0u);
  for (int i = 0; i < 5; i++) {
    bad.at = cst(2026, 11, 30, 23, 50 + i);  // last minutes of November CST
    in.ratings.push_back(bad);
  }
  auto a = assess_month(in, {});
  EXPECT_EQ(a.ratings.count, 5u);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0], Finding::low_satisfaction);
  // An opening check-in at 00:05 on 1 December does not rescue 30 November's.
  auto gap = november(true);
  gap.checkins.erase(gap.checkins.begin() + 58);  // 30 Nov opening
  gap.checkins.push_back({cst(2026, 12, 1, 0, 5), CheckinKind::open});
  EXPECT_EQ(assess_month(gap, {}).late_days, 1);
}

TEST(Evaluation, NightShiftClosesNextDayAndSelfServiceIsExempt) {
  MonthInput in;
  in.year = 2027;
  in.month = 2;  // 28 days
  for (auto& d : in.hours.days) d = {{20 * 60, 2 * 60}};
  for (int day = 1; day <= 28; day++) {
    in.checkins.push_back({cst(2027, 2, day, 20, 0), CheckinKind::open});
    in.checkins.push_back({cst(2027, 2, day, 2, 0) + 86400, CheckinKind::close});
  }
  in.visits = 1000;
  auto a = assess_month(in, {});
  EXPECT_EQ(a.scheduled_days, 28);
  EXPECT_EQ(a.late_days, 0);
  in.checkins.clear();
  EXPECT_EQ(assess_month(in, {}).late_days, 28);
  in.kind = StationKind::self_service_24h;
  EXPECT_EQ(assess_month(in, {}).scheduled_days, 0);
  EXPECT_TRUE(assess_month(in, {}).findings.empty());
}

TEST(Evaluation, EscalatesLiftsOnlyAfterRectificationAndDelists) {
  EvaluationState s;
  auto bad = november(true);
  bad.visits = 10;
  bad.face_scan_entries = 0;
  s = evaluate_month(s, bad, {});
  EXPECT_EQ(s.status, StationStatus::yellow_card);
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_EQ(s.history[0].period, "2026-11");
  EXPECT_EQ(s.history[0].reasons[0], Finding::low_usage);
  auto good = november(true);
  s = evaluate_month(s, good, {});
  EXPECT_EQ(s.status, StationStatus::yellow_card) << "a clean month alone does not lift the card";
  good.rectification_confirmed = true;
  s = evaluate_month(s, good, {});
  EXPECT_EQ(s.status, StationStatus::open);
  EXPECT_TRUE(s.history.back().reasons.empty());
  for (StationStatus want : {StationStatus::yellow_card, StationStatus::red_card, StationStatus::delisted, StationStatus::delisted})
    EXPECT_EQ((s = evaluate_month(s, bad, {})).status, want);
  EXPECT_EQ(s.history.size(), 5u);
}

}  // namespace
}  // namespace hg::stations
