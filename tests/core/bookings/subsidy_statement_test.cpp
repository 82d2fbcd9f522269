// The monthly statement a clinic bills the union with: checked-in checks only, in the CST
// month the check took place, union share = value − co-pay, to the fen.
#include <gtest/gtest.h>

#include "bookings_test_support.h"
#include "core/bookings/subsidy_statement.h"

namespace hg {
namespace {

using test::cst;
using test::rider;

TEST(SubsidyStatement, UnionShareOfCheckedInBookingsPerClinicAndCstMonth) {
  SlotBook book;
  ASSERT_TRUE(book.add_plan(test::health_plan()).ok());
  // C1: 30 Nov and 1 Dec (CST); C2: 1 Dec. The 1 Dec 08:00 CST slot is 30 Nov in UTC.
  ASSERT_TRUE(book.add_slot(test::clinic_slot("C1-1130", "2026-11-30", 10, "C1")).ok());
  ASSERT_TRUE(book.add_slot(test::clinic_slot("C1-1201", "2026-12-01", 10, "C1")).ok());
  ASSERT_TRUE(book.add_slot(test::clinic_slot("C2-1201", "2026-12-01", 10, "C2")).ok());
  const UnixSeconds booked = cst("2026-11-20 09:00:00");
  int n = 0;
  auto check = [&](const std::string& slot, const char* pkg, bool show_up) {
    const Booking b = book.hold(slot, rider("R" + std::to_string(n++), pkg), booked).value().booking;
    EXPECT_TRUE(book.confirm(b.id, booked).ok());
    const UnixSeconds at = book.slot(slot)->start + 600;
    if (show_up) {
      EXPECT_TRUE(book.check_in(b.id, b.copay_fen, at).ok());
    }
    return b.id;
  };
  check("C1-1130", "basic", true);
  const std::string d1 = check("C1-1201", "basic", true);
  const std::string d2 = check("C1-1201", "plus", true);
  const std::string d3 = check("C1-1201", "plus", true);
  check("C1-1201", "plus", false);  // confirmed but never came: the union pays nothing
  check("C2-1201", "basic", true);  // another clinic
  const std::string cancelled = book.hold("C1-1201", rider("X", "basic"), booked).value().booking.id;
  ASSERT_TRUE(book.cancel(cancelled, booked + 1).ok());

  const SubsidyStatement st = subsidy_statement("C1", "2026-12", book.slots(), book.bookings());
  EXPECT_EQ(st.clinic_id, "C1");
  EXPECT_EQ(st.month, "2026-12");
  ASSERT_EQ(st.lines.size(), 2u);
  EXPECT_EQ(st.lines[0].package_id, "basic");
  EXPECT_EQ(st.lines[0].checks, 1);
  EXPECT_EQ(st.lines[0].union_share_fen, 36500);
  EXPECT_EQ(st.lines[1].package_id, "plus");
  EXPECT_EQ(st.lines[1].checks, 2);
  EXPECT_EQ(st.lines[1].value_fen, 2 * 54500);
  EXPECT_EQ(st.lines[1].copay_fen, 2 * 15000);
  EXPECT_EQ(st.lines[1].union_share_fen, 2 * 39500);
  EXPECT_EQ(st.total.checks, 3);
  EXPECT_EQ(st.total.value_fen, 46500 + 2 * 54500);
  EXPECT_EQ(st.total.union_share_fen, 36500 + 2 * 39500);
  EXPECT_EQ(st.total.value_fen, st.total.copay_fen + st.total.union_share_fen);
  std::vector<std::string> ids = {d1, d2, d3};
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(st.booking_ids, ids);

  const SubsidyStatement nov = subsidy_statement("C1", "2026-11", book.slots(), book.bookings());
  EXPECT_EQ(nov.total.checks, 1);
  EXPECT_EQ(nov.total.union_share_fen, 36500);
  const SubsidyStatement none = subsidy_statement("C3", "2026-12", book.slots(), book.bookings());
  EXPECT_TRUE(none.lines.empty());
  EXPECT_EQ(none.total.union_share_fen, 0);
}

TEST(SubsidyStatement, TenThousandChecksAddUpExactly) {
  // A year of the enlarged plan through one statement: integer fen, nothing lost.
  std::vector<Slot> slots = {test::clinic_slot("S", "2026-12-15", 10000)};
  std::vector<Booking> bookings(10000);
  for (size_t i = 0; i < bookings.size(); ++i) {
    Booking& b = bookings[i];
    b.id = "B" + std::to_string(i);
    b.slot_id = "S";
    b.state = BookingState::checked_in;
    b.package_id = i % 2 ? "plus" : "basic";
    b.value_fen = i % 2 ? 54500 : 46500;
    b.copay_collected_fen = b.copay_fen = i % 2 ? 15000 : 10000;
    b.union_share_fen = b.value_fen - b.copay_fen;
  }
  const SubsidyStatement st = subsidy_statement("C1", "2026-12", slots, bookings);
  EXPECT_EQ(st.total.checks, 10000);
  EXPECT_EQ(st.total.union_share_fen, 5000 * 36500 + 5000 * 39500);  // ¥3,800,000.00
  EXPECT_EQ(format_yuan(st.total.union_share_fen, true), "¥3,800,000.00");
}

}  // namespace
}  // namespace hg
