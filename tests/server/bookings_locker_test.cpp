// Smart lockers over HTTP: reserve a stocked compartment, the locker opens it once with the
// six-digit code before the deadline, an expired code frees the item, wrong codes are
// rate-limited per locker; restocking and the monthly subsidy statement.
#include <gtest/gtest.h>

#include "core/bookings/wire.h"
#include "tests/server/bookings_test_support.h"

namespace hg::test::bookings {
namespace {

const UnixSeconds kStart = from_cst({{2026, 12, 1}, 10, 0, 0});
// The demo lockers are those of the smart-locker stations whose device accounts are
// locker01…locker03; a locker's id is its station's.
std::string locker_of(BookingsServer& s, const std::string& login = "locker01") { return s.subject_of(login); }

HttpReply reserve(BookingsServer& s, const std::string& token, int compartment, const std::string& locker = "") {
  return post(s, token, "/api/v1/bookings/lockers/" + (locker.empty() ? locker_of(s) : locker) + "/reserve",
              to_json(kLockerReserveJson, LockerReserveRequest{compartment}));
}
HttpReply pickup(BookingsServer& s, const std::string& token, const std::string& code, const std::string& locker = "") {
  return post(s, token, "/api/v1/bookings/lockers/" + (locker.empty() ? locker_of(s) : locker) + "/pickup",
              to_json(kPickupRequestJson, PickupRequest{code}));
}
LockerView locker(BookingsServer& s) {
  const std::string id = locker_of(s);
  for (const LockerView& l : parse<LockerList>(get(s, "", "/api/v1/bookings/lockers"), kLockerListJson).lockers)
    if (l.locker.id == id) return l;
  throw std::runtime_error("locker missing");
}
std::string other_code(const std::string& code) {
  std::string c = code;
  c[5] = c[5] == '9' ? '0' : static_cast<char>(c[5] + 1);
  return c;
}

TEST(BookingsLocker, ThePickupCodeOpensOnceAndEmptiesTheCompartment) {
  BookingsServer s(kStart);
  LockerView before = locker(s);
  ASSERT_EQ(before.compartments.size(), 18u);
  EXPECT_TRUE(before.compartments[0].stocked);
  EXPECT_EQ(before.compartments[0].item.name_zh, "方便面");
  EXPECT_FALSE(before.compartments[17].stocked);

  const std::string m1 = s.token("m001"), m2 = s.token("m002"), box = s.token("locker01");
  const HttpReply r = reserve(s, m1, 1);
  ASSERT_EQ(r.status, 200) << r.body;
  const LockerReservation res = parse<LockerReservation>(r, kReservationJson);
  ASSERT_EQ(res.code.size(), 6u);
  EXPECT_EQ(res.deadline, kStart + 86400);
  EXPECT_EQ(reserve(s, m2, 1).status, 409);          // taken
  EXPECT_EQ(reserve(s, m1, 2).status, 409);          // one waiting item per member and locker
  EXPECT_EQ(reserve(s, m2, 18).status, 409);         // empty
  EXPECT_EQ(reserve(s, m2, 19).status, 404);
  EXPECT_TRUE(locker(s).compartments[0].reserved);

  // Only this locker's account opens its doors.
  EXPECT_EQ(pickup(s, m1, res.code).status, 403);
  EXPECT_EQ(pickup(s, s.token("locker02"), res.code).status, 403);
  EXPECT_EQ(pickup(s, box, "12ab56").status, 400);
  const HttpReply ok = pickup(s, box, res.code);
  ASSERT_EQ(ok.status, 200) << ok.body;
  const LockerReservation done = parse<LockerReservation>(ok, kReservationJson);
  EXPECT_EQ(done.compartment, 1);
  EXPECT_EQ(done.item.name_en, "Instant noodles");
  EXPECT_EQ(done.state, PickupState::picked_up);
  const HttpReply again = pickup(s, box, res.code);
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(error_en(again).find("already been used"), std::string::npos);
  EXPECT_FALSE(locker(s).compartments[0].stocked);
  // Picked up: the member may reserve again.
  EXPECT_EQ(reserve(s, m1, 2).status, 200);
}

TEST(BookingsLocker, AnExpiredCodeNoLongerOpensAndTheItemIsFreeAgain) {
  BookingsServer s(kStart);
  const std::string m1 = s.token("m001"), m2 = s.token("m002"), box = s.token("locker01");
  const LockerReservation res = parse<LockerReservation>(reserve(s, m1, 7), kReservationJson);
  s.set_now(res.deadline - 1);
  EXPECT_EQ(reserve(s, m2, 7).status, 409);
  s.set_now(res.deadline);
  const HttpReply late = pickup(s, box, res.code);
  EXPECT_EQ(late.status, 409);
  EXPECT_NE(error_en(late).find("expired"), std::string::npos) << late.body;
  EXPECT_FALSE(locker(s).compartments[6].reserved);
  EXPECT_EQ(reserve(s, m2, 7).status, 200);
}

TEST(BookingsLocker, WrongCodesAreRateLimitedPerLocker) {
  BookingsServer s(kStart);
  const std::string box = s.token("locker01");
  const LockerReservation res = parse<LockerReservation>(reserve(s, s.token("m001"), 3), kReservationJson);
  const std::string wrong = other_code(res.code);
  for (int i = 0; i < 5; ++i) {
    const HttpReply r = pickup(s, box, wrong);
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_NE(error_en(r).find("Wrong pickup code"), std::string::npos);
  }
  const HttpReply limited = pickup(s, box, res.code);  // even the right code waits now
  EXPECT_EQ(limited.status, 429);
  EXPECT_NE(error_en(limited).find("Too many wrong pickup codes"), std::string::npos);
  EXPECT_NE(error_from_json(limited.body, 429).zh.find("10 分钟"), std::string::npos);
  // Another locker is not affected.
  const LockerReservation other = parse<LockerReservation>(reserve(s, s.token("m002"), 1, locker_of(s, "locker03")), kReservationJson);
  EXPECT_EQ(pickup(s, s.token("locker03"), other.code, locker_of(s, "locker03")).status, 200);
  s.advance(10 * 60 + 1);
  EXPECT_EQ(pickup(s, box, res.code).status, 200);
}

TEST(BookingsLocker, RestockLogsValueAndOnlyFreeCompartments) {
  BookingsServer s(kStart);
  const std::string box = s.token("locker01");
  const Fen seeded = locker(s).restocked_this_month_fen;
  RestockRequest in{18, LockerItem{LockerItemKind::raincoat, "雨衣", "Raincoat", 2500}};
  auto restock = [&](const std::string& token, const RestockRequest& r, const std::string& id = "") {
    return post(s, token, "/api/v1/bookings/lockers/" + (id.empty() ? locker_of(s) : id) + "/restock",
                to_json(kRestockRequestJson, r));
  };
  EXPECT_EQ(restock(s.token("m001"), in).status, 403);
  EXPECT_EQ(restock(box, in, locker_of(s, "locker03")).status, 403);
  ASSERT_EQ(restock(box, in).status, 200);
  EXPECT_EQ(locker(s).restocked_this_month_fen, seeded + 2500);
  EXPECT_TRUE(locker(s).compartments[17].stocked);
  ASSERT_EQ(reserve(s, s.token("m001"), 18).status, 200);
  EXPECT_EQ(restock(s.token("admin"), in).status, 409);  // reserved: not swapped under the member
  in.item.name_en.clear();
  EXPECT_EQ(restock(box, in).status, 400);
}

TEST(BookingsLocker, MonthlySubsidyStatementCountsCheckedInOnly) {
  BookingsServer s(kStart);
  const CivilDate day{2026, 12, 3};
  s.add_slot(clinic_slot("SUB", "CL-FZ-GL", day, {9, 0, 11, 0}, 10));
  const std::vector<std::string> gig = s.gig_logins(3);
  const std::string clinic = s.token("clinic01");
  std::vector<std::string> codes;
  const char* packages[] = {"HC-465", "HC-545", "HC-465"};
  for (int i = 0; i < 3; ++i) {
    const std::string t = s.token(gig[i]);
    const HttpReply h = hold(s, t, "SUB", packages[i]);
    ASSERT_EQ(h.status, 200) << h.body;
    const std::string id = parse<HoldResult>(h, kHoldResultJson).booking.value().booking.id;
    codes.push_back(parse<BookingView>(post(s, t, "/api/v1/bookings/" + id + "/confirm", ""), kBookingViewJson).checkin_code);
  }
  s.set_now(from_cst({day, 9, 30, 0}));
  const Fen copays[] = {10000, 15000};
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(post(s, clinic, "/api/v1/bookings/clinic/check-in",
                   to_json(kCheckInRequestJson, CheckInRequest{codes[i], copays[i]}))
                  .status,
              200);
  const HttpReply day_list = get(s, clinic, "/api/v1/bookings/clinic/day?date=2026-12-03");
  ASSERT_EQ(day_list.status, 200);
  EXPECT_EQ(parse<ClinicDay>(day_list, kClinicDayJson).bookings.size(), 3u);
  EXPECT_EQ(get(s, s.token(gig[0]), "/api/v1/bookings/admin/subsidy?clinic=CL-FZ-GL&month=2026-12").status, 403);
  const HttpReply r = get(s, s.token("admin"), "/api/v1/bookings/admin/subsidy?clinic=CL-FZ-GL&month=2026-12");
  ASSERT_EQ(r.status, 200) << r.body;
  const SubsidyStatement st = parse<SubsidyStatement>(r, kSubsidyStatementJson);
  EXPECT_EQ(st.total.checks, 2);
  EXPECT_EQ(st.total.union_share_fen, 36500 + 39500);
  EXPECT_EQ(st.total.copay_fen, 25000);
  ASSERT_EQ(st.lines.size(), 2u);
  const HttpReply other = get(s, s.token("admin"), "/api/v1/bookings/admin/subsidy?clinic=CL-FZ-GL&month=2026-11");
  EXPECT_EQ(parse<SubsidyStatement>(other, kSubsidyStatementJson).total.checks, 0);
}

}  // namespace
}  // namespace hg::test::bookings
