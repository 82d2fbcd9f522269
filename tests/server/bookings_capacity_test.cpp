// Capacity under concurrency: many members hold the same places at once over real HTTP;
// the store never lets a slot go over capacity or a member in twice, and waitlist
// positions follow the server's acceptance order. Also idempotent retries and roles.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/bookings/wire.h"
#include "server/store/sqlite.h"
#include "tests/server/bookings_test_support.h"

namespace hg::test::bookings {
namespace {

const UnixSeconds kStart = from_cst({{2026, 12, 1}, 10, 0, 0});
constexpr CivilDate kDay{2026, 12, 10};

TEST(BookingsCapacity, ConcurrentHoldsNeverExceedCapacity) {
  BookingsServer s(kStart);
  s.add_slot(clinic_slot("RUSH-A", "CL-FZ-GL", kDay, {9, 0, 10, 0}, 7));
  s.add_slot(clinic_slot("RUSH-B", "CL-FZ-GL", kDay, {10, 0, 11, 0}, 5));
  const std::vector<std::string> logins = s.gig_logins(48);
  ASSERT_GE(logins.size(), 40u);
  std::vector<std::string> tokens;
  for (const std::string& l : logins) tokens.push_back(s.token(l));

  std::mutex mu;
  std::map<std::string, int> outcomes;  // "held" / "waitlisted" / error code
  std::vector<std::thread> threads;
  for (size_t i = 0; i < tokens.size(); ++i)
    threads.emplace_back([&, i] {
      // Every member tries both slots; half of them ask to wait when full.
      for (const char* slot : {"RUSH-A", "RUSH-B"}) {
        const HttpReply r = hold(s, tokens[i], slot, "HC-465", i % 2 == 0);
        std::lock_guard<std::mutex> lock(mu);
        if (r.status == 200)
          ++outcomes[parse<HoldResult>(r, kHoldResultJson).outcome];
        else
          ++outcomes[std::to_string(r.status)];
      }
    });
  for (auto& t : threads) t.join();

  // One health check a year: a member who got RUSH-A cannot hold RUSH-B too.
  EXPECT_EQ(outcomes["held"], 12);
  EXPECT_EQ(s.query("SELECT taken FROM bk_slots WHERE id = 'RUSH-A'"), 7);
  EXPECT_EQ(s.query("SELECT taken FROM bk_slots WHERE id = 'RUSH-B'"), 5);
  EXPECT_EQ(s.query("SELECT count(*) FROM bk_bookings WHERE slot_id IN ('RUSH-A', 'RUSH-B') AND state = 'held'"), 12);
  EXPECT_EQ(s.query("SELECT count(*) FROM (SELECT member_id FROM bk_bookings WHERE state = 'held' "
                    "GROUP BY member_id HAVING count(*) > 1)"), 0);
  EXPECT_EQ(s.query("SELECT count(*) FROM bk_allowance WHERE used > 1"), 0);
  EXPECT_EQ(s.query("SELECT used FROM bk_plan_years WHERE plan_id = 'HC-GIG' AND year = '2026'"), 12);
  EXPECT_GT(outcomes["waitlisted"], 0);
  EXPECT_GT(outcomes["409"], 0);
  // The waitlist counter agrees with the rows.
  EXPECT_EQ(s.query("SELECT count(*) FROM bk_slots s WHERE s.waiting <> "
                    "(SELECT count(*) FROM bk_waitlist w WHERE w.slot_id = s.id)"), 0);
  // Waitlist positions are the acceptance order: seq strictly increasing per slot.
  EXPECT_EQ(s.query("SELECT count(*) FROM bk_waitlist w WHERE EXISTS (SELECT 1 FROM bk_bookings b "
                    "WHERE b.slot_id = w.slot_id AND b.seq > w.seq AND b.from_waitlist = 0)"), 0);
}

TEST(BookingsCapacity, TheStoreRefusesOverbookingEvenWithoutTheServer) {
  BookingsServer s(kStart);
  s.add_slot(clinic_slot("TINY", "CL-FZ-GL", kDay, {9, 0, 10, 0}, 1));
  srv::Db db = srv::Db::open(s.db_path());
  db.exec("UPDATE bk_slots SET taken = 1 WHERE id = 'TINY'");
  EXPECT_THROW(db.exec("UPDATE bk_slots SET taken = 2 WHERE id = 'TINY'"), srv::DbError);
  db.exec("INSERT INTO bk_bookings (id, slot_id, member_id, state, created_at, hold_expires_at, seq) "
          "VALUES ('X1', 'TINY', 'M1', 'held', 0, 1, 1000001)");
  EXPECT_THROW(db.exec("INSERT INTO bk_bookings (id, slot_id, member_id, state, created_at, hold_expires_at, seq) "
                       "VALUES ('X2', 'TINY', 'M1', 'confirmed', 0, 1, 1000002)"),
               srv::DbError);
}

TEST(BookingsCapacity, ARetryWithTheSameKeyGetsTheSameBooking) {
  BookingsServer s(kStart);
  s.add_slot(clinic_slot("IDEM", "CL-FZ-GL", kDay, {9, 0, 10, 0}, 3));
  const std::string t = s.token(s.gig_logins(1)[0]);
  const std::string body = to_json(kHoldRequestJson, HoldRequest{"IDEM", "HC-545", false});
  const HttpReply a = post(s, t, "/api/v1/bookings/hold", body, "same-key-123");
  const HttpReply b = post(s, t, "/api/v1/bookings/hold", body, "same-key-123");
  ASSERT_EQ(a.status, 200) << a.body;
  ASSERT_EQ(b.status, 200) << b.body;
  EXPECT_EQ(parse<HoldResult>(a, kHoldResultJson).booking.value().booking.id, parse<HoldResult>(b, kHoldResultJson).booking.value().booking.id);
  EXPECT_EQ(s.query("SELECT taken FROM bk_slots WHERE id = 'IDEM'"), 1);
  const HoldResult h = parse<HoldResult>(a, kHoldResultJson);
  EXPECT_EQ(h.booking.value().booking.copay_fen, 15000);
  EXPECT_EQ(h.booking.value().booking.union_share_fen, 39500);
  // Without a key the write is refused before anything happens.
  const HttpReply nokey = http_request(s.port(), "POST", "/api/v1/bookings/hold",
                                       {{"Authorization", "Bearer " + t}}, body);
  EXPECT_EQ(nokey.status, 400);
}

TEST(BookingsCapacity, RolesAndOwnership) {
  BookingsServer s(kStart);
  s.add_slot(clinic_slot("ROLE", "CL-FZ-GL", kDay, {9, 0, 10, 0}, 3));
  const std::vector<std::string> gig = s.gig_logins(2);
  const std::string a = s.token(gig[0]), b = s.token(gig[1]);
  EXPECT_EQ(hold(s, "", "ROLE").status, 401);
  EXPECT_EQ(hold(s, s.token("clinic01"), "ROLE").status, 403);
  EXPECT_EQ(hold(s, s.token("admin"), "ROLE").status, 403);
  // Not a gig worker: refused with the plan's eligibility message.
  const std::vector<std::string> office = s.office_logins(1);
  const HttpReply o = hold(s, s.token(office[0]), "ROLE");
  EXPECT_EQ(o.status, 403) << o.body;
  EXPECT_NE(error_en(o).find("riders"), std::string::npos) << error_en(o);
  const HttpReply h = hold(s, a, "ROLE");
  ASSERT_EQ(h.status, 200) << h.body;
  const std::string id = parse<HoldResult>(h, kHoldResultJson).booking.value().booking.id;
  // Another member cannot confirm or cancel it, and learns nothing about it.
  EXPECT_EQ(post(s, b, "/api/v1/bookings/" + id + "/confirm", "").status, 404);
  EXPECT_EQ(post(s, b, "/api/v1/bookings/" + id + "/cancel", "").status, 404);
  EXPECT_EQ(post(s, s.token("clinic01"), "/api/v1/bookings/" + id + "/confirm", "").status, 403);
  // Staff-only reads.
  EXPECT_EQ(get(s, a, "/api/v1/bookings/admin/plans").status, 403);
  EXPECT_EQ(get(s, a, "/api/v1/bookings/clinic/day").status, 403);
  EXPECT_EQ(get(s, s.token("admin"), "/api/v1/bookings/admin/plans").status, 200);
  // Availability is public.
  const HttpReply av = get(s, "", "/api/v1/bookings/availability");
  ASSERT_EQ(av.status, 200);
  const Availability avail = parse<Availability>(av, kAvailabilityJson);
  ASSERT_EQ(avail.plans.size(), 2u);  // gig workers' plan and the one for other members
  EXPECT_EQ(avail.plans[1].plan.id, "HC-GIG");
  EXPECT_EQ(avail.plans[1].plan.yearly_quota, 10000);
  EXPECT_TRUE(avail.plans[1].eligible);
  // Signed in, a member learns which plan is theirs.
  const Availability as_office =
      parse<Availability>(get(s, s.token(office[0]), "/api/v1/bookings/availability"), kAvailabilityJson);
  EXPECT_FALSE(as_office.plans[1].eligible);
  EXPECT_TRUE(as_office.plans[0].eligible);
  bool found = false;
  for (const SlotView& v : avail.slots)
    if (v.slot.id == "ROLE") {
      found = true;
      EXPECT_EQ(v.free, 2);
    }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace hg::test::bookings
