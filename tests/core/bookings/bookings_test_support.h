// Shared fixtures for the bookings tests: CST instants by text, the gig-worker health-check
// plan as reported (¥465/¥545 packages, ¥100/¥150 co-pay), and a reason-checking macro.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include "core/bookings/booking_errors.h"
#include "core/bookings/slot_book.h"
#include "core/cst_time.h"

namespace hg::test {

// "2026-12-31 23:59:59" read as China Standard Time.
inline UnixSeconds cst(const char* text) {
  auto t = parse_cst(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(0);
}

inline CivilDate cst_date(const char* text) { return to_cst(cst(text)).date; }

inline Plan health_plan(std::int32_t quota = 10000) {
  Plan p;
  p.id = "HC";
  p.name_zh = "新就业形态劳动者健康体检";
  p.name_en = "Health checks for gig workers";
  p.yearly_quota = quota;
  p.packages = {Package{"basic", "基础套餐", "Basic", 46500, 10000}, Package{"plus", "加强套餐", "Plus", 54500, 15000}};
  p.eligible = new_employment_occupations();
  p.allowance_period = Period::Year;
  p.allowance = 1;
  return p;
}

// A clinic's morning window on a CST date.
inline Slot clinic_slot(const std::string& id, const char* date, std::int32_t capacity, const std::string& clinic = "C1") {
  Slot s = slot_in_cst_window(id, SlotKind::health_check, clinic, cst_date(date), CstWindow{8, 0, 11, 30}, capacity);
  s.plan_id = "HC";
  return s;
}

inline Applicant rider(const std::string& member, const std::string& package = "basic") {
  return Applicant{member, Occupation::delivery_rider, package};
}

inline Applicant anyone(const std::string& member) { return Applicant{member, Occupation::office, ""}; }

}  // namespace hg::test

#define EXPECT_REASON(result, reason)                                                             \
  do {                                                                                            \
    const auto& r_ = (result);                                                                    \
    ASSERT_FALSE(r_.ok()) << "expected " #reason;                                                 \
    EXPECT_TRUE(::hg::is_booking_error(r_.error(), ::hg::BookingErrc::reason))                    \
        << "expected " #reason ", got " << r_.error().code_name() << ": " << r_.error().en;      \
    EXPECT_FALSE(r_.error().zh.empty());                                                          \
    EXPECT_FALSE(r_.error().en.empty());                                                          \
  } while (0)
