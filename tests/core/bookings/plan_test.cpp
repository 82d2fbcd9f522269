// The health-check plan: who may book, packages and the union's share, the yearly quota,
// and one check per member per CST year — with the year turning at 00:00 China time.
#include <gtest/gtest.h>

#include "bookings_test_support.h"

namespace hg {
namespace {

using test::cst;
using test::rider;

SlotBook plan_book(std::int32_t quota = 10000) {
  SlotBook book;
  EXPECT_TRUE(book.add_plan(test::health_plan(quota)).ok());
  return book;
}

// A slot starting at an exact CST instant, 30 minutes long, open for booking until then.
Slot slot_at(const std::string& id, const char* start, std::int32_t capacity = 10) {
  Slot s;
  s.id = id;
  s.kind = SlotKind::health_check;
  s.resource_id = "C1";
  s.plan_id = "HC";
  s.start = cst(start);
  s.end = s.start + 1800;
  s.capacity = capacity;
  s.book_until = s.start;
  s.cancel_until = s.start - 3600;
  return s;
}

TEST(Plan, PackagesSplitTheCostInFen) {
  const Plan p = test::health_plan();
  ASSERT_EQ(p.packages.size(), 2u);
  EXPECT_EQ(p.packages[0].union_share_fen(), 36500);  // ¥465 − ¥100
  EXPECT_EQ(p.packages[1].union_share_fen(), 39500);  // ¥545 − ¥150
  EXPECT_EQ(find_package(p, "plus"), &p.packages[1]);
  EXPECT_EQ(find_package(p, "gold"), nullptr);
  EXPECT_FALSE(validate_plan(p).has_value());
}

TEST(Plan, InvalidPlansAreRefused) {
  SlotBook book;
  Plan p = test::health_plan();
  p.packages[0].copay_fen = p.packages[0].value_fen + 1;  // the union would pay a negative share
  EXPECT_REASON(book.add_plan(p), invalid_plan);
  p = test::health_plan();
  p.packages[1].id = p.packages[0].id;
  EXPECT_REASON(book.add_plan(p), invalid_plan);
  p = test::health_plan();
  p.allowance = 0;
  EXPECT_REASON(book.add_plan(p), invalid_plan);
  p = test::health_plan();
  p.packages.clear();
  EXPECT_REASON(book.add_plan(p), invalid_plan);
  ASSERT_TRUE(book.add_plan(test::health_plan()).ok());
  EXPECT_REASON(book.add_plan(test::health_plan()), duplicate_id);
}

TEST(Plan, OnlyNewEmploymentFormWorkers) {
  const std::vector<Occupation> gig = new_employment_occupations();
  EXPECT_EQ(gig, (std::vector<Occupation>{Occupation::delivery_rider, Occupation::ride_hailing_driver, Occupation::courier}));
  SlotBook book = plan_book();
  ASSERT_TRUE(book.add_slot(test::clinic_slot("S1", "2026-12-10", 10)).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  int n = 0;
  for (Occupation o : {Occupation::delivery_rider, Occupation::ride_hailing_driver, Occupation::courier})
    EXPECT_TRUE(book.hold("S1", Applicant{"G" + std::to_string(n++), o, "basic"}, now).ok());
  for (Occupation o : {Occupation::port_worker, Occupation::factory_worker, Occupation::office}) {
    Result<BookingChange> r = book.hold("S1", Applicant{"X" + std::to_string(n++), o, "basic"}, now);
    EXPECT_REASON(r, not_eligible);
    EXPECT_EQ(r.error().http_status(), 403);
  }
  EXPECT_REASON(book.join_waitlist("S1", Applicant{"X", Occupation::office, "basic"}, now), not_eligible);
}

TEST(Plan, BookingSnapshotsThePackage) {
  SlotBook book = plan_book();
  ASSERT_TRUE(book.add_slot(test::clinic_slot("S1", "2026-12-10", 10)).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  EXPECT_REASON(book.hold("S1", rider("R1", ""), now), package_not_found);
  EXPECT_REASON(book.hold("S1", rider("R1", "gold"), now), package_not_found);
  Result<BookingChange> r = book.hold("S1", rider("R1", "plus"), now);
  ASSERT_TRUE(r.ok());
  const Booking& b = r.value().booking;
  EXPECT_EQ(b.package_id, "plus");
  EXPECT_EQ(b.value_fen, 54500);
  EXPECT_EQ(b.copay_fen, 15000);
  EXPECT_EQ(b.union_share_fen, 39500);
}

TEST(Plan, CopayIsCollectedAtTheClinicAndRecorded) {
  SlotBook book = plan_book();
  ASSERT_TRUE(book.add_slot(test::clinic_slot("S1", "2026-12-10", 10)).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string id = book.hold("S1", rider("R1", "basic"), now).value().booking.id;
  ASSERT_TRUE(book.confirm(id, now).ok());
  Result<BookingChange> wrong = book.check_in(id, 15000, cst("2026-12-10 08:10:00"));
  EXPECT_REASON(wrong, wrong_copay);
  EXPECT_NE(wrong.error().zh.find("¥100.00"), std::string::npos) << wrong.error().zh;
  EXPECT_EQ(book.booking(id)->state, BookingState::confirmed);
  Result<BookingChange> ok = book.check_in(id, 10000, cst("2026-12-10 08:10:00"));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().booking.copay_collected_fen, 10000);
  EXPECT_EQ(ok.value().booking.closed_at, cst("2026-12-10 08:10:00"));
}

TEST(Plan, YearlyQuotaCountsPlacesByTheSlotsYear) {
  SlotBook book = plan_book(2);
  ASSERT_TRUE(book.add_slot(slot_at("D1", "2026-12-10 09:00:00")).ok());
  ASSERT_TRUE(book.add_slot(slot_at("D2", "2026-12-31 23:59:59")).ok());
  ASSERT_TRUE(book.add_slot(slot_at("J1", "2027-01-01 00:00:00")).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string a = book.hold("D1", rider("R1"), now).value().booking.id;
  ASSERT_TRUE(book.hold("D2", rider("R2"), now).ok());
  EXPECT_EQ(book.quota_used("HC", "2026"), 2);
  Result<BookingChange> full = book.hold("D1", rider("R3"), now);
  EXPECT_REASON(full, quota_exhausted);
  EXPECT_TRUE(book.hold("J1", rider("R3"), now).ok());  // next year's places are separate
  EXPECT_EQ(book.quota_used("HC", "2027"), 1);
  // A cancellation returns the place to the year's quota.
  ASSERT_TRUE(book.cancel(a, now + 60).ok());
  EXPECT_EQ(book.quota_used("HC", "2026"), 1);
  EXPECT_TRUE(book.hold("D1", rider("R3"), now + 120).ok());
}

TEST(Plan, AFreedQuotaPlaceGoesToTheWaitlistFirst) {
  SlotBook book = plan_book(3);
  ASSERT_TRUE(book.add_slot(slot_at("A", "2026-12-10 09:00:00", 1)).ok());
  ASSERT_TRUE(book.add_slot(slot_at("B", "2026-12-11 09:00:00", 5)).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string a = book.hold("A", rider("R1"), now).value().booking.id;
  ASSERT_TRUE(book.join_waitlist("A", rider("W"), now).ok());
  ASSERT_TRUE(book.hold("B", rider("R2"), now).ok());
  ASSERT_TRUE(book.hold("B", rider("R3"), now).ok());
  // The year's quota is full (R1, R2, R3). When R1 lets go of A, the quota place freed
  // with it goes to A's waitlist head, not to whoever asks next on another slot.
  ASSERT_TRUE(book.confirm(a, now).ok());
  ASSERT_TRUE(book.cancel(a, now + 10).ok());
  EXPECT_EQ(book.bookings_in("A").back().member_id, "W");
  EXPECT_REASON(book.hold("B", rider("R4"), now + 20), quota_exhausted);
}

// 1 check per member per CST year, keyed by the year the slot starts in. 23:59:59 on
// 31 December and 00:00:00 on 1 January CST are different years; in UTC both are the
// 31st (15:59:59Z and 16:00:00Z), so a UTC key would wrongly refuse the second.
TEST(Plan, YearlyAllowanceAcrossNewYearInChinaTime) {
  SlotBook book = plan_book();
  ASSERT_TRUE(book.add_slot(slot_at("EARLY", "2026-01-01 00:00:00")).ok());
  ASSERT_TRUE(book.add_slot(slot_at("NYE", "2026-12-31 23:59:59")).ok());
  ASSERT_TRUE(book.add_slot(slot_at("NY", "2027-01-01 00:00:00")).ok());
  ASSERT_TRUE(book.add_slot(slot_at("NY2", "2027-06-01 09:00:00")).ok());
  const UnixSeconds now = cst("2025-12-01 09:00:00");

  const std::string nye = book.hold("NYE", rider("R1"), now).value().booking.id;
  EXPECT_EQ(book.allowance_used("HC", "R1", "2026"), 1);
  EXPECT_REASON(book.hold("EARLY", rider("R1"), now), allowance_used);  // same CST year 2026
  Result<BookingChange> ny = book.hold("NY", rider("R1"), now);
  ASSERT_TRUE(ny.ok()) << ny.error().en;
  EXPECT_EQ(book.allowance_used("HC", "R1", "2027"), 1);
  EXPECT_REASON(book.hold("NY2", rider("R1"), now), allowance_used);
  ASSERT_TRUE(book.confirm(ny.value().booking.id, now).ok());

  // Checked in on New Year's Eve: still one for 2026.
  ASSERT_TRUE(book.confirm(nye, now).ok());
  ASSERT_TRUE(book.check_in(nye, 10000, cst("2026-12-31 23:59:59")).ok());
  EXPECT_REASON(book.hold("EARLY", rider("R1"), now), allowance_used);
  // Cancelling 2027's booking gives 2027's allowance back, not 2026's.
  ASSERT_TRUE(book.cancel(ny.value().booking.id, now + 1).ok());
  EXPECT_EQ(book.allowance_used("HC", "R1", "2027"), 0);
  EXPECT_TRUE(book.hold("NY2", rider("R1"), now + 2).ok());
  EXPECT_EQ(book.allowance_used("HC", "R1", "2026"), 1);
}

TEST(Plan, AllowanceIsCheckedAgainOnPromotion) {
  SlotBook book = plan_book();
  ASSERT_TRUE(book.add_slot(slot_at("A", "2026-12-10 09:00:00", 1)).ok());
  ASSERT_TRUE(book.add_slot(slot_at("B", "2026-12-11 09:00:00", 1)).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string a = book.hold("A", rider("HA"), now).value().booking.id;
  const std::string b = book.hold("B", rider("HB"), now).value().booking.id;
  // W waits on both; once promoted to one, the other would be a second check this year.
  ASSERT_TRUE(book.join_waitlist("A", rider("W"), now).ok());
  ASSERT_TRUE(book.join_waitlist("B", rider("W"), now).ok());
  ASSERT_TRUE(book.join_waitlist("B", rider("V"), now + 1).ok());
  ASSERT_TRUE(book.cancel(a, now + 10).ok());
  Result<BookingChange> r = book.cancel(b, now + 20);
  ASSERT_TRUE(r.ok());
  const auto& ev = r.value().events;
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[1].kind, BookingEventKind::waitlist_dropped);
  EXPECT_EQ(ev[1].member_id, "W");
  EXPECT_TRUE(ev[1].reason_en.find("allowance") != std::string::npos) << ev[1].reason_en;
  EXPECT_EQ(ev[2].kind, BookingEventKind::promoted);
  EXPECT_EQ(ev[2].member_id, "V");
}

TEST(Plan, AMonthlyAllowanceUsesTheCstMonth) {
  SlotBook book;
  Plan p = test::health_plan();
  p.id = "HC";
  p.allowance_period = Period::Month;
  p.eligible.clear();  // everyone
  ASSERT_TRUE(book.add_plan(p).ok());
  ASSERT_TRUE(book.add_slot(slot_at("M1", "2026-11-30 23:59:59")).ok());
  ASSERT_TRUE(book.add_slot(slot_at("M2", "2026-12-01 00:00:00")).ok());
  ASSERT_TRUE(book.add_slot(slot_at("M3", "2026-12-31 09:00:00")).ok());
  const UnixSeconds now = cst("2026-11-01 09:00:00");
  const Applicant office{"O1", Occupation::office, "basic"};
  EXPECT_TRUE(book.hold("M1", office, now).ok());
  EXPECT_TRUE(book.hold("M2", office, now).ok());
  EXPECT_REASON(book.hold("M3", office, now), allowance_used);
}

}  // namespace
}  // namespace hg
