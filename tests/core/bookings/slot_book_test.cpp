// The capacity engine: holds, confirmation, cancellation cut-offs, check-in, lapses.
#include <gtest/gtest.h>

#include "bookings_test_support.h"

namespace hg {
namespace {

using test::anyone;
using test::cst;

// A class of `capacity` seats on 2026-12-10 14:00–16:00 CST; holds last 15 minutes.
SlotBook class_book(std::int32_t capacity) {
  SlotBook book;
  Slot s = slot_in_cst_window("K1", SlotKind::class_session, "electrician-course", test::cst_date("2026-12-10"),
                              CstWindow{14, 0, 16, 0}, capacity);
  EXPECT_TRUE(book.add_slot(s).ok());
  return book;
}

TEST(SlotBook, CapacityIsNeverExceeded) {
  SlotBook book = class_book(3);
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(book.hold("K1", anyone("M" + std::to_string(i)), now).ok());
  EXPECT_EQ(book.taken("K1"), 3);
  EXPECT_EQ(book.available("K1"), 0);
  EXPECT_REASON(book.hold("K1", anyone("M9"), now), slot_full);
  EXPECT_EQ(book.taken("K1"), 3);
  EXPECT_EQ(book.bookings_in("K1").size(), 3u);
}

TEST(SlotBook, NoMemberTwiceInOneSlot) {
  SlotBook book = class_book(5);
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  Result<BookingChange> first = book.hold("K1", anyone("M1"), now);
  ASSERT_TRUE(first.ok());
  EXPECT_REASON(book.hold("K1", anyone("M1"), now), already_booked);
  ASSERT_TRUE(book.confirm(first.value().booking.id, now).ok());
  EXPECT_REASON(book.hold("K1", anyone("M1"), now + 60), already_booked);
  // Once cancelled, the member may book again.
  ASSERT_TRUE(book.cancel(first.value().booking.id, now + 120).ok());
  EXPECT_TRUE(book.hold("K1", anyone("M1"), now + 180).ok());
  EXPECT_EQ(book.taken("K1"), 1);
}

TEST(SlotBook, HoldConfirmCheckInWithEvents) {
  SlotBook book = class_book(2);
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  Result<BookingChange> h = book.hold("K1", anyone("M1"), now);
  ASSERT_TRUE(h.ok());
  const Booking& b = h.value().booking;
  EXPECT_EQ(b.state, BookingState::held);
  EXPECT_EQ(b.hold_expires_at, now + 15 * 60);
  ASSERT_EQ(h.value().events.size(), 1u);
  EXPECT_EQ(h.value().events[0].kind, BookingEventKind::held);
  EXPECT_EQ(h.value().events[0].booking_id, b.id);

  Result<BookingChange> c = book.confirm(b.id, now + 60);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().booking.state, BookingState::confirmed);
  EXPECT_EQ(c.value().booking.confirmed_at, now + 60);

  Result<BookingChange> in = book.check_in(b.id, 0, cst("2026-12-10 13:50:00"));
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in.value().booking.state, BookingState::checked_in);
  EXPECT_EQ(in.value().events.at(0).kind, BookingEventKind::checked_in);
  EXPECT_EQ(book.taken("K1"), 1);  // a checked-in member still has the seat
}

TEST(SlotBook, UnknownIdsAreNotFound) {
  SlotBook book = class_book(1);
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  EXPECT_REASON(book.hold("nope", anyone("M1"), now), slot_not_found);
  EXPECT_REASON(book.confirm("nope", now), booking_not_found);
  EXPECT_REASON(book.cancel("nope", now), booking_not_found);
  EXPECT_REASON(book.check_in("nope", 0, now), booking_not_found);
  EXPECT_REASON(book.mark_no_show("nope", now), booking_not_found);
  EXPECT_REASON(book.join_waitlist("nope", anyone("M1"), now), slot_not_found);
  EXPECT_EQ(book.hold("nope", anyone("M1"), now).error().http_status(), 404);
}

TEST(SlotBook, SlotsAreValidated) {
  SlotBook book = class_book(1);
  Slot s = *book.slot("K1");
  EXPECT_REASON(book.add_slot(s), duplicate_id);
  s.id = "K2";
  s.end = s.start;
  EXPECT_REASON(book.add_slot(s), invalid_slot);
  s = *book.slot("K1");
  s.id = "K3";
  s.capacity = -1;
  EXPECT_REASON(book.add_slot(s), invalid_slot);
  s.capacity = 1;
  s.kind = SlotKind::health_check;  // a health check must name its plan
  EXPECT_REASON(book.add_slot(s), invalid_slot);
  s.plan_id = "missing";
  EXPECT_REASON(book.add_slot(s), plan_not_found);
}

TEST(SlotBook, IllegalTransitionsAreTypedErrorsInBothLanguages) {
  SlotBook book = class_book(2);
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string id = book.hold("K1", anyone("M1"), now).value().booking.id;
  // held → checked_in skips confirmation.
  Result<BookingChange> r = book.check_in(id, 0, now);
  EXPECT_REASON(r, illegal_transition);
  EXPECT_EQ(r.error().code, Errc::conflict);
  EXPECT_NE(r.error().zh.find("已占位 → 已签到"), std::string::npos) << r.error().zh;
  EXPECT_NE(r.error().en.find("held → checked in"), std::string::npos) << r.error().en;
  EXPECT_REASON(book.mark_no_show(id, now + 60), illegal_transition);

  ASSERT_TRUE(book.confirm(id, now).ok());
  EXPECT_REASON(book.confirm(id, now), illegal_transition);  // confirmed → confirmed
  ASSERT_TRUE(book.cancel(id, now).ok());
  for (auto* op : {+[](SlotBook& b, const std::string& i, UnixSeconds t) { return b.confirm(i, t); },
                   +[](SlotBook& b, const std::string& i, UnixSeconds t) { return b.cancel(i, t); },
                   +[](SlotBook& b, const std::string& i, UnixSeconds t) { return b.check_in(i, 0, t); },
                   +[](SlotBook& b, const std::string& i, UnixSeconds t) { return b.mark_no_show(i, t); }}) {
    Result<BookingChange> again = op(book, id, cst("2026-12-11 00:00:00"));
    EXPECT_REASON(again, illegal_transition);
    EXPECT_NE(again.error().en.find("cancelled →"), std::string::npos) << again.error().en;
  }
  EXPECT_EQ(book.booking(id)->state, BookingState::cancelled);
  EXPECT_EQ(book.taken("K1"), 0);
}

TEST(SlotBook, HoldExpiryFreesThePlace) {
  SlotBook book = class_book(1);
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string id = book.hold("K1", anyone("M1"), now).value().booking.id;
  EXPECT_REASON(book.hold("K1", anyone("M2"), now + 15 * 60 - 1), slot_full);
  // At the deadline the hold is gone: confirming is refused, the place is free.
  EXPECT_REASON(book.confirm(id, now + 15 * 60), hold_expired);
  EXPECT_EQ(book.booking(id)->state, BookingState::expired);
  EXPECT_EQ(book.booking(id)->closed_at, now + 15 * 60);
  EXPECT_EQ(book.taken("K1"), 0);
  // The lapse happened during a refused request; its event is still delivered, once.
  std::vector<BookingEvent> pending = book.take_events();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].kind, BookingEventKind::hold_expired);
  EXPECT_EQ(pending[0].booking_id, id);
  EXPECT_TRUE(book.take_events().empty());
  EXPECT_TRUE(book.hold("K1", anyone("M2"), now + 15 * 60).ok());
}

TEST(SlotBook, ExpireHoldsSweepsOnlyDueHolds) {
  SlotBook book = class_book(3);
  const UnixSeconds now = cst("2026-12-01 09:00:00");
  const std::string a = book.hold("K1", anyone("A"), now).value().booking.id;
  const std::string b = book.hold("K1", anyone("B"), now + 100).value().booking.id;
  const std::string c = book.hold("K1", anyone("C"), now + 200).value().booking.id;
  ASSERT_TRUE(book.confirm(c, now + 300).ok());
  std::vector<BookingEvent> ev = book.expire_holds(now + 15 * 60 + 50);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].booking_id, a);
  EXPECT_EQ(book.booking(b)->state, BookingState::held);
  ev = book.expire_holds(now + 3600);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].booking_id, b);
  EXPECT_EQ(book.booking(c)->state, BookingState::confirmed);
  EXPECT_EQ(book.taken("K1"), 1);
  EXPECT_TRUE(book.expire_holds(now + 7200).empty());
}

TEST(SlotBook, HoldNeverOutlivesTheSlot) {
  SlotBook book;
  Slot s = slot_in_cst_window("K1", SlotKind::class_session, "c", test::cst_date("2026-12-10"), CstWindow{14, 0, 16, 0}, 1);
  s.book_until = s.end - 60;
  s.hold_seconds = 3600;
  ASSERT_TRUE(book.add_slot(s).ok());
  Result<BookingChange> h = book.hold("K1", anyone("M1"), s.end - 600);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h.value().booking.hold_expires_at, s.end);
}

TEST(SlotBook, BookingClosesWhenTheSlotStarts) {
  SlotBook book = class_book(2);
  EXPECT_TRUE(book.hold("K1", anyone("M1"), cst("2026-12-10 13:59:59")).ok());
  EXPECT_REASON(book.hold("K1", anyone("M2"), cst("2026-12-10 14:00:00")), booking_closed);
}

// Default cut-off: cancel before 00:00 CST on the day of the slot, i.e. by 23:59:59 the
// day before — not 08:00, which is where a UTC midnight would put it.
TEST(SlotBook, CancelCutOffIsMidnightChinaTime) {
  SlotBook book = class_book(2);
  const UnixSeconds booked = cst("2026-12-01 09:00:00");
  const std::string a = book.hold("K1", anyone("A"), booked).value().booking.id;
  const std::string b = book.hold("K1", anyone("B"), booked).value().booking.id;
  ASSERT_TRUE(book.confirm(a, booked).ok());
  ASSERT_TRUE(book.confirm(b, booked).ok());
  EXPECT_EQ(book.slot("K1")->cancel_until, cst("2026-12-10 00:00:00"));

  Result<BookingChange> ok = book.cancel(a, cst("2026-12-09 23:59:59"));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().booking.state, BookingState::cancelled);
  EXPECT_EQ(book.taken("K1"), 1);  // the place returns

  EXPECT_REASON(book.cancel(b, cst("2026-12-10 00:00:00")), cancel_cutoff_passed);
  EXPECT_REASON(book.cancel(b, cst("2026-12-10 07:59:59")), cancel_cutoff_passed);
  EXPECT_EQ(book.booking(b)->state, BookingState::confirmed);
  EXPECT_EQ(book.taken("K1"), 1);
}

TEST(SlotBook, AHoldCanBeReleasedAfterTheCutOff) {
  SlotBook book = class_book(1);
  const std::string id = book.hold("K1", anyone("A"), cst("2026-12-10 13:55:00")).value().booking.id;
  Result<BookingChange> r = book.cancel(id, cst("2026-12-10 13:56:00"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(book.taken("K1"), 0);
}

TEST(SlotBook, CheckInOnlyOnTheDayBeforeTheSlotEnds) {
  SlotBook book = class_book(1);
  const std::string id = book.hold("K1", anyone("A"), cst("2026-12-01 09:00:00")).value().booking.id;
  ASSERT_TRUE(book.confirm(id, cst("2026-12-01 09:01:00")).ok());
  EXPECT_REASON(book.check_in(id, 0, cst("2026-12-10 16:00:00")), slot_ended);
  EXPECT_REASON(book.check_in(id, 0, cst("2026-12-09 23:59:59")), check_in_not_open);
  EXPECT_REASON(book.check_in(id, 500, cst("2026-12-10 15:59:59")), wrong_copay);  // a free class
  EXPECT_TRUE(book.check_in(id, 0, cst("2026-12-10 15:59:59")).ok());
}

}  // namespace
}  // namespace hg
