// Waitlists: joined only when full, promoted first come first served (ties by member id)
// whenever a place frees, re-checked on promotion.
#include <gtest/gtest.h>

#include "bookings_test_support.h"

namespace hg {
namespace {

using test::anyone;
using test::cst;

struct Fixture {
  SlotBook book;
  UnixSeconds now = cst("2026-12-01 09:00:00");
  std::string first;  // the one place's holder

  explicit Fixture(std::int32_t capacity = 1) {
    Slot s = slot_in_cst_window("K1", SlotKind::class_session, "c", test::cst_date("2026-12-10"), CstWindow{14, 0, 16, 0},
                                capacity);
    EXPECT_TRUE(book.add_slot(s).ok());
    first = book.hold("K1", anyone("HOLDER"), now).value().booking.id;
    for (int i = 1; i < capacity; ++i) book.hold("K1", anyone("H" + std::to_string(i)), now);
  }
};

TEST(Waitlist, OnlyWhenFull) {
  SlotBook book;
  Slot s = slot_in_cst_window("K1", SlotKind::class_session, "c", test::cst_date("2026-12-10"), CstWindow{14, 0, 16, 0}, 2);
  ASSERT_TRUE(book.add_slot(s).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  ASSERT_TRUE(book.hold("K1", anyone("A"), now).ok());
  EXPECT_REASON(book.join_waitlist("K1", anyone("B"), now), places_available);
  EXPECT_REASON(book.join_waitlist("K1", anyone("A"), now), already_booked);
  ASSERT_TRUE(book.hold("K1", anyone("B"), now).ok());
  Result<WaitlistChange> w = book.join_waitlist("K1", anyone("C"), now);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.value().position, 1);
  EXPECT_EQ(w.value().events.at(0).kind, BookingEventKind::waitlisted);
  EXPECT_REASON(book.join_waitlist("K1", anyone("C"), now + 1), already_waitlisted);
}

TEST(Waitlist, PromotesInJoinOrderTiesByMemberId) {
  Fixture f;
  // Same second: ids decide (B before C); later join (A) goes after both despite its id.
  ASSERT_TRUE(f.book.join_waitlist("K1", anyone("C"), f.now + 10).ok());
  Result<WaitlistChange> b = f.book.join_waitlist("K1", anyone("B"), f.now + 10);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.value().position, 1);
  Result<WaitlistChange> a = f.book.join_waitlist("K1", anyone("A"), f.now + 20);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value().position, 3);
  ASSERT_TRUE(f.book.join_waitlist("K1", anyone("D"), f.now + 5).ok());  // a retry that carries an earlier time
  std::vector<std::string> order;
  for (const WaitlistEntry& e : f.book.waitlist("K1")) order.push_back(e.member_id);
  EXPECT_EQ(order, (std::vector<std::string>{"D", "B", "C", "A"}));

  // Each freed place promotes exactly the head.
  std::vector<std::string> promoted;
  std::string holder = f.first;
  for (int i = 0; i < 4; ++i) {
    Result<BookingChange> freed = f.book.cancel(holder, f.now + 100 + i);
    ASSERT_TRUE(freed.ok());
    const std::vector<BookingEvent>& ev = freed.value().events;
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(ev[0].kind, BookingEventKind::cancelled);
    EXPECT_EQ(ev[1].kind, BookingEventKind::promoted);
    EXPECT_EQ(event_text(ev[1], false), "promoted member " + ev[1].member_id + " from the waitlist of slot K1");
    EXPECT_NE(event_text(ev[1], true).find("由候补转为占位"), std::string::npos);
    promoted.push_back(ev[1].member_id);
    const Booking* b2 = f.book.booking(ev[1].booking_id);
    ASSERT_NE(b2, nullptr);
    EXPECT_EQ(b2->state, BookingState::held);
    EXPECT_TRUE(b2->from_waitlist);
    EXPECT_EQ(b2->hold_expires_at, f.now + 100 + i + 15 * 60);  // a fresh hold to confirm
    EXPECT_EQ(f.book.taken("K1"), 1);
    holder = b2->id;
  }
  EXPECT_EQ(promoted, (std::vector<std::string>{"D", "B", "C", "A"}));
  EXPECT_TRUE(f.book.waitlist("K1").empty());
}

TEST(Waitlist, HoldExpiryPromotesTheHead) {
  Fixture f;
  ASSERT_TRUE(f.book.join_waitlist("K1", anyone("W1"), f.now + 1).ok());
  ASSERT_TRUE(f.book.join_waitlist("K1", anyone("W2"), f.now + 2).ok());
  std::vector<BookingEvent> ev = f.book.expire_holds(f.now + 15 * 60);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].kind, BookingEventKind::hold_expired);
  EXPECT_EQ(ev[0].member_id, "HOLDER");
  EXPECT_EQ(ev[1].kind, BookingEventKind::promoted);
  EXPECT_EQ(ev[1].member_id, "W1");
  EXPECT_EQ(f.book.taken("K1"), 1);
  ASSERT_EQ(f.book.waitlist("K1").size(), 1u);
  EXPECT_EQ(f.book.waitlist("K1")[0].member_id, "W2");

  // W1 does not confirm either: the place moves on to W2.
  ev = f.book.expire_holds(f.now + 30 * 60);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].member_id, "W1");
  EXPECT_EQ(ev[1].kind, BookingEventKind::promoted);
  EXPECT_EQ(ev[1].member_id, "W2");
  EXPECT_TRUE(f.book.waitlist("K1").empty());
}

TEST(Waitlist, LapseNoticedByAnotherRequestStillPromotes) {
  Fixture f;
  ASSERT_TRUE(f.book.join_waitlist("K1", anyone("W1"), f.now + 1).ok());
  // Nobody ran the sweep; a newcomer arrives after the hold lapsed and finds the place
  // already given to the waitlist head — first come, first served.
  EXPECT_REASON(f.book.hold("K1", anyone("LATE"), f.now + 3600), slot_full);
  std::vector<BookingEvent> ev = f.book.take_events();
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[1].kind, BookingEventKind::promoted);
  EXPECT_EQ(ev[1].member_id, "W1");
}

TEST(Waitlist, LeavingAndBookingDirectlyRemoveTheEntry) {
  Fixture f(2);
  ASSERT_TRUE(f.book.join_waitlist("K1", anyone("W1"), f.now).ok());
  ASSERT_TRUE(f.book.join_waitlist("K1", anyone("W2"), f.now).ok());
  Result<WaitlistChange> left = f.book.leave_waitlist("K1", "W1", f.now);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left.value().events.at(0).kind, BookingEventKind::left_waitlist);
  EXPECT_REASON(f.book.leave_waitlist("K1", "W1", f.now), not_waitlisted);
  ASSERT_EQ(f.book.waitlist("K1").size(), 1u);
}

TEST(Waitlist, NoPromotionOnceBookingClosed) {
  SlotBook book;
  Slot s = slot_in_cst_window("K1", SlotKind::class_session, "c", test::cst_date("2026-12-10"), CstWindow{14, 0, 16, 0}, 1);
  s.cancel_until = s.end;  // this class lets members cancel any time
  ASSERT_TRUE(book.add_slot(s).ok());
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string holder = book.hold("K1", anyone("H"), now).value().booking.id;
  ASSERT_TRUE(book.confirm(holder, now).ok());
  ASSERT_TRUE(book.join_waitlist("K1", anyone("W"), now).ok());
  // Freed after the class began: nobody on the waitlist can still make use of it.
  Result<BookingChange> r = book.cancel(holder, s.start + 60);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().events.size(), 1u);
  EXPECT_EQ(book.taken("K1"), 0);
  EXPECT_EQ(book.waitlist("K1").size(), 1u);
  EXPECT_REASON(book.join_waitlist("K1", anyone("W2"), s.start), booking_closed);
  EXPECT_REASON(book.hold("K1", anyone("W2"), s.start), booking_closed);
}

}  // namespace
}  // namespace hg
