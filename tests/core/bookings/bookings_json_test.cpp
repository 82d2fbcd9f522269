// Every bookings model through JSON (the wire) and portable binary (the device cache),
// with its class version; a whole SlotBook through a snapshot.
#include <gtest/gtest.h>

#include "bookings_test_support.h"
#include "core/bookings/locker_models.h"
#include "core/bookings/subsidy_statement.h"
#include "core/json.h"

namespace hg {

// Field-by-field equality, here rather than in core: only the tests need it.
static bool operator==(const Package& a, const Package& b) {
  return a.id == b.id && a.name_zh == b.name_zh && a.name_en == b.name_en && a.value_fen == b.value_fen &&
         a.copay_fen == b.copay_fen;
}
static bool operator==(const Plan& a, const Plan& b) {
  return a.id == b.id && a.name_zh == b.name_zh && a.name_en == b.name_en && a.yearly_quota == b.yearly_quota &&
         a.packages == b.packages && a.eligible == b.eligible && a.allowance_period == b.allowance_period &&
         a.allowance == b.allowance;
}
static bool operator==(const Slot& a, const Slot& b) {
  return a.id == b.id && a.kind == b.kind && a.resource_id == b.resource_id && a.plan_id == b.plan_id &&
         a.title_zh == b.title_zh && a.title_en == b.title_en && a.start == b.start && a.end == b.end &&
         a.capacity == b.capacity && a.book_until == b.book_until && a.cancel_until == b.cancel_until &&
         a.hold_seconds == b.hold_seconds;
}
static bool operator==(const Booking& a, const Booking& b) {
  return a.id == b.id && a.slot_id == b.slot_id && a.member_id == b.member_id && a.state == b.state &&
         a.package_id == b.package_id && a.value_fen == b.value_fen && a.copay_fen == b.copay_fen &&
         a.union_share_fen == b.union_share_fen && a.copay_collected_fen == b.copay_collected_fen &&
         a.from_waitlist == b.from_waitlist && a.created_at == b.created_at && a.hold_expires_at == b.hold_expires_at &&
         a.confirmed_at == b.confirmed_at && a.closed_at == b.closed_at;
}
static bool operator==(const WaitlistEntry& a, const WaitlistEntry& b) {
  return a.slot_id == b.slot_id && a.member_id == b.member_id && a.occupation == b.occupation &&
         a.package_id == b.package_id && a.joined_at == b.joined_at;
}
static bool operator==(const LockerItem& a, const LockerItem& b) {
  return a.kind == b.kind && a.name_zh == b.name_zh && a.name_en == b.name_en && a.value_fen == b.value_fen;
}
static bool operator==(const LockerReservation& a, const LockerReservation& b) {
  return a.id == b.id && a.locker_id == b.locker_id && a.compartment == b.compartment && a.member_id == b.member_id &&
         a.code == b.code && a.item == b.item && a.state == b.state && a.reserved_at == b.reserved_at &&
         a.deadline == b.deadline && a.closed_at == b.closed_at;
}
static bool operator==(const RestockEntry& a, const RestockEntry& b) {
  return a.locker_id == b.locker_id && a.compartment == b.compartment && a.item == b.item && a.at == b.at;
}
static bool operator==(const BookingEvent& a, const BookingEvent& b) {
  return a.kind == b.kind && a.slot_id == b.slot_id && a.member_id == b.member_id && a.booking_id == b.booking_id &&
         a.at == b.at && a.until == b.until && a.reason_zh == b.reason_zh && a.reason_en == b.reason_en;
}
static bool operator==(const SubsidyLine& a, const SubsidyLine& b) {
  return a.package_id == b.package_id && a.checks == b.checks && a.value_fen == b.value_fen &&
         a.copay_fen == b.copay_fen && a.union_share_fen == b.union_share_fen;
}
static bool operator==(const SubsidyStatement& a, const SubsidyStatement& b) {
  return a.clinic_id == b.clinic_id && a.month == b.month && a.lines == b.lines && a.total == b.total &&
         a.booking_ids == b.booking_ids;
}
static bool operator==(const MemberStanding& a, const MemberStanding& b) {
  return a.member_id == b.member_id && a.no_shows == b.no_shows && a.blocked_until == b.blocked_until;
}
static bool operator==(const SlotBookSnapshot& a, const SlotBookSnapshot& b) {
  return a.plans == b.plans && a.slots == b.slots && a.bookings == b.bookings && a.waitlist == b.waitlist &&
         a.standings == b.standings;
}

namespace {

using test::cst;

template <class T>
void expect_round_trips(const T& value, const char* name) {
  const std::string json = to_json(name, value);
  EXPECT_NE(json.find("\"cereal_class_version\": 1"), std::string::npos) << json;
  Result<T> back = from_json<T>(json, name);
  ASSERT_TRUE(back.ok()) << back.error().en << "\n" << json;
  EXPECT_TRUE(back.value() == value) << json;
  Result<T> bin = from_binary<T>(to_binary(value));
  ASSERT_TRUE(bin.ok()) << bin.error().en;
  EXPECT_TRUE(bin.value() == value);
}

Booking sample_booking() {
  Booking b;
  b.id = "0SQ3K5X2M8N4P";
  b.slot_id = "C1-2026-12-31";
  b.member_id = "M1";
  b.state = BookingState::checked_in;
  b.package_id = "plus";
  b.value_fen = 54500;
  b.copay_fen = b.copay_collected_fen = 15000;
  b.union_share_fen = 39500;
  b.from_waitlist = true;
  b.created_at = cst("2026-12-01 09:00:00");
  b.hold_expires_at = b.created_at + 900;
  b.confirmed_at = b.created_at + 60;
  b.closed_at = cst("2026-12-31 08:30:00");
  return b;
}

TEST(BookingsJson, EveryModelRoundTrips) {
  const Plan plan = test::health_plan();
  expect_round_trips(plan, "plan");
  expect_round_trips(plan.packages[1], "package");
  Slot slot = test::clinic_slot("C1-2026-12-31", "2026-12-31", 20);
  slot.title_zh = "鼓楼区体检中心 上午场";
  slot.title_en = "Gulou health centre, morning";
  expect_round_trips(slot, "slot");
  expect_round_trips(sample_booking(), "booking");
  expect_round_trips(WaitlistEntry{"S", "M2", Occupation::courier, "basic", -5}, "waitlist_entry");
  const LockerItem item{LockerItemKind::welcome_pack, "入会大礼包", "Welcome pack \"新会员\"", 8800};
  expect_round_trips(item, "item");
  LockerReservation r;
  r.id = "R1";
  r.locker_id = "L1";
  r.compartment = 18;
  r.member_id = "M3";
  r.code = "004271";  // leading zeros must survive: a code is text, not a number
  r.item = item;
  r.state = PickupState::expired;
  r.reserved_at = 1;
  r.deadline = 86401;
  r.closed_at = 86401;
  expect_round_trips(r, "locker_reservation");
  expect_round_trips(RestockEntry{"L1", 3, item, cst("2026-12-07 08:00:00")}, "restock");
  BookingEvent e;
  e.kind = BookingEventKind::waitlist_dropped;
  e.slot_id = "S";
  e.member_id = "M4";
  e.at = 7;
  e.reason_zh = "本期预约次数已用完";
  e.reason_en = "You have used your allowance for this period";
  expect_round_trips(e, "event");
  SubsidyStatement st;
  st.clinic_id = "C1";
  st.month = "2026-12";
  st.lines = {SubsidyLine{"basic", 2, 93000, 20000, 73000}};
  st.total = st.lines[0];
  st.booking_ids = {"A", "B"};
  expect_round_trips(st, "statement");
  expect_round_trips(MemberStanding{"M1", {1, 2}, 3}, "standing");
}

TEST(BookingsJson, EnumsAndMoneyAreNumbersOnTheWire) {
  const std::string json = to_json("booking", sample_booking());
  EXPECT_NE(json.find("\"state\": 2"), std::string::npos) << json;  // checked_in
  EXPECT_NE(json.find("\"union_share_fen\": 39500"), std::string::npos) << json;
  const std::string locker = to_json("r", LockerReservation{});
  EXPECT_NE(locker.find("\"code\": \"\""), std::string::npos) << locker;
}

TEST(BookingsJson, MalformedInputIsAnErrorNotACrash) {
  for (const char* bad : {"", "{", "{\"booking\": 5}", "{\"booking\": {\"cereal_class_version\": 1}}",
                          "{\"booking\": {\"cereal_class_version\": 1, \"id\": 7}}"}) {
    Result<Booking> r = from_json<Booking>(bad, "booking");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, Errc::invalid_input);
  }
}

TEST(BookingsSnapshot, AWholeBookSurvivesJsonAndKeepsWorking) {
  SlotBook book;
  ASSERT_TRUE(book.add_plan(test::health_plan()).ok());
  ASSERT_TRUE(book.add_slot(test::clinic_slot("S1", "2026-12-10", 1)).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string held = book.hold("S1", test::rider("R1"), now).value().booking.id;
  ASSERT_TRUE(book.join_waitlist("S1", test::rider("R2"), now + 5).ok());
  const SlotBookSnapshot snap = book.snapshot();
  const std::string json = to_json("slot_book", snap);
  Result<SlotBookSnapshot> parsed = from_json<SlotBookSnapshot>(json, "slot_book", 1 << 20);
  ASSERT_TRUE(parsed.ok()) << parsed.error().en;
  EXPECT_TRUE(parsed.value() == snap);

  Result<SlotBook> loaded = SlotBook::restore(parsed.value());
  ASSERT_TRUE(loaded.ok()) << loaded.error().en;
  SlotBook& again = loaded.value();
  EXPECT_EQ(again.taken("S1"), 1);
  EXPECT_EQ(again.allowance_used("HC", "R1", "2026"), 1);
  EXPECT_REASON(again.hold("S1", test::rider("R3"), now + 10), slot_full);
  // The restored hold still lapses on time and promotes the restored waitlist.
  std::vector<BookingEvent> ev = again.expire_holds(now + 15 * 60);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].booking_id, held);
  EXPECT_EQ(ev[1].kind, BookingEventKind::promoted);
  EXPECT_EQ(ev[1].member_id, "R2");
}

TEST(BookingsSnapshot, InconsistentDataIsRefused) {
  SlotBook book;
  ASSERT_TRUE(book.add_slot(slot_in_cst_window("K", SlotKind::class_session, "c", test::cst_date("2026-12-10"),
                                               CstWindow{14, 0, 16, 0}, 1))
                  .ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  ASSERT_TRUE(book.hold("K", test::anyone("A"), now).ok());
  SlotBookSnapshot snap = book.snapshot();
  Booking twin = snap.bookings[0];
  twin.id = "OTHER";
  snap.bookings.push_back(twin);  // the same member twice, and over capacity
  Result<SlotBook> r = SlotBook::restore(snap);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::internal);
  snap.bookings.back().member_id = "B";  // now only over capacity
  EXPECT_FALSE(SlotBook::restore(snap).ok());
  snap.bookings.back().state = BookingState::cancelled;  // a cancelled extra is fine
  EXPECT_TRUE(SlotBook::restore(snap).ok());
  snap.bookings.back().slot_id = "missing";
  EXPECT_FALSE(SlotBook::restore(snap).ok());
}

}  // namespace
}  // namespace hg
