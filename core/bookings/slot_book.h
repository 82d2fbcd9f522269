// The one capacity engine behind health checks, locker compartments, classes and station
// duty: slots with capacity, bookings moving through the state machine of booking_state.h,
// a waitlist per slot, plan quotas and per-member allowances, no-show strikes.
//
// Pure and in memory: every operation takes `now` and returns the booking it touched plus
// the events it caused, for the server to persist in the same transaction. Invariants held
// after every operation (tests check them against a brute-force model):
//   - no slot has more bookings occupying a place than its capacity;
//   - no member has two bookings occupying a place in one slot;
//   - bookings only move along transition_allowed();
//   - a slot still open for booking has an empty waitlist or no free place.
//
// Time is lazy: each operation first lets every hold whose deadline is ≤ now lapse (and
// promotes waitlists into the freed places). Those lapses are events too; when the
// operation itself is refused they stay pending and come with the next answer, or from
// take_events(): each event is delivered exactly once, in order.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/bookings/booking.h"
#include "core/bookings/booking_event.h"
#include "core/bookings/no_show_policy.h"
#include "core/bookings/plan.h"
#include "core/bookings/slot.h"
#include "core/error.h"
#include "core/ids.h"

namespace hg {

struct BookingChange {
  Booking booking;
  std::vector<BookingEvent> events;
};

struct WaitlistChange {
  WaitlistEntry entry;
  std::int32_t position = 0;  // 1 = next to be promoted; 0 after leaving
  std::vector<BookingEvent> events;
};

// Everything the engine knows, for the server to store and load back.
struct SlotBookSnapshot {
  std::vector<Plan> plans;
  std::vector<Slot> slots;
  std::vector<Booking> bookings;
  std::vector<WaitlistEntry> waitlist;
  std::vector<MemberStanding> standings;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(plans), CEREAL_NVP(slots), CEREAL_NVP(bookings), CEREAL_NVP(waitlist), CEREAL_NVP(standings));
  }
};

class SlotBook {
 public:
  // `id_seed` feeds the booking-id generator (ids are time-ordered, see core/ids.h).
  explicit SlotBook(NoShowPolicy policy = {}, std::uint64_t id_seed = 1);

  Result<Plan> add_plan(Plan plan);
  Result<Slot> add_slot(Slot slot);

  Result<BookingChange> hold(const std::string& slot_id, const Applicant& who, UnixSeconds now);
  Result<BookingChange> confirm(const std::string& booking_id, UnixSeconds now);
  // A hold may always be released; a confirmed booking only before the slot's cancel_until.
  Result<BookingChange> cancel(const std::string& booking_id, UnixSeconds now);
  // At the venue, on the slot's CST day and before it ends; the clinic records the co-pay it collected, which
  // must be the package's co-pay (0 for free services).
  Result<BookingChange> check_in(const std::string& booking_id, Fen copay_collected, UnixSeconds now);
  Result<BookingChange> mark_no_show(const std::string& booking_id, UnixSeconds now);
  // Only when the slot is full: with a free place the member should simply book it.
  Result<WaitlistChange> join_waitlist(const std::string& slot_id, const Applicant& who, UnixSeconds now);
  Result<WaitlistChange> leave_waitlist(const std::string& slot_id, const std::string& member_id, UnixSeconds now);

  // Sweeps for a timer: lapse holds whose deadline is ≤ now; mark every confirmed booking
  // whose slot has ended as a no-show. Both return all pending events.
  std::vector<BookingEvent> expire_holds(UnixSeconds now);
  std::vector<BookingEvent> mark_no_shows(UnixSeconds now);
  std::vector<BookingEvent> take_events();

  const Plan* plan(const std::string& id) const;
  const Slot* slot(const std::string& id) const;
  const Booking* booking(const std::string& id) const;
  std::int32_t taken(const std::string& slot_id) const;
  std::int32_t available(const std::string& slot_id) const;
  std::vector<Booking> bookings_in(const std::string& slot_id) const;  // in creation order
  std::vector<WaitlistEntry> waitlist(const std::string& slot_id) const;  // in promotion order
  std::vector<Slot> slots() const;
  std::vector<Booking> bookings() const;
  UnixSeconds blocked_until(const std::string& member_id) const;  // 0 when never blocked
  std::int32_t quota_used(const std::string& plan_id, const std::string& year_key) const;
  std::int32_t allowance_used(const std::string& plan_id, const std::string& member_id,
                              const std::string& period_key) const;

  SlotBookSnapshot snapshot() const;
  // Loads a snapshot, checking the same invariants the operations keep; a snapshot that
  // breaks one (e.g. two occupying bookings of one member in a slot) is refused whole.
  static Result<SlotBook> restore(const SlotBookSnapshot& snap, NoShowPolicy policy = {}, std::uint64_t id_seed = 1);

 private:
  std::optional<Error> admit(const Slot& slot, const Applicant& who, UnixSeconds now, bool check_quota) const;
  Booking& create_hold(const Slot& slot, const Applicant& who, UnixSeconds now, bool from_waitlist);
  void set_state(Booking& b, BookingState to, UnixSeconds at);
  void account(const Booking& b, int delta);
  void promote(const std::string& slot_id, UnixSeconds now);
  void lapse_holds(UnixSeconds now);
  void emit(BookingEventKind kind, const Booking& b, UnixSeconds at);
  BookingChange answer(const Booking& b);
  Booking* find_booking(const std::string& id);
  Result<Booking*> booking_for(const std::string& booking_id, BookingState to, UnixSeconds now);
  bool has_place(const Slot& slot, const std::string& member_id) const;
  std::string quota_key(const Slot& slot) const;
  std::string allowance_key(const Slot& slot, const std::string& member_id) const;

  NoShowPolicy policy_;
  IdGenerator ids_;
  std::map<std::string, Plan> plans_;
  std::map<std::string, Slot> slots_;
  std::map<std::string, Booking> bookings_;
  std::map<std::string, std::vector<std::string>> by_slot_;           // booking ids, creation order
  std::map<std::string, std::vector<WaitlistEntry>> waitlists_;       // sorted by waitlist_before
  std::map<std::string, MemberStanding> standings_;
  std::map<std::string, std::int32_t> taken_;                         // slot id → places occupied
  std::map<std::string, std::int32_t> usage_;                         // quota and allowance counters
  std::set<std::pair<UnixSeconds, std::string>> hold_deadlines_;      // (expires, booking id) of holds
  std::vector<BookingEvent> pending_;
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::SlotBookSnapshot, 1)
