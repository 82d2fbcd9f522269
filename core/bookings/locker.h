// One smart locker at a union station. Each stocked compartment is a capacity-1 slot in
// the shared SlotBook engine: reserving is a hold that lasts until the pickup deadline,
// picking up confirms and checks it in at once, and a lapsed hold frees the compartment
// for the next member exactly like a lapsed clinic hold frees a place.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/bookings/locker_models.h"
#include "core/bookings/pickup_code.h"
#include "core/bookings/slot_book.h"

namespace hg {

class Locker {
 public:
  static constexpr std::int32_t kCompartments = 18;
  static constexpr std::int64_t kPickupSeconds = 24 * 3600;

  explicit Locker(std::string id, std::int32_t compartments = kCompartments, std::int64_t pickup_seconds = kPickupSeconds,
                  std::uint64_t id_seed = 1);

  // Puts an item into an empty compartment, or replaces one nobody has reserved.
  Result<RestockEntry> restock(std::int32_t compartment, LockerItem item, UnixSeconds now);
  Result<LockerReservation> reserve(std::int32_t compartment, const std::string& member_id, UnixSeconds now,
                                    const RandomSource& random);
  // At the locker's keypad: the code alone opens its compartment, once.
  Result<LockerReservation> pick_up(const std::string& code, UnixSeconds now);
  Result<LockerReservation> cancel(const std::string& reservation_id, UnixSeconds now);
  // Reservations whose deadline passed by `now`, now expired; their items are free again.
  std::vector<LockerReservation> expire(UnixSeconds now);

  struct Compartment {
    std::int32_t number = 0;
    std::optional<LockerItem> item;
    bool reserved = false;
  };
  // As of the last operation: a reservation whose deadline has passed since still shows
  // as reserved until the next call (or expire()) notices it.
  std::vector<Compartment> compartments() const;
  const LockerReservation* reservation(const std::string& id) const;
  const std::vector<RestockEntry>& restock_log() const { return log_; }
  // Value stocked in a CST month ("2026-12"); the union reports it (over ¥1,000 a month).
  Fen restocked_value(const std::string& month_key) const;
  std::map<std::string, Fen> restocked_value_by_month() const;
  const std::string& id() const { return id_; }

 private:
  struct Door {
    std::optional<LockerItem> item;
    std::string slot_id;  // the slot for the item now inside
  };
  Door* door(std::int32_t compartment);
  std::vector<LockerReservation> absorb(const std::vector<BookingEvent>& events);
  std::set<std::string> active_codes() const;

  std::string id_;
  std::int64_t pickup_seconds_;
  SlotBook book_;
  std::vector<Door> doors_;
  std::int64_t stockings_ = 0;
  std::map<std::string, LockerReservation> reservations_;  // by booking id
  std::map<std::string, std::string> by_code_;             // code → latest reservation that used it
  std::vector<RestockEntry> log_;
};

}  // namespace hg
