// Many random operations against a SlotBook, checked after every step against a
// brute-force model recomputed from the bookings themselves: capacity, one place per
// member per slot, legal transitions only, quota and allowance counters, waitlist order,
// every event delivered once. When the sweep ran first, the model also predicts each
// operation's answer (success, or which refusal).
//
// Sections:
//   model     the book, the brute-force model and the invariants checked after each step
//   property  random operations, many seeds
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "bookings_test_support.h"

namespace hg {
namespace {

using test::cst;

// ---- model ----

struct World {
  SlotBook book;
  std::mt19937_64 rng;
  UnixSeconds now;
  std::vector<std::string> slot_ids;
  std::vector<Applicant> members;
  std::map<std::string, BookingState> last_state;
  std::vector<BookingEvent> events;
  int seen[6] = {};  // bookings seen entering each state

  explicit World(std::uint64_t seed, NoShowPolicy policy) : book(policy), rng(seed), now(cst("2026-12-26 09:00:00")) {
    EXPECT_TRUE(book.add_plan(test::health_plan(/*quota=*/5)).ok());
    auto add = [&](Slot s) {
      s.hold_seconds = 2 * 3600;  // long enough that many holds get confirmed in a run
      EXPECT_TRUE(book.add_slot(s).ok()) << s.id;
      slot_ids.push_back(s.id);
    };
    add(test::clinic_slot("H-1230", "2026-12-30", 2));
    add(test::clinic_slot("H-1231", "2026-12-31", 2));
    add(test::clinic_slot("H-0101", "2027-01-01", 3));
    add(slot_in_cst_window("K-1227", SlotKind::class_session, "course", test::cst_date("2026-12-27"), CstWindow{14, 0, 16, 0}, 1));
    add(slot_in_cst_window("D-1229", SlotKind::station_duty, "station", test::cst_date("2026-12-29"), CstWindow{9, 0, 18, 0}, 3));
    const Occupation jobs[] = {Occupation::delivery_rider, Occupation::courier, Occupation::ride_hailing_driver,
                              Occupation::factory_worker, Occupation::delivery_rider, Occupation::office,
                              Occupation::courier, Occupation::delivery_rider};
    for (int i = 0; i < 8; ++i) members.push_back(Applicant{"M" + std::to_string(i), jobs[i], ""});
  }

  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
  }
  int roll(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

  Applicant applicant() {
    Applicant a = pick(members);
    const int p = roll(10);
    a.package_id = p < 5 ? "basic" : p < 9 ? "plus" : "none";
    return a;
  }

  void collect(std::vector<BookingEvent> ev) { events.insert(events.end(), ev.begin(), ev.end()); }

  // ---- the model: everything recomputed from scratch ----

  // Occupying bookings per slot, recounted from all bookings by check_invariants().
  std::map<std::string, std::vector<Booking>> occ;
  void recount() {
    occ.clear();
    for (const Booking& b : book.bookings())
      if (occupies_place(b.state)) occ[b.slot_id].push_back(b);
  }
  const std::vector<Booking>& occupying(const std::string& slot_id) { return occ[slot_id]; }
  bool member_in(const std::string& slot_id, const std::string& m) {
    for (const Booking& b : occupying(slot_id))
      if (b.member_id == m) return true;
    return false;
  }
  int quota(const std::string& year) {
    int n = 0;
    for (const Slot& s : book.slots())
      if (s.plan_id == "HC" && period_key(Period::Year, s.start) == year) n += static_cast<int>(occupying(s.id).size());
    return n;
  }
  int allowance(const std::string& m, const std::string& year) {
    int n = 0;
    for (const Slot& s : book.slots())
      if (s.plan_id == "HC" && period_key(Period::Year, s.start) == year && member_in(s.id, m)) ++n;
    return n;
  }

  // Refusal expected for hold / join_waitlist, in the engine's documented order.
  std::optional<BookingErrc> admission(const Slot& s, const Applicant& a, bool joining) {
    if (now < book.blocked_until(a.member_id)) return BookingErrc::member_blocked;
    if (now >= s.book_until) return BookingErrc::booking_closed;
    if (member_in(s.id, a.member_id)) return BookingErrc::already_booked;
    if (!s.plan_id.empty()) {
      if (!is_new_employment(a.occupation)) return BookingErrc::not_eligible;
      if (a.package_id != "basic" && a.package_id != "plus") return BookingErrc::package_not_found;
      const std::string year = period_key(Period::Year, s.start);
      if (allowance(a.member_id, year) >= 1) return BookingErrc::allowance_used;
      if (!joining && quota(year) >= 5) return BookingErrc::quota_exhausted;
    }
    if (joining) {
      for (const WaitlistEntry& e : book.waitlist(s.id))
        if (e.member_id == a.member_id) return BookingErrc::already_waitlisted;
      if (static_cast<int>(occupying(s.id).size()) < s.capacity) return BookingErrc::places_available;
    } else if (static_cast<int>(occupying(s.id).size()) >= s.capacity) {
      return BookingErrc::slot_full;
    }
    return std::nullopt;
  }

  template <class R>
  void expect_outcome(const R& r, std::optional<BookingErrc> want, const char* op) {
    if (!want) {
      EXPECT_TRUE(r.ok()) << op << " should succeed, got: " << (r.ok() ? "" : r.error().en);
    } else {
      ASSERT_FALSE(r.ok()) << op << " should be refused";
      EXPECT_TRUE(is_booking_error(r.error(), *want)) << op << ": " << r.error().en;
    }
  }

  void check_invariants() {
    recount();
    for (const std::string& id : slot_ids) {
      const Slot& s = *book.slot(id);
      const std::vector<Booking>& here = occupying(id);
      ASSERT_LE(static_cast<int>(here.size()), s.capacity) << id;
      ASSERT_EQ(book.taken(id), static_cast<int>(here.size())) << id;
      std::set<std::string> who;
      for (const Booking& b : here) ASSERT_TRUE(who.insert(b.member_id).second) << "double-booked " << b.member_id;
      const std::vector<WaitlistEntry> wl = book.waitlist(id);
      for (size_t i = 1; i < wl.size(); ++i) ASSERT_TRUE(waitlist_before(wl[i - 1], wl[i])) << id;
      for (const WaitlistEntry& e : wl) ASSERT_FALSE(who.count(e.member_id)) << "waiting for own slot";
      if (now < s.book_until && !wl.empty()) {
        ASSERT_EQ(book.available(id), 0) << "idle place with a waitlist " << id;
      }
    }
    for (const char* year : {"2026", "2027"}) {
      ASSERT_EQ(book.quota_used("HC", year), quota(year));
      for (const Applicant& m : members) ASSERT_EQ(book.allowance_used("HC", m.member_id, year), allowance(m.member_id, year));
    }
    for (const Booking& b : book.bookings()) {
      auto it = last_state.find(b.id);
      if (it != last_state.end() && it->second != b.state) {
        ASSERT_TRUE(transition_allowed(it->second, b.state)) << state_key(it->second) << "→" << state_key(b.state);
      }
      if (it == last_state.end()) {
        ASSERT_TRUE(b.state == BookingState::held) << "a booking must start as a hold: " << b.id;
      }
      if (b.state == BookingState::held) {
        ASSERT_GT(b.hold_expires_at, now) << "a lapsed hold still holds";
      }
      if (it == last_state.end() || it->second != b.state) ++seen[static_cast<int>(b.state)];
      last_state[b.id] = b.state;
    }
  }

  void step() {
    const bool swept = roll(4) != 0;  // mostly sweep first, so answers are predictable
    if (swept) {
      collect(book.expire_holds(now));
      check_invariants();  // the sweep may have promoted someone: observe the new holds
      if (::testing::Test::HasFatalFailure()) return;
    }
    std::vector<Booking> all = book.bookings();
    const Slot& s = *book.slot(pick(slot_ids));
    switch (roll(9)) {
      case 0:
      case 1: {
        const Applicant a = applicant();
        const auto want = swept ? admission(s, a, false) : std::nullopt;
        Result<BookingChange> r = book.hold(s.id, a, now);
        if (swept) expect_outcome(r, want, "hold");
        if (r.ok()) collect(r.value().events);
        break;
      }
      case 2: {
        const Applicant a = applicant();
        const auto want = swept ? admission(s, a, true) : std::nullopt;
        Result<WaitlistChange> r = book.join_waitlist(s.id, a, now);
        if (swept) expect_outcome(r, want, "join_waitlist");
        if (r.ok()) collect(r.value().events);
        break;
      }
      case 3: {
        Result<WaitlistChange> r = book.leave_waitlist(s.id, pick(members).member_id, now);
        if (r.ok()) collect(r.value().events);
        break;
      }
      default: {
        // Mostly act on live bookings: acting on finished ones only tests refusals.
        std::vector<Booking> live;
        for (const Booking& x : all)
          if (!is_final(x.state)) live.push_back(x);
        if (all.empty()) break;
        const Booking b = !live.empty() && roll(5) != 0 ? pick(live) : pick(all);
        const Slot& bs = *book.slot(b.slot_id);
        std::optional<BookingErrc> want;
        Result<BookingChange> r = booking_error(BookingErrc::booking_not_found);
        const int pick_op = roll(20);
        switch (pick_op < 8 ? 0 : pick_op < 11 ? 1 : pick_op < 15 ? 2 : 3) {
          case 0:
            want = b.state == BookingState::expired ? std::optional(BookingErrc::hold_expired)
                   : b.state != BookingState::held  ? std::optional(BookingErrc::illegal_transition)
                                                    : std::nullopt;
            r = book.confirm(b.id, now);
            break;
          case 1:
            want = !transition_allowed(b.state, BookingState::cancelled) ? std::optional(BookingErrc::illegal_transition)
                   : b.state == BookingState::confirmed && now >= bs.cancel_until
                       ? std::optional(BookingErrc::cancel_cutoff_passed)
                       : std::nullopt;
            r = book.cancel(b.id, now);
            break;
          case 2: {
            const Fen pay = roll(5) == 0 ? b.copay_fen + 100 : b.copay_fen;
            want = b.state != BookingState::confirmed ? std::optional(BookingErrc::illegal_transition)
                   : now >= bs.end                    ? std::optional(BookingErrc::slot_ended)
                   : now < period_start(Period::Day, bs.start) ? std::optional(BookingErrc::check_in_not_open)
                   : pay != b.copay_fen               ? std::optional(BookingErrc::wrong_copay)
                                                      : std::nullopt;
            r = book.check_in(b.id, pay, now);
            break;
          }
          default:
            want = b.state != BookingState::confirmed ? std::optional(BookingErrc::illegal_transition)
                   : now < bs.end                     ? std::optional(BookingErrc::slot_not_ended)
                                                      : std::nullopt;
            r = book.mark_no_show(b.id, now);
        }
        if (swept) expect_outcome(r, want, "booking op");
        if (r.ok()) collect(r.value().events);
      }
    }
    if (roll(50) == 0) collect(book.mark_no_shows(now));
    collect(book.take_events());
    check_invariants();
    // Mostly minutes pass; sometimes hours, so holds lapse and slots begin and end.
    now += roll(25) == 0 ? roll(6 * 3600) : roll(500);
  }

  void check_events_once() {
    std::map<BookingEventKind, std::multiset<std::string>> by_kind;
    for (const BookingEvent& e : events) by_kind[e.kind].insert(e.booking_id);
    int expired = 0, promoted = 0, created = 0;
    for (const Booking& b : book.bookings()) {
      expired += b.state == BookingState::expired;
      promoted += b.from_waitlist;
      ++created;
    }
    EXPECT_EQ(static_cast<int>(by_kind[BookingEventKind::hold_expired].size()), expired);
    EXPECT_EQ(static_cast<int>(by_kind[BookingEventKind::promoted].size()), promoted);
    EXPECT_EQ(static_cast<int>(by_kind[BookingEventKind::held].size() + by_kind[BookingEventKind::promoted].size()), created);
    for (const auto& kind : {BookingEventKind::hold_expired, BookingEventKind::promoted, BookingEventKind::held}) {
      const auto& ids = by_kind[kind];
      EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << "an event delivered twice";
    }
  }
};

// ---- property ----

TEST(SlotBookProperty, RandomOperationsKeepEveryInvariant) {
  int reached[6] = {};  // states observed over all runs: every one must have been exercised
  int promoted = 0, blocked = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    // Odd seeds: one no-show blocks for 12 hours, so blocks come and go within a run.
    World w(seed, seed % 2 ? NoShowPolicy{1, 90LL * 86400, 12 * 3600} : NoShowPolicy{});
    for (int i = 0; i < 1000; ++i) {
      w.step();
      if (::testing::Test::HasFatalFailure()) return;
    }
    w.check_events_once();
    for (int st = 0; st < 6; ++st) reached[st] += w.seen[st];
    // The run really exercised the engine.
    int states[6] = {};
    for (const Booking& b : w.book.bookings()) {
      ++states[static_cast<int>(b.state)];
      promoted += b.from_waitlist;
    }
    for (const Applicant& m : w.members) blocked += w.book.blocked_until(m.member_id) > 0;
    EXPECT_GT(w.book.bookings().size(), 20u);
    EXPECT_GT(states[static_cast<int>(BookingState::expired)] + states[static_cast<int>(BookingState::cancelled)], 0);

    // And what it built survives a snapshot round trip unchanged.
    Result<SlotBook> back = SlotBook::restore(w.book.snapshot());
    ASSERT_TRUE(back.ok()) << back.error().en;
    for (const std::string& id : w.slot_ids) {
      EXPECT_EQ(back.value().taken(id), w.book.taken(id));
      EXPECT_EQ(back.value().waitlist(id).size(), w.book.waitlist(id).size());
    }
    EXPECT_EQ(back.value().quota_used("HC", "2026"), w.book.quota_used("HC", "2026"));
  }
  for (int st = 0; st < 6; ++st) EXPECT_GT(reached[st], 0) << state_key(static_cast<BookingState>(st));
  EXPECT_GT(promoted, 0);
  EXPECT_GT(blocked, 0);
  std::printf("reached: held %d confirmed %d checked_in %d cancelled %d expired %d no_show %d; promoted %d, blocked %d\n",
              reached[0], reached[1], reached[2], reached[3], reached[4], reached[5], promoted, blocked);
}

}  // namespace
}  // namespace hg
