// No-shows: only after the slot ends; strikes within the window pause booking.
#include <gtest/gtest.h>

#include "bookings_test_support.h"

namespace hg {
namespace {

using test::anyone;
using test::cst;

// One confirmed booking of member M in a fresh class on `date` 14:00–16:00 CST.
std::string confirmed_class(SlotBook& book, const std::string& slot_id, const char* date, const std::string& member) {
  Slot s = slot_in_cst_window(slot_id, SlotKind::class_session, "c", test::cst_date(date), CstWindow{14, 0, 16, 0}, 5);
  EXPECT_TRUE(book.add_slot(s).ok());
  Result<BookingChange> h = book.hold(slot_id, anyone(member), s.start - 86400 * 3);
  EXPECT_TRUE(h.ok()) << (h.ok() ? "" : h.error().en);
  if (!h.ok()) return {};
  EXPECT_TRUE(book.confirm(h.value().booking.id, s.start - 86400 * 3).ok());
  return h.value().booking.id;
}

TEST(NoShow, OnlyAfterTheSlotEnds) {
  SlotBook book;
  const std::string id = confirmed_class(book, "K1", "2026-12-10", "M");
  EXPECT_REASON(book.mark_no_show(id, cst("2026-12-10 15:59:59")), slot_not_ended);
  Result<BookingChange> r = book.mark_no_show(id, cst("2026-12-10 16:00:00"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().booking.state, BookingState::no_show);
  EXPECT_EQ(r.value().events.at(0).kind, BookingEventKind::no_show);
  EXPECT_EQ(book.taken("K1"), 0);
  EXPECT_EQ(book.blocked_until("M"), 0);  // one strike is not enough
}

TEST(NoShow, TwoWithinNinetyDaysBlockThirtyDays) {
  SlotBook book;
  const std::string a = confirmed_class(book, "K1", "2026-10-01", "M");
  const std::string b = confirmed_class(book, "K2", "2026-12-01", "M");
  ASSERT_TRUE(book.mark_no_show(a, cst("2026-10-01 18:00:00")).ok());
  const UnixSeconds marked = cst("2026-12-01 20:00:00");
  Result<BookingChange> r = book.mark_no_show(b, marked);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().events.size(), 2u);
  EXPECT_EQ(r.value().events[1].kind, BookingEventKind::member_blocked);
  EXPECT_EQ(r.value().events[1].until, marked + 30 * 86400);
  EXPECT_EQ(book.blocked_until("M"), marked + 30 * 86400);

  Slot s = slot_in_cst_window("K3", SlotKind::class_session, "c", test::cst_date("2027-02-01"), CstWindow{14, 0, 16, 0}, 5);
  ASSERT_TRUE(book.add_slot(s).ok());
  Result<BookingChange> refused = book.hold("K3", anyone("M"), marked + 30 * 86400 - 1);
  EXPECT_REASON(refused, member_blocked);
  EXPECT_EQ(refused.error().code, Errc::forbidden);
  EXPECT_NE(refused.error().zh.find("2026-12-31 20:00:00"), std::string::npos) << refused.error().zh;
  EXPECT_REASON(book.join_waitlist("K3", anyone("M"), marked + 10), member_blocked);
  EXPECT_TRUE(book.hold("K3", anyone("M"), marked + 30 * 86400).ok());
  EXPECT_TRUE(book.hold("K3", anyone("OTHER"), marked).ok());  // nobody else is affected
}

TEST(NoShow, StrikesOutsideTheWindowAreForgiven) {
  SlotBook book;
  // Slots start at 14:00 CST; 2026-09-01 and 2026-11-30 are 90 days apart exactly.
  const std::string a = confirmed_class(book, "K1", "2026-09-01", "M");
  const std::string b = confirmed_class(book, "K2", "2026-11-30", "M");
  ASSERT_TRUE(book.mark_no_show(a, cst("2026-09-02 00:00:00")).ok());
  ASSERT_TRUE(book.mark_no_show(b, cst("2026-12-01 00:00:00")).ok());
  EXPECT_EQ(book.blocked_until("M"), 0);
  // One day less apart would have counted.
  const std::string c = confirmed_class(book, "K3", "2027-02-27", "M");
  ASSERT_TRUE(book.mark_no_show(c, cst("2027-02-28 00:00:00")).ok());
  EXPECT_EQ(book.blocked_until("M"), cst("2027-02-28 00:00:00") + 30 * 86400);
}

TEST(NoShow, PolicyIsConfigurable) {
  SlotBook book(NoShowPolicy{3, 30LL * 86400, 7LL * 86400});
  const std::string a = confirmed_class(book, "K1", "2026-12-01", "M");
  const std::string b = confirmed_class(book, "K2", "2026-12-05", "M");
  const std::string c = confirmed_class(book, "K3", "2026-12-09", "M");
  ASSERT_TRUE(book.mark_no_show(a, cst("2026-12-01 17:00:00")).ok());
  ASSERT_TRUE(book.mark_no_show(b, cst("2026-12-05 17:00:00")).ok());
  EXPECT_EQ(book.blocked_until("M"), 0);
  ASSERT_TRUE(book.mark_no_show(c, cst("2026-12-09 17:00:00")).ok());
  EXPECT_EQ(book.blocked_until("M"), cst("2026-12-16 17:00:00"));
}

TEST(NoShow, SweepMarksEveryEndedConfirmedBooking) {
  SlotBook book;
  const std::string a = confirmed_class(book, "K1", "2026-12-01", "M");
  const std::string b = confirmed_class(book, "K2", "2026-12-02", "M");
  const std::string later = confirmed_class(book, "K3", "2026-12-20", "M");
  std::vector<BookingEvent> ev = book.mark_no_shows(cst("2026-12-03 00:00:00"));
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].booking_id, a);
  EXPECT_EQ(ev[1].booking_id, b);
  EXPECT_EQ(ev[2].kind, BookingEventKind::member_blocked);
  EXPECT_EQ(book.booking(later)->state, BookingState::confirmed);
}

TEST(NoShow, BlockedMembersAreDroppedFromWaitlistsOnPromotion) {
  SlotBook book;
  Slot s = slot_in_cst_window("FULL", SlotKind::class_session, "c", test::cst_date("2027-01-20"), CstWindow{14, 0, 16, 0}, 1);
  ASSERT_TRUE(book.add_slot(s).ok());
  const std::string holder = book.hold("FULL", anyone("H"), cst("2026-11-01 09:00:00")).value().booking.id;
  ASSERT_TRUE(book.confirm(holder, cst("2026-11-01 09:00:00")).ok());
  ASSERT_TRUE(book.join_waitlist("FULL", anyone("M"), cst("2026-11-01 10:00:00")).ok());
  ASSERT_TRUE(book.join_waitlist("FULL", anyone("N"), cst("2026-11-01 11:00:00")).ok());
  // M misses two classes meanwhile and is blocked.
  const std::string a = confirmed_class(book, "K1", "2026-12-01", "M");
  const std::string b = confirmed_class(book, "K2", "2026-12-02", "M");
  book.mark_no_shows(cst("2026-12-03 00:00:00"));
  ASSERT_GT(book.blocked_until("M"), cst("2026-12-10 00:00:00"));

  Result<BookingChange> freed = book.cancel(holder, cst("2026-12-10 00:00:00"));
  ASSERT_TRUE(freed.ok());
  const auto& ev = freed.value().events;
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[1].kind, BookingEventKind::waitlist_dropped);
  EXPECT_EQ(ev[1].member_id, "M");
  EXPECT_NE(ev[1].reason_en.find("no-shows"), std::string::npos) << ev[1].reason_en;
  EXPECT_EQ(ev[2].kind, BookingEventKind::promoted);
  EXPECT_EQ(ev[2].member_id, "N");
}

}  // namespace
}  // namespace hg
