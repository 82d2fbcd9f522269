// The engine's rules on the real server: hold expiry frees the place (and promotes the
// waitlist), promotion order, cut-offs and no-shows at China-time boundaries, the yearly
// allowance across 31 Dec → 1 Jan, station duty for cadres only.
#include <gtest/gtest.h>

#include "core/bookings/wire.h"
#include "tests/server/bookings_test_support.h"

namespace hg::test::bookings {
namespace {

const UnixSeconds kStart = from_cst({{2026, 12, 1}, 10, 0, 0});
constexpr CivilDate kDay{2026, 12, 10};

std::string booking_id(const HttpReply& r) { return parse<HoldResult>(r, kHoldResultJson).booking.value().booking.id; }

MyBookings mine(BookingsServer& s, const std::string& token) {
  const HttpReply r = get(s, token, "/api/v1/bookings/mine");
  EXPECT_EQ(r.status, 200) << r.body;
  return parse<MyBookings>(r, kMyBookingsJson);
}

struct Members {
  std::vector<std::string> tokens, ids;
};
Members members(BookingsServer& s, int n) {
  Members m;
  for (const std::string& l : s.gig_logins(n)) {
    m.tokens.push_back(s.token(l));
    m.ids.push_back(s.subject_of(l));
  }
  return m;
}

TEST(BookingsRules, AnExpiredHoldFreesThePlaceForTheWaitlist) {
  BookingsServer s(kStart);
  s.add_slot(clinic_slot("ONE", "CL-FZ-GL", kDay, {9, 0, 10, 0}, 1));
  const Members m = members(s, 3);
  const HttpReply a = hold(s, m.tokens[0], "ONE");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(hold(s, m.tokens[1], "ONE").status, 409);
  const HttpReply w = hold(s, m.tokens[1], "ONE", "HC-465", true);
  ASSERT_EQ(w.status, 200);
  EXPECT_EQ(parse<HoldResult>(w, kHoldResultJson).waitlist.value().position, 1);

  s.advance(15 * 60 - 1);  // the hold lasts 15 minutes
  EXPECT_EQ(hold(s, m.tokens[2], "ONE").status, 409);
  s.advance(1);
  // The next write notices the lapse; the waitlisted member now holds the place, not the newcomer.
  EXPECT_EQ(hold(s, m.tokens[2], "ONE").status, 409);
  const MyBookings b = mine(s, m.tokens[1]);
  ASSERT_EQ(b.bookings.size(), 1u);
  EXPECT_EQ(b.bookings[0].booking.state, BookingState::held);
  EXPECT_TRUE(b.bookings[0].booking.from_waitlist);
  EXPECT_TRUE(b.waitlist.empty());
  // The first member's hold is gone: confirming says so; the allowance came back.
  const HttpReply c = post(s, m.tokens[0], "/api/v1/bookings/" + booking_id(a) + "/confirm", "");
  EXPECT_EQ(c.status, 409);
  EXPECT_NE(error_en(c).find("hold has run out"), std::string::npos) << c.body;
  EXPECT_EQ(s.query("SELECT used FROM bk_allowance WHERE member_id = '" + m.ids[0] + "'"), 0);
  EXPECT_EQ(s.query("SELECT taken FROM bk_slots WHERE id = 'ONE'"), 1);
  // The promoted member confirms and gets a check-in code.
  const HttpReply ok = post(s, m.tokens[1], "/api/v1/bookings/" + b.bookings[0].booking.id + "/confirm", "");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(parse<BookingView>(ok, kBookingViewJson).checkin_code.size(), 6u);
}

TEST(BookingsRules, CancellingPromotesTheWaitlistInOrder) {
  BookingsServer s(kStart);
  s.add_slot(clinic_slot("Q", "CL-QD-SN", kDay, {14, 0, 16, 0}, 1));
  const Members m = members(s, 5);
  const HttpReply a = hold(s, m.tokens[0], "Q");
  ASSERT_EQ(a.status, 200);
  ASSERT_EQ(post(s, m.tokens[0], "/api/v1/bookings/" + booking_id(a) + "/confirm", "").status, 200);
  for (int i = 1; i <= 4; ++i) {
    const HttpReply w = post(s, m.tokens[i], "/api/v1/bookings/waitlist/join",
                             to_json(kWaitlistRequestJson, WaitlistRequest{"Q", "HC-465"}));
    ASSERT_EQ(w.status, 200) << w.body;
    EXPECT_EQ(parse<WaitlistView>(w, kWaitlistViewJson).position, i);
  }
  // The second in line leaves; the others move up.
  ASSERT_EQ(post(s, m.tokens[2], "/api/v1/bookings/waitlist/leave", to_json(kWaitlistRequestJson, WaitlistRequest{"Q", ""}))
                .status,
            200);
  EXPECT_EQ(mine(s, m.tokens[3]).waitlist.at(0).position, 2);
  EXPECT_EQ(mine(s, m.tokens[4]).waitlist.at(0).position, 3);

  ASSERT_EQ(post(s, m.tokens[0], "/api/v1/bookings/" + booking_id(a) + "/cancel", "").status, 200);
  MyBookings first = mine(s, m.tokens[1]);
  ASSERT_EQ(first.bookings.size(), 1u);
  EXPECT_EQ(first.bookings[0].booking.state, BookingState::held);
  EXPECT_EQ(mine(s, m.tokens[3]).waitlist.at(0).position, 1);
  EXPECT_EQ(mine(s, m.tokens[4]).waitlist.at(0).position, 2);
  // The promoted member lets the hold go: the next in line (member 3, not 4) gets it.
  ASSERT_EQ(post(s, m.tokens[1], "/api/v1/bookings/" + first.bookings[0].booking.id + "/cancel", "").status, 200);
  EXPECT_EQ(mine(s, m.tokens[3]).bookings.at(0).booking.state, BookingState::held);
  EXPECT_EQ(mine(s, m.tokens[4]).waitlist.at(0).position, 1);
  EXPECT_EQ(s.query("SELECT taken FROM bk_slots WHERE id = 'Q'"), 1);
  EXPECT_EQ(s.query("SELECT waiting FROM bk_slots WHERE id = 'Q'"), 1);  // joins, a leave, two promotions
}

TEST(BookingsRules, CancelCutOffIsMidnightChinaTimeNotUtc) {
  BookingsServer s(kStart);
  // 09:00 CST on 10 Dec: cancelling closes at 00:00 CST on 10 Dec = 16:00 UTC on 9 Dec.
  s.add_slot(clinic_slot("CUT", "CL-FZ-GL", kDay, {9, 0, 10, 0}, 5));
  const Members m = members(s, 2);
  std::vector<std::string> ids;
  for (int i = 0; i < 2; ++i) {
    const HttpReply h = hold(s, m.tokens[i], "CUT");
    ASSERT_EQ(h.status, 200);
    ids.push_back(booking_id(h));
    ASSERT_EQ(post(s, m.tokens[i], "/api/v1/bookings/" + ids[i] + "/confirm", "").status, 200);
  }
  const UnixSeconds midnight = from_cst({kDay, 0, 0, 0});
  ASSERT_EQ(midnight % 86400, 16 * 3600);
  s.set_now(midnight - 1);
  EXPECT_TRUE(mine(s, m.tokens[0]).bookings.at(0).can_cancel);
  EXPECT_EQ(post(s, m.tokens[0], "/api/v1/bookings/" + ids[0] + "/cancel", "").status, 200);
  s.set_now(midnight);
  EXPECT_FALSE(mine(s, m.tokens[1]).bookings.at(0).can_cancel);
  const HttpReply late = post(s, m.tokens[1], "/api/v1/bookings/" + ids[1] + "/cancel", "");
  EXPECT_EQ(late.status, 409);
  EXPECT_NE(error_en(late).find("cancellation deadline"), std::string::npos);
  EXPECT_EQ(s.query("SELECT taken FROM bk_slots WHERE id = 'CUT'"), 1);
}

TEST(BookingsRules, CheckInOnTheDayAndNoShowsAfterTheSlotLeadToABlock) {
  BookingsServer s(kStart);
  s.add_slot(clinic_slot("D1", "CL-FZ-GL", kDay, {9, 0, 10, 0}, 5));
  s.add_slot(clinic_slot("D2", "CL-FZ-GL", {2026, 12, 11}, {9, 0, 10, 0}, 5));
  // One health check a year: the no-show member books classes to collect strikes.
  Slot c1 = slot_in_cst_window("CLS1", SlotKind::class_session, "CR-FZ-01", kDay, {19, 0, 21, 0}, 10);
  c1.title_zh = c1.title_en = "class";
  Slot c2 = c1;
  c2.id = "CLS2";
  c2.start += 86400, c2.end += 86400, c2.book_until += 86400, c2.cancel_until += 86400;
  s.add_slot(c1);
  s.add_slot(c2);
  const Members m = members(s, 2);
  const std::string clinic = s.token("clinic01"), other_clinic = s.token("clinic03");

  const HttpReply h = hold(s, m.tokens[0], "D1");
  const std::string id = booking_id(h);
  const BookingView conf = parse<BookingView>(post(s, m.tokens[0], "/api/v1/bookings/" + id + "/confirm", ""), kBookingViewJson);
  const std::string code = conf.checkin_code;
  ASSERT_EQ(code.size(), 6u);
  auto check_in = [&](const std::string& token, Fen copay) {
    return post(s, token, "/api/v1/bookings/clinic/check-in", to_json(kCheckInRequestJson, CheckInRequest{code, copay}));
  };
  s.set_now(from_cst({kDay, 0, 0, 0}) - 1);
  EXPECT_NE(error_en(check_in(clinic, 10000)).find("opens on the day"), std::string::npos);
  s.set_now(from_cst({kDay, 8, 30, 0}));
  EXPECT_EQ(check_in(other_clinic, 10000).status, 404);  // not their booking
  const HttpReply wrong = check_in(clinic, 5000);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(error_en(wrong).find("100.00"), std::string::npos) << wrong.body;
  const HttpReply in = check_in(clinic, 10000);
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(parse<BookingView>(in, kBookingViewJson).booking.state, BookingState::checked_in);
  EXPECT_EQ(check_in(clinic, 10000).status, 404);  // the code is spent

  // Two no-shows within 90 days block booking for 30 days.
  std::vector<std::string> missed;
  for (const char* slot : {"CLS1", "CLS2"}) {
    s.set_now(from_cst({{2026, 12, 1}, 12, 0, 0}));
    const HttpReply hh = hold(s, m.tokens[1], slot);
    ASSERT_EQ(hh.status, 200) << hh.body;
    missed.push_back(booking_id(hh));
    ASSERT_EQ(post(s, m.tokens[1], "/api/v1/bookings/" + missed.back() + "/confirm", "").status, 200);
  }
  const std::string admin = s.token("admin");
  s.set_now(c1.end - 1);
  EXPECT_EQ(post(s, admin, "/api/v1/bookings/" + missed[0] + "/no-show", "").status, 409);  // not over yet
  s.set_now(c1.end);
  EXPECT_EQ(post(s, clinic, "/api/v1/bookings/" + missed[0] + "/no-show", "").status, 404);  // not clinic01's slot
  ASSERT_EQ(post(s, admin, "/api/v1/bookings/" + missed[0] + "/no-show", "").status, 200);
  EXPECT_EQ(mine(s, m.tokens[1]).blocked_until, 0);
  s.set_now(c2.end + 3600);
  ASSERT_EQ(post(s, admin, "/api/v1/bookings/" + missed[1] + "/no-show", "").status, 200);
  EXPECT_EQ(mine(s, m.tokens[1]).blocked_until, c2.end + 3600 + 30 * 86400);
  s.add_slot(clinic_slot("LATER", "CL-FZ-GL", {2026, 12, 30}, {9, 0, 10, 0}, 5));
  const HttpReply blocked = hold(s, m.tokens[1], "LATER");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_NE(error_en(blocked).find("China time"), std::string::npos) << blocked.body;
}

TEST(BookingsRules, OneHealthCheckPerChinaYearAcrossNewYear) {
  BookingsServer s(kStart);
  // 23:00 CST on 31 Dec is still 2026; 00:30 CST on 1 Jan (16:30 UTC on 31 Dec) is 2027.
  s.add_slot(clinic_slot("NYE", "CL-FZ-GL", {2026, 12, 31}, {22, 0, 23, 30}, 5));
  s.add_slot(clinic_slot("NYE2", "CL-FZ-CS", {2026, 12, 31}, {20, 0, 21, 0}, 5));
  s.add_slot(clinic_slot("NY", "CL-FZ-GL", {2027, 1, 1}, {0, 30, 1, 30}, 5));
  const Members m = members(s, 1);
  ASSERT_EQ(hold(s, m.tokens[0], "NYE").status, 200);
  const HttpReply again = hold(s, m.tokens[0], "NYE2");
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(error_en(again).find("allowance"), std::string::npos);
  const HttpReply next = hold(s, m.tokens[0], "NY");
  EXPECT_EQ(next.status, 200) << next.body;
  EXPECT_EQ(s.query("SELECT count(*) FROM bk_allowance WHERE period = '2027' AND used = 1"), 1);
  EXPECT_EQ(s.query("SELECT count(*) FROM bk_allowance WHERE period = '2026' AND used = 1"), 1);
}

TEST(BookingsRules, StationDutyIsForCadresOnly) {
  BookingsServer s(kStart);
  Slot duty = slot_in_cst_window("DUTY", SlotKind::station_duty, s.first_resource("station"), kDay, {9, 0, 17, 0}, 1);
  duty.title_zh = duty.title_en = "duty";
  s.add_slot(duty, true);
  const std::string cadre = s.token("m001");
  const std::string not_cadre = s.token("m002");
  const HttpReply no = hold(s, not_cadre, "DUTY");
  EXPECT_EQ(no.status, 403);
  EXPECT_NE(error_en(no).find("cadres"), std::string::npos);
  EXPECT_EQ(hold(s, cadre, "DUTY").status, 200);
  EXPECT_TRUE(mine(s, cadre).cadre);
}

TEST(BookingsRules, TheAdminRaisesTheQuotaButNotBelowWhatIsBooked) {
  BookingsServer s(kStart);
  s.add_slot(clinic_slot("QQ", "CL-FZ-GL", kDay, {9, 0, 10, 0}, 5));
  const std::string admin = s.token("admin");
  PlanList plans = parse<PlanList>(get(s, admin, "/api/v1/bookings/admin/plans"), kPlanListJson);
  Plan p = plans.plans.at(1).plan;
  ASSERT_EQ(p.id, "HC-GIG");
  p.yearly_quota = 1;
  auto put = [&](const Plan& plan) {
    return http_request(s.port(), "PUT", "/api/v1/bookings/admin/plans/" + plan.id,
                        {{"Authorization", "Bearer " + admin}, {"Idempotency-Key", "plan-key-" + std::to_string(plan.yearly_quota)}},
                        to_json(kPlanJson, plan));
  };
  const HttpReply first = put(p);
  ASSERT_EQ(first.status, 200) << first.body;
  const Members m = members(s, 2);
  ASSERT_EQ(hold(s, m.tokens[0], "QQ").status, 200);
  const HttpReply full = hold(s, m.tokens[1], "QQ");
  EXPECT_EQ(full.status, 409);
  EXPECT_NE(error_en(full).find("All places for this year"), std::string::npos);
  p.yearly_quota = 0;
  EXPECT_EQ(put(p).status, 409);
  p.yearly_quota = 10000;
  ASSERT_EQ(put(p).status, 200);
  EXPECT_EQ(hold(s, m.tokens[1], "QQ").status, 200);
  p.packages.at(0).copay_fen = p.packages.at(0).value_fen + 1;
  p.yearly_quota = 9999;
  EXPECT_EQ(put(p).status, 400);
}

}  // namespace
}  // namespace hg::test::bookings
