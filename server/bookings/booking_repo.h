// The bookings area's rows: every statement on its tables, as plain functions over a Db that
// read and write core's models (Plan, Slot, Booking, LockerReservation, RestockEntry, …) by
// id. Nothing here decides: the capacity engine (ledger.h) and the routes hold the rules.
// Enums are stored by their stable names. Statements on the booking path are prepared once
// per connection and reused, and each function here is one statement unless it says so.
//
// Sections (header and source files):
//   plans and resources   booking_repo.cpp           plans with packages, clinics, lockers, rooms
//   slots                 booking_repo.cpp           time windows and compartment stockings
//   bookings              booking_repo.cpp           one member's place in a slot, check-in codes
//   counters              booking_repo_places.cpp    taken places, yearly quota, allowances, sequence
//   members               booking_repo_places.cpp    admission facts, no-show strikes, blocks, cadres
//   waitlist              booking_repo_places.cpp    joining, leaving, the head, positions
//   attempts              booking_repo_places.cpp    a nested savepoint around one request
//   lockers               booking_repo_lockers.cpp   lockers, compartments, pickups, restock log
//   demo seed             booking_repo_seed.cpp      rows only the --demo seed writes
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/bookings/booking.h"
#include "core/bookings/locker_models.h"
#include "core/bookings/no_show_policy.h"
#include "core/bookings/plan.h"
#include "core/bookings/slot.h"
#include "core/bookings/wire.h"
#include "core/cst_time.h"
#include "core/money.h"
#include "server/store/sqlite.h"

namespace hg::srv::booking_repo {

// ---- plans and resources ----

// Plans and resources are read for every request of a rush but change only through
// save_plan and insert_resource: inside a write transaction each is read once per
// Db::memo_epoch(); outside one it is read every time.
std::optional<Plan> find_plan(Db& db, const std::string& id);
std::vector<Plan> all_plans(Db& db);  // by id
// Inserts or replaces the plan with its packages (admin edits send the whole plan).
void save_plan(Db& db, const Plan& plan);
// Places used by a plan in a CST year ("2026").
std::int32_t year_used(Db& db, const std::string& plan_id, const std::string& year);
// The most places used in any year from `year` on.
std::int32_t most_used_from(Db& db, const std::string& plan_id, const std::string& year);
// The plan's limits for `year` and later years, and every member's allowance (never below
// what is already used). Past years keep the limits they had.
void apply_plan_limits(Db& db, const Plan& plan, const std::string& year);

std::optional<ResourceView> find_resource(Db& db, const std::string& id);
std::vector<ResourceView> resources_of_kind(Db& db, const std::string& kind);  // by id
void insert_resource(Db& db, const ResourceView& r);

// ---- slots ----

struct SlotRow {
  Slot slot;
  std::int32_t taken = 0;  // places held, confirmed or checked in
  bool cadre_only = false;
};

std::optional<SlotRow> find_slot(Db& db, const std::string& id);
void insert_slot(Db& db, const Slot& s, bool cadre_only);
// Slots of a kind that have not ended by `now`, by start time (at most `limit`).
std::vector<std::string> upcoming_slot_ids(Db& db, SlotKind kind, UnixSeconds now, int limit);
// A clinic's health-check slots starting in [from, to).
std::vector<std::string> health_check_slot_ids(Db& db, const std::string& clinic_id, UnixSeconds from, UnixSeconds to);

// ---- bookings ----

struct BookingRow {
  Booking booking;
  std::int64_t seq = 0;      // the acceptance sequence
  std::string checkin_code;  // confirmed bookings of clinics and classes
};

std::optional<BookingRow> find_booking(Db& db, const std::string& id);
void insert_booking(Db& db, const Booking& b, std::int64_t seq);
// Writes state, timestamps and the collected co-pay of an existing booking; the check-in
// code is kept only while it is confirmed.
void update_booking(Db& db, const Booking& b);

// Whether any hold at all is due by `now` (one probe of the due-holds index).
bool any_hold_due(Db& db, UnixSeconds now);
// Holds whose deadline passed by `now`, in a slot or of a member.
std::vector<std::string> due_holds_in_slot(Db& db, const std::string& slot_id, UnixSeconds now);
std::vector<std::string> due_holds_of_member(Db& db, const std::string& member_id, UnixSeconds now);
// How many holds of the slot are due by `now` (places a read may show as free).
std::int32_t count_due_holds(Db& db, const std::string& slot_id, UnixSeconds now);
// Whether the member holds, has confirmed or has used a place in the slot.
bool has_place(Db& db, const std::string& slot_id, const std::string& member_id);
// Whether the slot's place is confirmed or held past `now` (a locker compartment's one).
bool reserved(Db& db, const std::string& slot_id, UnixSeconds now);

// Check-in codes: unique among confirmed bookings.
bool checkin_code_in_use(Db& db, const std::string& code);
void set_checkin_code(Db& db, const std::string& booking_id, const std::string& code);
// The confirmed booking with that code at a clinic (or class room).
std::optional<std::string> confirmed_by_code(Db& db, const std::string& resource_id, const std::string& code);

// A member's bookings other than lockers, newest first (at most `limit`).
std::vector<std::string> member_booking_ids(Db& db, const std::string& member_id, int limit);
// A resource's held, confirmed, checked-in and missed bookings of slots starting in
// [from, to), by start time and acceptance (at most `limit`).
std::vector<std::string> day_booking_ids(Db& db, const std::string& resource_id, UnixSeconds from, UnixSeconds to,
                                         int limit);
std::vector<std::string> checked_in_ids(Db& db, const std::string& slot_id);

// ---- counters ----
// The store's CHECKs refuse a change that would take a counter past its limit.

// The next number of the acceptance sequence shared by holds and waitlist joins.
std::int64_t next_seq(Db& db);
void add_taken(Db& db, const std::string& slot_id, int delta);
// A booking of `plan` starting in `year` and allowance `period` starts (+1) or stops (-1)
// using a place; the year's and the member's rows are made on first use with the plan's
// current limits. Four statements.
void add_plan_use(Db& db, const Plan& plan, const std::string& member_id, const std::string& year,
                  const std::string& period, int delta);
std::int32_t allowance_used(Db& db, const std::string& plan_id, const std::string& member_id, const std::string& period);

// ---- members ----

// What admission needs to know of a member, in one read.
struct Applicant {
  std::optional<Occupation> occupation;  // nullopt: no such member (an unknown key reads as office)
  UnixSeconds blocked_until = 0;
};
Applicant applicant(Db& db, const std::string& member_id);
UnixSeconds blocked_until(Db& db, const std::string& member_id);
bool is_cadre(Db& db, const std::string& member_id);
// The member's no-show strikes (oldest first) and block. Two statements.
MemberStanding standing(Db& db, const std::string& member_id);
void insert_no_show(Db& db, const std::string& booking_id, const std::string& member_id, UnixSeconds missed_at,
                    UnixSeconds recorded_at);
// Blocks the member until `until`, or longer if already blocked longer.
void block(Db& db, const std::string& member_id, UnixSeconds until);

// ---- waitlist ----
// Slots keep their waitlist's length (bk_slots.waiting) beside the rows: add_waiting.

struct Waiter {
  std::string member_id;
  std::string package_id;
};
// False when the member already waits for the slot.
bool join_waitlist(Db& db, const std::string& slot_id, const Waiter& w, UnixSeconds joined_at, std::int64_t seq);
// False when the member was not waiting.
bool leave_waitlist(Db& db, const std::string& slot_id, const std::string& member_id);
// Who has waited longest.
std::optional<Waiter> waitlist_head(Db& db, const std::string& slot_id);
struct WaitPosition {
  std::int32_t position = 0;  // 1 = next
  std::int64_t seq = 0;
  UnixSeconds joined_at = 0;
};
// Two statements.
std::optional<WaitPosition> waitlist_position(Db& db, const std::string& slot_id, const std::string& member_id);
std::int32_t waitlist_length(Db& db, const std::string& slot_id);
// Changes the slot's waitlist length by `delta`; returns the new length.
std::int32_t add_waiting(Db& db, const std::string& slot_id, int delta);
// The slots a member waits for, in the order they joined.
std::vector<std::string> waitlisted_slot_ids(Db& db, const std::string& member_id);

// ---- attempts ----
// A savepoint inside the write transaction: one request's writes kept or undone together.
void begin_attempt(Db& db);
void keep_attempt(Db& db);
void undo_attempt(Db& db);  // also forgets remembered plans and resources

// ---- lockers ----

struct Locker {
  ResourceView resource;
  std::string station_id;
  std::int32_t compartments = 0;
  std::int64_t pickup_seconds = 0;  // how long a reservation's code works
};
// Two reads: the locker's row and its resource.
std::optional<Locker> find_locker(Db& db, const std::string& id);

struct Compartment {
  std::string slot_id;  // the current stocking; empty when the compartment is empty
  LockerItem item;
};
std::optional<Compartment> find_compartment(Db& db, const std::string& locker_id, std::int32_t number);
void stock_compartment(Db& db, const std::string& locker_id, std::int32_t number, const std::string& slot_id,
                       const LockerItem& item);
// Empties the compartment if it still holds that stocking.
void empty_compartment(Db& db, const std::string& locker_id, std::int32_t number, const std::string& slot_id);
// The restock log counts toward the month's stock value (CST month of `e.at`).
void log_restock(Db& db, const RestockEntry& e, const std::string& by_account);
Fen restocked_in_month(Db& db, const std::string& locker_id, const std::string& month);

// Pickups: a reservation's code and item beside its booking (LockerReservation::id).
void insert_pickup(Db& db, const LockerReservation& r);
// Closes the booking's active pickup (picked up, expired or cancelled).
void close_pickup(Db& db, const std::string& booking_id, PickupState state, UnixSeconds at);
// The locker's pickup with that code: the active one, else the latest.
std::optional<LockerReservation> pickup_by_code(Db& db, const std::string& locker_id, const std::string& code);
bool has_active_pickup(Db& db, const std::string& locker_id, const std::string& member_id);
std::set<std::string> active_codes(Db& db, const std::string& locker_id);
// Slots of the locker whose active pickups are past their deadline at `now`.
std::vector<std::string> slots_with_due_pickups(Db& db, const std::string& locker_id, UnixSeconds now);
// A member's pickups as stored, newest first (at most `limit`).
std::vector<LockerReservation> member_pickups(Db& db, const std::string& member_id, int limit);
// Wrong codes typed at the locker after `since`.
std::int32_t wrong_codes_since(Db& db, const std::string& locker_id, UnixSeconds since);
void record_wrong_code(Db& db, const std::string& locker_id, UnixSeconds at);

// ---- demo seed ----

// A locker at its station (under the station's id) with `compartments` empty compartments.
void seed_locker(Db& db, const std::string& station_id, std::int32_t compartments, std::int64_t pickup_seconds);
// Stations that have a locker device account, by login.
std::vector<std::string> seed_locker_station_ids(Db& db);
// The first open regular station of a city, by id.
std::optional<std::string> seed_duty_station_id(Db& db, const std::string& city);
void seed_cadre(Db& db, const std::string& member_id, const std::string& title_zh, const std::string& title_en);

}  // namespace hg::srv::booking_repo
