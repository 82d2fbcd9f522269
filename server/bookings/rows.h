// Reading and writing the bookings tables as the engine's own models (Plan, Slot, Booking):
// enums are stored by their stable names, as elsewhere in the store.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bookings/booking.h"
#include "core/bookings/locker_models.h"
#include "core/bookings/plan.h"
#include "core/bookings/slot.h"
#include "core/bookings/wire.h"
#include "server/store/sqlite.h"

namespace hg::srv::bookings {

std::optional<BookingState> state_from_key(const std::string& key);
const char* period_name(Period p);
std::optional<Period> period_from_name(const std::string& name);
const char* item_kind_key(LockerItemKind k);
std::optional<LockerItemKind> item_kind_from_key(const std::string& key);
const char* pickup_state_key(PickupState s);

struct SlotRow {
  Slot slot;
  std::int32_t taken = 0;
  bool cadre_only = false;
};

struct BookingRow {
  Booking booking;
  std::int64_t seq = 0;
  std::string checkin_code;
};

std::optional<Plan> find_plan(Db& db, const std::string& id);
std::vector<Plan> all_plans(Db& db);
std::optional<SlotRow> find_slot(Db& db, const std::string& id);
std::optional<BookingRow> find_booking(Db& db, const std::string& id);
std::optional<ResourceView> find_resource(Db& db, const std::string& id);
std::vector<ResourceView> resources_of_kind(Db& db, const std::string& kind);

// The whole plan row set (plan + packages) is replaced: admin edits send the full plan.
void insert_plan(Db& db, const Plan& plan);
void insert_resource(Db& db, const ResourceView& r);
void insert_slot(Db& db, const Slot& s, bool cadre_only);
void insert_booking(Db& db, const Booking& b, std::int64_t seq);
// Writes state, timestamps and the collected co-pay of an existing booking.
void update_booking(Db& db, const Booking& b);

// Places used by a plan in a CST year ("2026").
std::int32_t year_used(Db& db, const std::string& plan_id, const std::string& year);

BookingView booking_view(Db& db, const BookingRow& row, UnixSeconds now);

}  // namespace hg::srv::bookings
