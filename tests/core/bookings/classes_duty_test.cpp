// Skills classes and "station master for a day" shifts run on the same engine as health
// checks: only the slot's numbers differ.
#include <gtest/gtest.h>

#include "bookings_test_support.h"

namespace hg {
namespace {

using test::anyone;
using test::cst;

TEST(Classes, SessionsFillUpWaitlistAndPromote) {
  SlotBook book;
  // A forklift course: two evening sessions of 3 seats each.
  for (const char* date : {"2026-12-08", "2026-12-15"}) {
    Slot s = slot_in_cst_window(std::string("FORK-") + date, SlotKind::class_session, "forklift", test::cst_date(date),
                                CstWindow{19, 0, 21, 0}, 3);
    s.title_zh = "叉车操作培训";
    s.title_en = "Forklift training";
    ASSERT_TRUE(book.add_slot(s).ok());
  }
  const UnixSeconds now = cst("2026-12-01 12:00:00");
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    Result<BookingChange> r = book.hold("FORK-2026-12-08", anyone("W" + std::to_string(i)), now);
    ASSERT_TRUE(r.ok());
    ids.push_back(r.value().booking.id);
    ASSERT_TRUE(book.confirm(ids.back(), now + 30).ok());
  }
  EXPECT_REASON(book.hold("FORK-2026-12-08", anyone("W3"), now), slot_full);
  ASSERT_TRUE(book.join_waitlist("FORK-2026-12-08", anyone("W3"), now + 60).ok());
  // The other session is a separate slot with its own seats.
  EXPECT_TRUE(book.hold("FORK-2026-12-15", anyone("W0"), now).ok());
  Result<BookingChange> c = book.cancel(ids[1], cst("2026-12-07 21:00:00"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().events.back().kind, BookingEventKind::promoted);
  EXPECT_EQ(c.value().events.back().member_id, "W3");
  EXPECT_EQ(book.taken("FORK-2026-12-08"), 3);
  // Attendance is taken like a check-in; no fee for union classes.
  EXPECT_TRUE(book.check_in(ids[0], 0, cst("2026-12-08 18:55:00")).ok());
}

TEST(StationDuty, OneMasterPerStationDay) {
  SlotBook book;
  // 当一天站长: one cadre per station per day, 09:00–18:00; sign-up closes the day before.
  for (const char* date : {"2026-12-12", "2026-12-13"}) {
    Slot s = slot_in_cst_window(std::string("GL-") + date, SlotKind::station_duty, "gulou-station-3",
                                test::cst_date(date), CstWindow{9, 0, 18, 0}, 1);
    s.book_until = period_start(Period::Day, s.start);
    s.hold_seconds = 3600;
    ASSERT_TRUE(book.add_slot(s).ok());
  }
  const UnixSeconds now = cst("2026-12-01 10:00:00");
  Result<BookingChange> a = book.hold("GL-2026-12-12", anyone("CADRE-1"), now);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value().booking.hold_expires_at, now + 3600);
  ASSERT_TRUE(book.confirm(a.value().booking.id, now + 60).ok());
  EXPECT_REASON(book.hold("GL-2026-12-12", anyone("CADRE-2"), now), slot_full);
  EXPECT_TRUE(book.hold("GL-2026-12-13", anyone("CADRE-2"), now).ok());
  EXPECT_REASON(book.hold("GL-2026-12-13", anyone("CADRE-1"), now), slot_full);
  // Sign-up for the 12th closed at 00:00 CST on the 12th.
  EXPECT_REASON(book.join_waitlist("GL-2026-12-12", anyone("CADRE-3"), cst("2026-12-12 00:00:00")), booking_closed);
  EXPECT_TRUE(book.join_waitlist("GL-2026-12-12", anyone("CADRE-3"), cst("2026-12-11 23:59:59")).ok());
  // The cadre did the shift: checked in on the morning.
  EXPECT_TRUE(book.check_in(a.value().booking.id, 0, cst("2026-12-12 08:58:00")).ok());
}

}  // namespace
}  // namespace hg
