// The capacity engine in memory (see slot_book.h).
//
// Sections:
//   setup        plans and slots
//   bookkeeping  quota and allowance keys, state changes and their events
//   admission    who may hold a place, holds, promotion from the waitlist, lapsing
//   operations   hold, confirm, cancel, check-in, no-show, waitlist, sweeps
//   reading      lookups for the server and the clients
#include "core/bookings/slot_book.h"

#include <algorithm>

#include "core/bookings/booking_errors.h"

namespace hg {

namespace {
// Unit separator: ids never contain it, so keys cannot collide ("a|b"+"c" vs "a"+"b|c").
constexpr char kSep = '\x1f';
}  // namespace

SlotBook::SlotBook(NoShowPolicy policy, std::uint64_t id_seed) : policy_(policy), ids_(id_seed) {}

// ---- setup ----

Result<Plan> SlotBook::add_plan(Plan plan) {
  if (auto e = validate_plan(plan)) return *e;
  if (plans_.count(plan.id)) return booking_error(BookingErrc::duplicate_id);
  return plans_.emplace(plan.id, std::move(plan)).first->second;
}

Result<Slot> SlotBook::add_slot(Slot slot) {
  if (auto e = validate_slot(slot)) return *e;
  if (!slot.plan_id.empty() && !plans_.count(slot.plan_id)) return booking_error(BookingErrc::plan_not_found);
  if (slots_.count(slot.id)) return booking_error(BookingErrc::duplicate_id);
  return slots_.emplace(slot.id, std::move(slot)).first->second;
}

// ---- bookkeeping ----

std::string SlotBook::quota_key(const Slot& slot) const {
  return std::string("q") + kSep + slot.plan_id + kSep + period_key(Period::Year, slot.start);
}

std::string SlotBook::allowance_key(const Slot& slot, const std::string& member_id) const {
  const Plan& plan = plans_.at(slot.plan_id);
  return std::string("a") + kSep + slot.plan_id + kSep + member_id + kSep +
         period_key(plan.allowance_period, slot.start);
}

// The only place counters change: called when a booking starts or stops occupying a place.
void SlotBook::account(const Booking& b, int delta) {
  const Slot& slot = slots_.at(b.slot_id);
  taken_[slot.id] += delta;
  if (slot.plan_id.empty()) return;
  usage_[quota_key(slot)] += delta;
  usage_[allowance_key(slot, b.member_id)] += delta;
}

void SlotBook::set_state(Booking& b, BookingState to, UnixSeconds at) {
  const bool was = occupies_place(b.state), is = occupies_place(to);
  if (b.state == BookingState::held) hold_deadlines_.erase({b.hold_expires_at, b.id});
  b.state = to;
  if (to == BookingState::confirmed) b.confirmed_at = at;
  if (is_final(to)) b.closed_at = at;
  if (was != is) account(b, is ? 1 : -1);
}

void SlotBook::emit(BookingEventKind kind, const Booking& b, UnixSeconds at) {
  BookingEvent e;
  e.kind = kind;
  e.slot_id = b.slot_id;
  e.member_id = b.member_id;
  e.booking_id = b.id;
  e.at = at;
  pending_.push_back(std::move(e));
}

BookingChange SlotBook::answer(const Booking& b) { return BookingChange{b, take_events()}; }

std::vector<BookingEvent> SlotBook::take_events() {
  std::vector<BookingEvent> out;
  out.swap(pending_);
  return out;
}

Booking* SlotBook::find_booking(const std::string& id) {
  auto it = bookings_.find(id);
  return it == bookings_.end() ? nullptr : &it->second;
}

bool SlotBook::has_place(const Slot& slot, const std::string& member_id) const {
  auto it = by_slot_.find(slot.id);
  if (it == by_slot_.end()) return false;
  for (const std::string& id : it->second) {
    const Booking& b = bookings_.at(id);
    if (b.member_id == member_id && occupies_place(b.state)) return true;
  }
  return false;
}

// ---- admission ----

std::optional<Error> SlotBook::admit(const Slot& slot, const Applicant& who, UnixSeconds now, bool check_quota) const {
  if (who.member_id.empty()) return make_error(Errc::invalid_input, "缺少会员编号", "Member id is missing");
  auto st = standings_.find(who.member_id);
  if (st != standings_.end() && now < st->second.blocked_until) return member_blocked_error(st->second.blocked_until);
  if (now >= slot.book_until) return booking_error(BookingErrc::booking_closed);
  if (has_place(slot, who.member_id)) return booking_error(BookingErrc::already_booked);
  if (slot.plan_id.empty()) return std::nullopt;
  const Plan& plan = plans_.at(slot.plan_id);
  if (!plan_admits(plan, who.occupation)) return booking_error(BookingErrc::not_eligible);
  if (!find_package(plan, who.package_id)) return booking_error(BookingErrc::package_not_found);
  if (allowance_used(plan.id, who.member_id, period_key(plan.allowance_period, slot.start)) >= plan.allowance)
    return booking_error(BookingErrc::allowance_used);
  if (check_quota && quota_used(plan.id, period_key(Period::Year, slot.start)) >= plan.yearly_quota)
    return booking_error(BookingErrc::quota_exhausted);
  return std::nullopt;
}

Booking& SlotBook::create_hold(const Slot& slot, const Applicant& who, UnixSeconds now, bool from_waitlist) {
  Booking b;
  do b.id = id_to_string(ids_.next(now * 1000));
  while (bookings_.count(b.id));
  b.slot_id = slot.id;
  b.member_id = who.member_id;
  b.state = BookingState::held;
  if (!slot.plan_id.empty()) {
    const Package& p = *find_package(plans_.at(slot.plan_id), who.package_id);
    b.package_id = p.id;
    b.value_fen = p.value_fen;
    b.copay_fen = p.copay_fen;
    b.union_share_fen = p.union_share_fen();
  }
  b.from_waitlist = from_waitlist;
  b.created_at = now;
  b.hold_expires_at = std::min(now + slot.hold_seconds, slot.end);
  Booking& stored = bookings_.emplace(b.id, b).first->second;
  by_slot_[slot.id].push_back(stored.id);
  hold_deadlines_.insert({stored.hold_expires_at, stored.id});
  account(stored, 1);
  // Holding a place directly ends any wait for it.
  auto& wl = waitlists_[slot.id];
  wl.erase(std::remove_if(wl.begin(), wl.end(), [&](const WaitlistEntry& e) { return e.member_id == who.member_id; }),
           wl.end());
  return stored;
}

void SlotBook::promote(const std::string& slot_id, UnixSeconds now) {
  const Slot& slot = slots_.at(slot_id);
  auto& wl = waitlists_[slot_id];
  while (!wl.empty() && taken(slot_id) < slot.capacity && now < slot.book_until) {
    const WaitlistEntry head = wl.front();
    wl.erase(wl.begin());
    const Applicant who{head.member_id, head.occupation, head.package_id};
    if (auto refusal = admit(slot, who, now, /*check_quota=*/true)) {
      BookingEvent e;
      e.kind = BookingEventKind::waitlist_dropped;
      e.slot_id = slot_id;
      e.member_id = head.member_id;
      e.at = now;
      e.reason_zh = refusal->zh;
      e.reason_en = refusal->en;
      pending_.push_back(std::move(e));
      continue;
    }
    emit(BookingEventKind::promoted, create_hold(slot, who, now, /*from_waitlist=*/true), now);
  }
}

void SlotBook::lapse_holds(UnixSeconds now) {
  std::vector<std::string> freed;
  while (!hold_deadlines_.empty() && hold_deadlines_.begin()->first <= now) {
    Booking& b = bookings_.at(hold_deadlines_.begin()->second);
    const UnixSeconds at = b.hold_expires_at;  // it lapsed then, whenever we noticed
    set_state(b, BookingState::expired, at);
    emit(BookingEventKind::hold_expired, b, at);
    freed.push_back(b.slot_id);
  }
  for (const std::string& slot_id : freed) promote(slot_id, now);
}

// ---- operations ----

Result<BookingChange> SlotBook::hold(const std::string& slot_id, const Applicant& who, UnixSeconds now) {
  lapse_holds(now);
  auto it = slots_.find(slot_id);
  if (it == slots_.end()) return booking_error(BookingErrc::slot_not_found);
  const Slot& slot = it->second;
  if (auto refusal = admit(slot, who, now, /*check_quota=*/true)) return *refusal;
  if (taken(slot_id) >= slot.capacity) return booking_error(BookingErrc::slot_full);
  const Booking& b = create_hold(slot, who, now, /*from_waitlist=*/false);
  emit(BookingEventKind::held, b, now);
  return answer(b);
}

// Every change to one booking starts the same way: let due holds lapse, find the booking,
// and ask the state machine. Confirming a hold that has just lapsed says so, rather than
// calling it an illegal transition.
Result<Booking*> SlotBook::booking_for(const std::string& booking_id, BookingState to, UnixSeconds now) {
  lapse_holds(now);
  Booking* b = find_booking(booking_id);
  if (!b) return booking_error(BookingErrc::booking_not_found);
  if (to == BookingState::confirmed && b->state == BookingState::expired) return booking_error(BookingErrc::hold_expired);
  if (!transition_allowed(b->state, to)) return illegal_transition_error(b->state, to);
  return b;
}

Result<BookingChange> SlotBook::confirm(const std::string& booking_id, UnixSeconds now) {
  Result<Booking*> found = booking_for(booking_id, BookingState::confirmed, now);
  if (!found.ok()) return found.error();
  Booking* b = found.value();
  set_state(*b, BookingState::confirmed, now);
  emit(BookingEventKind::confirmed, *b, now);
  return answer(*b);
}

Result<BookingChange> SlotBook::cancel(const std::string& booking_id, UnixSeconds now) {
  Result<Booking*> found = booking_for(booking_id, BookingState::cancelled, now);
  if (!found.ok()) return found.error();
  Booking* b = found.value();
  const Slot& slot = slots_.at(b->slot_id);
  if (b->state == BookingState::confirmed && now >= slot.cancel_until)
    return booking_error(BookingErrc::cancel_cutoff_passed);
  set_state(*b, BookingState::cancelled, now);
  emit(BookingEventKind::cancelled, *b, now);
  promote(slot.id, now);
  return answer(*b);
}

Result<BookingChange> SlotBook::check_in(const std::string& booking_id, Fen copay_collected, UnixSeconds now) {
  Result<Booking*> found = booking_for(booking_id, BookingState::checked_in, now);
  if (!found.ok()) return found.error();
  Booking* b = found.value();
  const Slot& slot = slots_.at(b->slot_id);
  if (now >= slot.end) return booking_error(BookingErrc::slot_ended);
  // From 00:00 CST that day: a check-in recorded days early would hide a later no-show.
  if (now < period_start(Period::Day, slot.start)) return booking_error(BookingErrc::check_in_not_open);
  if (copay_collected != b->copay_fen) return wrong_copay_error(b->copay_fen);
  b->copay_collected_fen = copay_collected;
  set_state(*b, BookingState::checked_in, now);
  emit(BookingEventKind::checked_in, *b, now);
  return answer(*b);
}

Result<BookingChange> SlotBook::mark_no_show(const std::string& booking_id, UnixSeconds now) {
  Result<Booking*> found = booking_for(booking_id, BookingState::no_show, now);
  if (!found.ok()) return found.error();
  Booking* b = found.value();
  const Slot& slot = slots_.at(b->slot_id);
  if (now < slot.end) return booking_error(BookingErrc::slot_not_ended);
  set_state(*b, BookingState::no_show, now);
  emit(BookingEventKind::no_show, *b, now);
  MemberStanding& st = standings_[b->member_id];
  st.member_id = b->member_id;
  if (auto until = record_no_show(st, policy_, slot.start, now)) {
    BookingEvent e;
    e.kind = BookingEventKind::member_blocked;
    e.member_id = b->member_id;
    e.slot_id = b->slot_id;
    e.at = now;
    e.until = *until;
    pending_.push_back(std::move(e));
  }
  return answer(*b);
}

Result<WaitlistChange> SlotBook::join_waitlist(const std::string& slot_id, const Applicant& who, UnixSeconds now) {
  lapse_holds(now);
  auto it = slots_.find(slot_id);
  if (it == slots_.end()) return booking_error(BookingErrc::slot_not_found);
  const Slot& slot = it->second;
  // The yearly quota is not checked here: a cancellation returns a quota place too.
  if (auto refusal = admit(slot, who, now, /*check_quota=*/false)) return *refusal;
  auto& wl = waitlists_[slot_id];
  for (const WaitlistEntry& e : wl)
    if (e.member_id == who.member_id) return booking_error(BookingErrc::already_waitlisted);
  if (taken(slot_id) < slot.capacity) return booking_error(BookingErrc::places_available);
  WaitlistEntry entry{slot_id, who.member_id, who.occupation, who.package_id, now};
  auto pos = wl.insert(std::upper_bound(wl.begin(), wl.end(), entry, waitlist_before), entry);
  BookingEvent e;
  e.kind = BookingEventKind::waitlisted;
  e.slot_id = slot_id;
  e.member_id = who.member_id;
  e.at = now;
  pending_.push_back(std::move(e));
  return WaitlistChange{entry, static_cast<std::int32_t>(pos - wl.begin()) + 1, take_events()};
}

Result<WaitlistChange> SlotBook::leave_waitlist(const std::string& slot_id, const std::string& member_id, UnixSeconds now) {
  lapse_holds(now);
  if (!slots_.count(slot_id)) return booking_error(BookingErrc::slot_not_found);
  auto& wl = waitlists_[slot_id];
  auto it = std::find_if(wl.begin(), wl.end(), [&](const WaitlistEntry& e) { return e.member_id == member_id; });
  if (it == wl.end()) return booking_error(BookingErrc::not_waitlisted);
  const WaitlistEntry entry = *it;
  wl.erase(it);
  BookingEvent e;
  e.kind = BookingEventKind::left_waitlist;
  e.slot_id = slot_id;
  e.member_id = member_id;
  e.at = now;
  pending_.push_back(std::move(e));
  return WaitlistChange{entry, 0, take_events()};
}

std::vector<BookingEvent> SlotBook::expire_holds(UnixSeconds now) {
  lapse_holds(now);
  return take_events();
}

std::vector<BookingEvent> SlotBook::mark_no_shows(UnixSeconds now) {
  lapse_holds(now);
  std::vector<std::string> due;
  for (const auto& [id, b] : bookings_)
    if (b.state == BookingState::confirmed && slots_.at(b.slot_id).end <= now) due.push_back(id);
  // Oldest slot first, so strikes accumulate in the order they happened.
  std::sort(due.begin(), due.end(), [&](const std::string& a, const std::string& b) {
    const UnixSeconds sa = slots_.at(bookings_.at(a).slot_id).start, sb = slots_.at(bookings_.at(b).slot_id).start;
    return sa != sb ? sa < sb : a < b;
  });
  std::vector<BookingEvent> out = take_events();
  for (const std::string& id : due) {
    Result<BookingChange> r = mark_no_show(id, now);
    if (r.ok()) out.insert(out.end(), r.value().events.begin(), r.value().events.end());
  }
  return out;
}

// ---- reading ----

const Plan* SlotBook::plan(const std::string& id) const {
  auto it = plans_.find(id);
  return it == plans_.end() ? nullptr : &it->second;
}

const Slot* SlotBook::slot(const std::string& id) const {
  auto it = slots_.find(id);
  return it == slots_.end() ? nullptr : &it->second;
}

const Booking* SlotBook::booking(const std::string& id) const {
  auto it = bookings_.find(id);
  return it == bookings_.end() ? nullptr : &it->second;
}

std::int32_t SlotBook::taken(const std::string& slot_id) const {
  auto it = taken_.find(slot_id);
  return it == taken_.end() ? 0 : it->second;
}

std::int32_t SlotBook::available(const std::string& slot_id) const {
  const Slot* s = slot(slot_id);
  return s ? std::max(0, s->capacity - taken(slot_id)) : 0;
}

std::vector<Booking> SlotBook::bookings_in(const std::string& slot_id) const {
  std::vector<Booking> out;
  auto it = by_slot_.find(slot_id);
  if (it != by_slot_.end())
    for (const std::string& id : it->second) out.push_back(bookings_.at(id));
  return out;
}

std::vector<WaitlistEntry> SlotBook::waitlist(const std::string& slot_id) const {
  auto it = waitlists_.find(slot_id);
  return it == waitlists_.end() ? std::vector<WaitlistEntry>{} : it->second;
}

std::vector<Slot> SlotBook::slots() const {
  std::vector<Slot> out;
  for (const auto& kv : slots_) out.push_back(kv.second);
  return out;
}

std::vector<Booking> SlotBook::bookings() const {
  std::vector<Booking> out;
  for (const auto& kv : bookings_) out.push_back(kv.second);
  return out;
}

UnixSeconds SlotBook::blocked_until(const std::string& member_id) const {
  auto it = standings_.find(member_id);
  return it == standings_.end() ? 0 : it->second.blocked_until;
}

std::int32_t SlotBook::quota_used(const std::string& plan_id, const std::string& year_key) const {
  auto it = usage_.find(std::string("q") + kSep + plan_id + kSep + year_key);
  return it == usage_.end() ? 0 : it->second;
}

std::int32_t SlotBook::allowance_used(const std::string& plan_id, const std::string& member_id,
                                      const std::string& period_key) const {
  auto it = usage_.find(std::string("a") + kSep + plan_id + kSep + member_id + kSep + period_key);
  return it == usage_.end() ? 0 : it->second;
}

}  // namespace hg
