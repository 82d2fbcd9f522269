// The state machine and the error texts it speaks through.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/bookings/booking_errors.h"
#include "core/bookings/booking_event.h"
#include "core/bookings/booking_state.h"

namespace hg {
namespace {

constexpr BookingState kAll[] = {BookingState::held,      BookingState::confirmed, BookingState::checked_in,
                                 BookingState::cancelled, BookingState::expired,   BookingState::no_show};

TEST(BookingState, OnlyTheDrawnTransitionsAreLegal) {
  using S = BookingState;
  const std::set<std::pair<S, S>> legal = {
      {S::held, S::confirmed},       {S::held, S::cancelled},      {S::held, S::expired},
      {S::confirmed, S::checked_in}, {S::confirmed, S::cancelled}, {S::confirmed, S::no_show},
  };
  for (S from : kAll)
    for (S to : kAll)
      EXPECT_EQ(transition_allowed(from, to), legal.count({from, to}) == 1) << state_key(from) << "→" << state_key(to);
}

TEST(BookingState, FinalStatesAndPlaces) {
  for (BookingState s : kAll) {
    const bool final_state = s != BookingState::held && s != BookingState::confirmed;
    EXPECT_EQ(is_final(s), final_state) << state_key(s);
    for (BookingState to : kAll)
      if (final_state) {
        EXPECT_FALSE(transition_allowed(s, to));
      }
  }
  EXPECT_TRUE(occupies_place(BookingState::held));
  EXPECT_TRUE(occupies_place(BookingState::confirmed));
  EXPECT_TRUE(occupies_place(BookingState::checked_in));
  EXPECT_FALSE(occupies_place(BookingState::cancelled));
  EXPECT_FALSE(occupies_place(BookingState::expired));
  EXPECT_FALSE(occupies_place(BookingState::no_show));
}

TEST(BookingState, NamesAreDistinctInBothLanguages) {
  std::set<std::string> keys, zh, en;
  for (BookingState s : kAll) {
    keys.insert(state_key(s));
    zh.insert(state_zh(s));
    en.insert(state_en(s));
  }
  EXPECT_EQ(keys.size(), std::size(kAll));
  EXPECT_EQ(zh.size(), std::size(kAll));
  EXPECT_EQ(en.size(), std::size(kAll));
  EXPECT_STREQ(state_key(BookingState::checked_in), "checked_in");
}

TEST(BookingErrors, EveryReasonHasItsOwnBilingualText) {
  const int n = static_cast<int>(BookingErrc::no_code_available) + 1;
  for (int i = 0; i < n; ++i) {
    const auto a = static_cast<BookingErrc>(i);
    const Error e = booking_error(a);
    EXPECT_FALSE(e.zh.empty()) << i;
    EXPECT_FALSE(e.en.empty()) << i;
    EXPECT_NE(e.zh, e.en) << i;
    EXPECT_TRUE(is_booking_error(e, a)) << i;
    // No text may be the prefix of another's, or is_booking_error would confuse them.
    for (int j = 0; j < n; ++j)
      if (j != i) {
        EXPECT_FALSE(is_booking_error(e, static_cast<BookingErrc>(j))) << i << " vs " << j;
      }
  }
}

TEST(BookingErrors, CodesMatchWhatTheServerShouldAnswer) {
  EXPECT_EQ(booking_error(BookingErrc::slot_full).http_status(), 409);
  EXPECT_EQ(booking_error(BookingErrc::booking_not_found).http_status(), 404);
  EXPECT_EQ(booking_error(BookingErrc::not_eligible).http_status(), 403);
  EXPECT_EQ(booking_error(BookingErrc::wrong_code).http_status(), 403);
  EXPECT_EQ(booking_error(BookingErrc::wrong_copay).http_status(), 400);
  EXPECT_EQ(booking_error(BookingErrc::no_code_available).http_status(), 503);
}

TEST(BookingErrors, DetailsKeepTheReason) {
  const Error t = illegal_transition_error(BookingState::cancelled, BookingState::confirmed);
  EXPECT_TRUE(is_booking_error(t, BookingErrc::illegal_transition));
  EXPECT_EQ(t.code, Errc::conflict);
  EXPECT_NE(t.zh.find("已取消 → 已确认"), std::string::npos) << t.zh;
  EXPECT_NE(t.en.find("cancelled → confirmed"), std::string::npos) << t.en;

  const Error b = member_blocked_error(1798732800);  // 2027-01-01 00:00:00 CST
  EXPECT_TRUE(is_booking_error(b, BookingErrc::member_blocked));
  EXPECT_NE(b.zh.find("2027-01-01 00:00:00"), std::string::npos) << b.zh;
  EXPECT_NE(b.en.find("2027-01-01 00:00:00"), std::string::npos) << b.en;

  const Error c = wrong_copay_error(15000);
  EXPECT_TRUE(is_booking_error(c, BookingErrc::wrong_copay));
  EXPECT_NE(c.en.find("¥150.00"), std::string::npos) << c.en;
}

}  // namespace
}  // namespace hg

namespace hg {
namespace {

TEST(BookingEvents, EveryKindReadsInBothLanguages) {
  std::set<std::string> zh, en;
  const int n = static_cast<int>(BookingEventKind::member_blocked) + 1;
  for (int i = 0; i < n; ++i) {
    BookingEvent e;
    e.kind = static_cast<BookingEventKind>(i);
    e.member_id = "M1";
    e.slot_id = "S1";
    e.until = 1798732800;
    e.reason_zh = "原因";
    e.reason_en = "reason";
    const std::string z = event_text(e, true), t = event_text(e, false);
    EXPECT_NE(z.find("M1"), std::string::npos) << i;
    EXPECT_NE(t.find("M1"), std::string::npos) << i;
    zh.insert(z);
    en.insert(t);
  }
  EXPECT_EQ(zh.size(), static_cast<size_t>(n));
  EXPECT_EQ(en.size(), static_cast<size_t>(n));
}

}  // namespace
}  // namespace hg
