#include "core/bookings/locker.h"

#include <utility>

#include "core/bookings/booking_errors.h"

namespace hg {

Locker::Locker(std::string id, std::int32_t compartments, std::int64_t pickup_seconds, std::uint64_t id_seed)
    : id_(std::move(id)),
      pickup_seconds_(pickup_seconds > 0 ? pickup_seconds : kPickupSeconds),
      book_(NoShowPolicy{}, id_seed),
      doors_(static_cast<size_t>(compartments > 0 ? compartments : 0)) {}

Locker::Door* Locker::door(std::int32_t compartment) {
  if (compartment < 1 || compartment > static_cast<std::int32_t>(doors_.size())) return nullptr;
  return &doors_[static_cast<size_t>(compartment - 1)];
}

// The SlotBook decides when a hold lapses; the locker mirrors that in its reservations.
std::vector<LockerReservation> Locker::absorb(const std::vector<BookingEvent>& events) {
  std::vector<LockerReservation> expired;
  for (const BookingEvent& e : events) {
    if (e.kind != BookingEventKind::hold_expired) continue;
    auto it = reservations_.find(e.booking_id);
    if (it == reservations_.end() || it->second.state != PickupState::active) continue;
    it->second.state = PickupState::expired;
    it->second.closed_at = e.at;
    expired.push_back(it->second);
  }
  return expired;
}

std::set<std::string> Locker::active_codes() const {
  std::set<std::string> codes;
  for (const auto& [code, id] : by_code_)
    if (reservations_.at(id).state == PickupState::active) codes.insert(code);
  return codes;
}

Result<RestockEntry> Locker::restock(std::int32_t compartment, LockerItem item, UnixSeconds now) {
  absorb(book_.expire_holds(now));
  Door* d = door(compartment);
  if (!d) return booking_error(BookingErrc::compartment_not_found);
  if (item.name_zh.empty() || item.name_en.empty() || item.value_fen < 0) return booking_error(BookingErrc::invalid_item);
  if (!d->slot_id.empty() && book_.taken(d->slot_id) > 0) return booking_error(BookingErrc::compartment_taken);
  // A fresh slot per stocking: the old item's bookings stay with the old slot as history.
  Slot s;
  s.id = id_ + "#" + std::to_string(compartment) + "/" + std::to_string(++stockings_);
  s.kind = SlotKind::locker;
  s.resource_id = id_ + "#" + std::to_string(compartment);
  s.title_zh = item.name_zh;
  s.title_en = item.name_en;
  s.start = now;
  s.end = s.book_until = s.cancel_until = kOpenEnded;
  s.capacity = 1;
  s.hold_seconds = pickup_seconds_;
  Result<Slot> added = book_.add_slot(s);
  if (!added) return added.error();
  d->item = item;
  d->slot_id = s.id;
  log_.push_back(RestockEntry{id_, compartment, std::move(item), now});
  return log_.back();
}

Result<LockerReservation> Locker::reserve(std::int32_t compartment, const std::string& member_id, UnixSeconds now,
                                          const RandomSource& random) {
  absorb(book_.expire_holds(now));
  Door* d = door(compartment);
  if (!d) return booking_error(BookingErrc::compartment_not_found);
  if (!d->item) return booking_error(BookingErrc::compartment_empty);
  // The code first: if none can be made, nothing has been reserved.
  std::optional<std::string> code = make_pickup_code(random, active_codes());
  if (!code) return booking_error(BookingErrc::no_code_available);
  Result<BookingChange> held = book_.hold(d->slot_id, Applicant{member_id, Occupation::office, ""}, now);
  if (!held) {
    if (is_booking_error(held.error(), BookingErrc::slot_full)) return booking_error(BookingErrc::compartment_taken);
    return held.error();
  }
  absorb(held.value().events);
  const Booking& b = held.value().booking;
  LockerReservation r;
  r.id = b.id;
  r.locker_id = id_;
  r.compartment = compartment;
  r.member_id = member_id;
  r.code = *code;
  r.item = *d->item;
  r.reserved_at = now;
  r.deadline = b.hold_expires_at;
  by_code_[r.code] = r.id;
  return reservations_.emplace(r.id, r).first->second;
}

Result<LockerReservation> Locker::pick_up(const std::string& code, UnixSeconds now) {
  absorb(book_.expire_holds(now));
  auto c = by_code_.find(code);
  if (c == by_code_.end()) return booking_error(BookingErrc::wrong_code);
  LockerReservation& r = reservations_.at(c->second);
  switch (r.state) {
    case PickupState::active: break;
    case PickupState::picked_up: return booking_error(BookingErrc::code_used);
    case PickupState::expired: return booking_error(BookingErrc::code_expired);
    case PickupState::cancelled: return booking_error(BookingErrc::wrong_code);
  }
  Result<BookingChange> confirmed = book_.confirm(r.id, now);
  if (!confirmed) return confirmed.error();
  Result<BookingChange> checked = book_.check_in(r.id, 0, now);
  if (!checked) return checked.error();
  r.state = PickupState::picked_up;
  r.closed_at = now;
  Door* d = door(r.compartment);
  if (d && d->slot_id == book_.booking(r.id)->slot_id) d->item.reset();  // emptied: the door is open
  return r;
}

Result<LockerReservation> Locker::cancel(const std::string& reservation_id, UnixSeconds now) {
  absorb(book_.expire_holds(now));
  auto it = reservations_.find(reservation_id);
  if (it == reservations_.end()) return booking_error(BookingErrc::booking_not_found);
  Result<BookingChange> cancelled = book_.cancel(reservation_id, now);
  if (!cancelled) return cancelled.error();
  it->second.state = PickupState::cancelled;
  it->second.closed_at = now;
  return it->second;
}

std::vector<LockerReservation> Locker::expire(UnixSeconds now) { return absorb(book_.expire_holds(now)); }

std::vector<Locker::Compartment> Locker::compartments() const {
  std::vector<Compartment> out;
  for (size_t i = 0; i < doors_.size(); ++i) {
    const Door& d = doors_[i];
    // A picked-up item leaves its slot full (checked in) but the door empty: not "reserved".
    out.push_back({static_cast<std::int32_t>(i + 1), d.item, d.item && book_.taken(d.slot_id) > 0});
  }
  return out;
}

const LockerReservation* Locker::reservation(const std::string& id) const {
  auto it = reservations_.find(id);
  return it == reservations_.end() ? nullptr : &it->second;
}

Fen Locker::restocked_value(const std::string& month_key) const {
  Fen sum = 0;
  for (const RestockEntry& e : log_)
    if (period_key(Period::Month, e.at) == month_key) sum += e.item.value_fen;
  return sum;
}

std::map<std::string, Fen> Locker::restocked_value_by_month() const {
  std::map<std::string, Fen> out;
  for (const RestockEntry& e : log_) out[period_key(Period::Month, e.at)] += e.item.value_fen;
  return out;
}

}  // namespace hg
