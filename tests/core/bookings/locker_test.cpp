// Smart lockers: 18 compartments stocked weekly with free items, six-digit pickup codes
// that work once and only before their deadline, and the stock value per CST month.
#include <gtest/gtest.h>

#include <deque>

#include "bookings_test_support.h"
#include "core/bookings/locker.h"

namespace hg {
namespace {

using test::cst;

LockerItem noodles() { return {LockerItemKind::instant_noodles, "方便面", "Instant noodles", 450}; }
LockerItem raincoat() { return {LockerItemKind::raincoat, "雨衣", "Raincoat", 2500}; }
LockerItem gloves() { return {LockerItemKind::gloves, "手套", "Gloves", 800}; }
LockerItem welcome() { return {LockerItemKind::welcome_pack, "入会大礼包", "Membership welcome pack", 8800}; }

// Replays fixed draws, then counts up: deterministic codes for tests.
struct Draws {
  std::deque<std::uint32_t> queue;
  std::uint32_t next = 100000;
  RandomSource source() {
    return [this] {
      if (queue.empty()) return next++;
      const std::uint32_t v = queue.front();
      queue.pop_front();
      return v;
    };
  }
};

TEST(PickupCode, SixDigitsUniformAndUnique) {
  Draws d;
  d.queue = {42, 0xFFFFFFFFu, 1'000'042, 7};
  // 42 → "000042"; the top draw is redrawn (it would bias low codes); 1,000,042 is also
  // "000042", already taken, so the next draw wins.
  EXPECT_EQ(make_pickup_code(d.source(), {}), "000042");
  EXPECT_EQ(make_pickup_code(d.source(), {"000042"}), "000007");
  // A source stuck on one value cannot produce a second code: give up, do not spin.
  const RandomSource stuck = [] { return 123456u; };
  EXPECT_EQ(make_pickup_code(stuck, {"123456"}), std::nullopt);
}

TEST(Locker, EighteenCompartmentsStartEmpty) {
  Locker locker("L1");
  const auto doors = locker.compartments();
  ASSERT_EQ(doors.size(), 18u);
  EXPECT_EQ(doors.front().number, 1);
  EXPECT_EQ(doors.back().number, 18);
  for (const auto& d : doors) EXPECT_FALSE(d.item.has_value());
  Draws d;
  EXPECT_REASON(locker.reserve(3, "M1", cst("2026-12-01 09:00:00"), d.source()), compartment_empty);
  EXPECT_REASON(locker.reserve(0, "M1", cst("2026-12-01 09:00:00"), d.source()), compartment_not_found);
  EXPECT_REASON(locker.reserve(19, "M1", cst("2026-12-01 09:00:00"), d.source()), compartment_not_found);
  EXPECT_REASON(locker.restock(19, noodles(), cst("2026-12-01 09:00:00")), compartment_not_found);
  LockerItem bad = noodles();
  bad.value_fen = -1;
  EXPECT_REASON(locker.restock(1, bad, cst("2026-12-01 09:00:00")), invalid_item);
}

TEST(Locker, ReservePickUpOnce) {
  Locker locker("L1");
  Draws d;
  const UnixSeconds t = cst("2026-12-07 08:00:00");
  ASSERT_TRUE(locker.restock(5, raincoat(), t).ok());
  d.queue = {654321};
  Result<LockerReservation> r = locker.reserve(5, "M1", t + 60, d.source());
  ASSERT_TRUE(r.ok()) << r.error().en;
  EXPECT_EQ(r.value().code, "654321");
  EXPECT_EQ(r.value().compartment, 5);
  EXPECT_EQ(r.value().item.name_zh, "雨衣");
  EXPECT_EQ(r.value().deadline, t + 60 + 24 * 3600);
  EXPECT_TRUE(locker.compartments()[4].reserved);
  EXPECT_REASON(locker.reserve(5, "M2", t + 120, d.source()), compartment_taken);

  EXPECT_REASON(locker.pick_up("123456", t + 300), wrong_code);
  EXPECT_REASON(locker.pick_up("", t + 300), wrong_code);
  Result<LockerReservation> got = locker.pick_up("654321", t + 600);
  ASSERT_TRUE(got.ok()) << got.error().en;
  EXPECT_EQ(got.value().state, PickupState::picked_up);
  EXPECT_EQ(got.value().member_id, "M1");
  EXPECT_FALSE(locker.compartments()[4].item.has_value());  // emptied
  EXPECT_FALSE(locker.compartments()[4].reserved);
  // Single use.
  EXPECT_REASON(locker.pick_up("654321", t + 700), code_used);
  EXPECT_REASON(locker.reserve(5, "M2", t + 800, d.source()), compartment_empty);
}

TEST(Locker, CodeExpiresAtTheDeadlineAndTheItemIsReleased) {
  Locker locker("L1", 18, 2 * 3600);  // this station gives two hours to collect
  Draws d;
  const UnixSeconds t = cst("2026-12-07 08:00:00");
  ASSERT_TRUE(locker.restock(1, gloves(), t).ok());
  d.queue = {111111};
  const LockerReservation r = locker.reserve(1, "M1", t, d.source()).value();
  EXPECT_EQ(r.deadline, t + 2 * 3600);
  EXPECT_REASON(locker.reserve(1, "M2", r.deadline - 1, d.source()), compartment_taken);
  // At the deadline the code no longer opens the door, and the gloves are free again.
  EXPECT_REASON(locker.pick_up("111111", r.deadline), code_expired);
  EXPECT_EQ(locker.reservation(r.id)->state, PickupState::expired);
  EXPECT_EQ(locker.reservation(r.id)->closed_at, r.deadline);
  EXPECT_TRUE(locker.compartments()[0].item.has_value());
  EXPECT_FALSE(locker.compartments()[0].reserved);
  d.queue = {222222};
  Result<LockerReservation> second = locker.reserve(1, "M2", r.deadline + 5, d.source());
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(locker.pick_up("222222", r.deadline + 10).ok());
}

TEST(Locker, ExpirySweepReportsReleasedReservations) {
  Locker locker("L1");
  Draws d;
  const UnixSeconds t = cst("2026-12-07 08:00:00");
  ASSERT_TRUE(locker.restock(1, noodles(), t).ok());
  ASSERT_TRUE(locker.restock(2, noodles(), t).ok());
  const LockerReservation a = locker.reserve(1, "M1", t, d.source()).value();
  const LockerReservation b = locker.reserve(2, "M2", t + 3600, d.source()).value();
  EXPECT_TRUE(locker.expire(a.deadline - 1).empty());
  std::vector<LockerReservation> gone = locker.expire(a.deadline);
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(gone[0].id, a.id);
  EXPECT_EQ(locker.reservation(b.id)->state, PickupState::active);
  EXPECT_REASON(locker.pick_up(a.code, a.deadline + 1), code_expired);
}

TEST(Locker, CodesAreUniqueAmongActiveReservations) {
  Locker locker("L1");
  const UnixSeconds t = cst("2026-12-07 08:00:00");
  for (int c = 1; c <= 3; ++c) ASSERT_TRUE(locker.restock(c, noodles(), t).ok());
  Draws d;
  d.queue = {333333, 333333, 444444};
  const LockerReservation a = locker.reserve(1, "M1", t, d.source()).value();
  const LockerReservation b = locker.reserve(2, "M2", t, d.source()).value();
  EXPECT_EQ(a.code, "333333");
  EXPECT_EQ(b.code, "444444");  // 333333 was drawn again and skipped
  // A source that can only repeat an active code: the reservation is refused and nothing held.
  const RandomSource stuck = [] { return 333333u; };
  EXPECT_REASON(locker.reserve(3, "M3", t, stuck), no_code_available);
  EXPECT_FALSE(locker.compartments()[2].reserved);
  // Once picked up, a code may be handed out again.
  ASSERT_TRUE(locker.pick_up("333333", t + 60).ok());
  Result<LockerReservation> c = locker.reserve(3, "M3", t + 120, stuck);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().code, "333333");
  EXPECT_EQ(locker.pick_up("333333", t + 180).value().compartment, 3);
}

TEST(Locker, CancelReleasesTheItem) {
  Locker locker("L1");
  Draws d;
  const UnixSeconds t = cst("2026-12-07 08:00:00");
  ASSERT_TRUE(locker.restock(9, welcome(), t).ok());
  const LockerReservation r = locker.reserve(9, "M1", t, d.source()).value();
  Result<LockerReservation> c = locker.cancel(r.id, t + 10);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().state, PickupState::cancelled);
  EXPECT_REASON(locker.pick_up(r.code, t + 20), wrong_code);
  EXPECT_REASON(locker.cancel(r.id, t + 30), illegal_transition);
  EXPECT_REASON(locker.cancel("nope", t + 30), booking_not_found);
  EXPECT_TRUE(locker.reserve(9, "M2", t + 40, d.source()).ok());
}

TEST(Locker, RestockOnlyWhatNobodyReserved) {
  Locker locker("L1");
  Draws d;
  const UnixSeconds t = cst("2026-12-07 08:00:00");
  ASSERT_TRUE(locker.restock(2, noodles(), t).ok());
  ASSERT_TRUE(locker.restock(2, raincoat(), t + 60).ok());  // swapped before anyone booked it
  EXPECT_EQ(locker.compartments()[1].item->kind, LockerItemKind::raincoat);
  const LockerReservation r = locker.reserve(2, "M1", t + 120, d.source()).value();
  EXPECT_EQ(r.item.kind, LockerItemKind::raincoat);
  EXPECT_REASON(locker.restock(2, gloves(), t + 180), compartment_taken);
  // After it expires, the weekly restock may put something else in.
  EXPECT_TRUE(locker.restock(2, gloves(), r.deadline).ok());
  EXPECT_EQ(locker.reservation(r.id)->state, PickupState::expired);
}

// Value per CST month: a restock at 23:59:59 on 30 November and one at 00:00:00 on
// 1 December China time (both 30 November in UTC) land in different months.
TEST(Locker, RestockLogValuePerCstMonth) {
  Locker locker("L1");
  ASSERT_TRUE(locker.restock(1, welcome(), cst("2026-11-30 23:59:59")).ok());
  ASSERT_TRUE(locker.restock(2, raincoat(), cst("2026-12-01 00:00:00")).ok());
  // The weekly Monday restock in December, every compartment with noodles.
  for (const char* day : {"2026-12-07 08:00:00", "2026-12-14 08:00:00"})
    for (int c = 3; c <= 18; ++c) ASSERT_TRUE(locker.restock(c, noodles(), cst(day)).ok());
  EXPECT_EQ(locker.restock_log().size(), 2u + 32u);
  EXPECT_EQ(locker.restock_log()[1].item.name_en, "Raincoat");
  EXPECT_EQ(locker.restocked_value("2026-11"), 8800);
  EXPECT_EQ(locker.restocked_value("2026-12"), 2500 + 32 * 450);
  EXPECT_EQ(locker.restocked_value("2027-01"), 0);
  const auto by_month = locker.restocked_value_by_month();
  ASSERT_EQ(by_month.size(), 2u);
  EXPECT_EQ(by_month.at("2026-12"), 16900);
}

}  // namespace
}  // namespace hg
