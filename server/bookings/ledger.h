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
#include "server/bookings/booking_repo.h"
#include "server/http_types.h"
#include "server/store/sqlite.h"

namespace hg::srv::bookings {

using booking_repo::BookingRow;
using booking_repo::SlotRow;

// A fresh booking id (time-ordered, random low bits).
std::string new_booking_id(UnixSeconds now);
// Six random digits from the system CSPRNG.
std::string random_code();

// Holds whose deadline passed by `now` become expired (their places return) and the slot's
// waitlist is promoted into freed places. Per slot, or every due hold of one member.
void lapse_holds_in_slot(Db& db, const std::string& slot_id, UnixSeconds now);
void lapse_holds_of_member(Db& db, const std::string& member_id, UnixSeconds now);
void promote(Db& db, const std::string& slot_id, UnixSeconds now);

// Who asks for a place: a member and, for a plan's slot, the package.
using Who = booking_repo::Waiter;

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

}  // namespace hg::srv::bookings
