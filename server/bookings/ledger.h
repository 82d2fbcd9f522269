// The capacity engine on the store: everything here runs inside a write transaction (a
// group-commit savepoint) and keeps the counters that the store's CHECKs guard
// (bk_slots.taken, bk_plan_years.used, bk_allowance.used) in step with booking states.
//
// Rules come from core/bookings: admission follows SlotBook::admit's order and errors, and
// every change of one booking's state (confirm, cancel, check-in, no-show) is decided by a
// SlotBook restored with just that booking, its slot and its plan — the same code the
// clients preview with — and then written back. What the store adds is what an in-memory
// book cannot know cheaply: yearly quota and allowance counters across all slots, and a
// waitlist ordered by the server's acceptance sequence (finer than the engine's seconds).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/bookings/booking.h"
#include "core/bookings/no_show_policy.h"
#include "core/bookings/plan.h"
#include "core/cst_time.h"
#include "core/error.h"
#include "server/bookings/rows.h"
#include "server/http_types.h"
#include "server/store/sqlite.h"

namespace hg::srv::bookings {

// Next number of the acceptance sequence shared by holds and waitlist joins.
std::int64_t next_seq(Db& db);
// A fresh booking id (time-ordered, random low bits).
std::string new_booking_id(UnixSeconds now);
// Six random digits from the system CSPRNG.
std::string random_code();

// Holds whose deadline passed by `now` become expired (their places return) and the slot's
// waitlist is promoted into freed places. Per slot, or every due hold of one member.
void lapse_holds_in_slot(Db& db, const std::string& slot_id, UnixSeconds now);
void lapse_holds_of_member(Db& db, const std::string& member_id, UnixSeconds now);
// Whether any hold at all is due by `now` (one probe of the due-holds index: in a rush the
// answer is no, and the two searches above can be skipped).
bool hold_due(Db& db, UnixSeconds now);
void promote(Db& db, const std::string& slot_id, UnixSeconds now);

struct Who {
  std::string member_id;
  std::string package_id;
};

// Why `who` may not take a place in `slot` now (nullopt: they may). check_quota is false
// for waitlist joins: a cancellation returns a quota place too.
std::optional<Error> admit(Db& db, const SlotRow& slot, const std::optional<Plan>& plan, const Who& who,
                           UnixSeconds now, bool check_quota);
// Creates a hold and counts it; removes the member from the slot's waitlist.
BookingRow create_hold(Db& db, const SlotRow& slot, const std::optional<Plan>& plan, const Who& who,
                       UnixSeconds now, bool from_waitlist, std::int64_t seq);

// Runs `fn` in a nested savepoint: a refusal (ApiError) rolls back only what `fn` wrote and
// comes back as the error response, so the due holds lapsed and waitlists promoted before it
// are kept (a refused request must not undo other members' promotions).
Response attempt(Db& db, const std::function<Response()>& fn);

enum class Op { confirm, cancel, check_in, no_show };
// Applies one state change through the engine; throws ApiError with the engine's refusal.
// Counters follow when the booking stops occupying a place; a cancellation promotes the
// waitlist; a no-show records a strike and may block the member (policy below).
BookingRow apply(Db& db, const std::string& booking_id, Op op, UnixSeconds now, Fen copay_collected = 0);

NoShowPolicy no_show_policy();
UnixSeconds blocked_until(Db& db, const std::string& member_id);
bool is_cadre(Db& db, const std::string& member_id);

struct WaitPosition {
  std::int32_t position = 0;
  std::int64_t seq = 0;
  UnixSeconds joined_at = 0;
};
std::optional<WaitPosition> waitlist_position(Db& db, const std::string& slot_id, const std::string& member_id);
std::int32_t waitlist_length(Db& db, const std::string& slot_id);
// Keeps bk_slots.waiting in step with the slot's waitlist rows; returns the new length.
std::int32_t count_waiting(Db& db, const std::string& slot_id, int delta);

}  // namespace hg::srv::bookings
