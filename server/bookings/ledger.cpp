// The capacity engine on the store (see ledger.h). Its rows are read and written through
// booking_repo.
//
// Sections:
//   counters            a booking starts or stops occupying a place; lapsing holds
//   ids and codes       booking ids, six-digit codes
//   holds and waitlist  lapsing due holds, promoting the head of a waitlist
//   admission           the checks of SlotBook::admit against the store; creating a hold
//   state changes       one booking's change decided by a restored SlotBook
#include "server/bookings/ledger.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

#include "core/bookings/booking_errors.h"
#include "core/bookings/pickup_code.h"
#include "core/bookings/slot_book.h"
#include "core/ids.h"
#include "server/api_error.h"

namespace hg::srv::bookings {

namespace repo = booking_repo;

// ---- counters ----

namespace {

// The one place counters change: a booking starts (+1) or stops (-1) occupying a place.
// The store's CHECKs refuse the write if this would ever exceed a limit.
void count(Db& db, const Slot& slot, const std::optional<Plan>& plan, const std::string& member_id, int delta) {
  repo::add_taken(db, slot.id, delta);
  if (plan)
    repo::add_plan_use(db, *plan, member_id, period_key(Period::Year, slot.start),
                       period_key(plan->allowance_period, slot.start), delta);
}

std::optional<Plan> plan_of(Db& db, const Slot& slot) {
  if (slot.plan_id.empty()) return std::nullopt;
  auto p = repo::find_plan(db, slot.plan_id);
  if (!p) throw DbError(booking_error(BookingErrc::plan_not_found), "slot " + slot.id + " names a missing plan");
  return p;
}

void lapse(Db& db, const std::vector<std::string>& booking_ids, UnixSeconds now) {
  std::vector<std::string> freed;
  for (const std::string& id : booking_ids) {
    auto row = repo::find_booking(db, id);
    if (!row || row->booking.state != BookingState::held) continue;
    auto slot = repo::find_slot(db, row->booking.slot_id);
    if (!slot) continue;
    Booking b = row->booking;
    b.state = BookingState::expired;
    b.closed_at = b.hold_expires_at;  // it lapsed then, whenever it was noticed
    repo::update_booking(db, b);
    count(db, slot->slot, plan_of(db, slot->slot), b.member_id, -1);
    // Locker compartments: a lapsed hold closes its pickup code too.
    if (slot->slot.kind == SlotKind::locker) repo::close_pickup(db, b.id, PickupState::expired, b.hold_expires_at);
    freed.push_back(slot->slot.id);
  }
  std::sort(freed.begin(), freed.end());
  freed.erase(std::unique(freed.begin(), freed.end()), freed.end());
  for (const std::string& slot_id : freed) promote(db, slot_id, now);
}

}  // namespace

// ---- ids and codes ----

std::string new_booking_id(UnixSeconds now) {
  // Write operations run on the group-commit thread; thread_local keeps two servers in one
  // process (tests) from sharing a generator.
  thread_local IdGenerator ids(randombytes_random() | (static_cast<std::uint64_t>(randombytes_random()) << 32));
  return id_to_string(ids.next(now * 1000));
}

std::string random_code() {
  const RandomSource random = [] { return randombytes_random(); };
  auto code = make_pickup_code(random, {});
  if (!code) fail(booking_error(BookingErrc::no_code_available));
  return *code;
}

// ---- holds and waitlist ----

void lapse_holds_in_slot(Db& db, const std::string& slot_id, UnixSeconds now) {
  lapse(db, repo::due_holds_in_slot(db, slot_id, now), now);
}

void lapse_holds_of_member(Db& db, const std::string& member_id, UnixSeconds now) {
  lapse(db, repo::due_holds_of_member(db, member_id, now), now);
}

void promote(Db& db, const std::string& slot_id, UnixSeconds now) {
  for (;;) {
    auto slot = repo::find_slot(db, slot_id);
    if (!slot || slot->taken >= slot->slot.capacity || now >= slot->slot.book_until) return;
    const std::optional<Who> head = repo::waitlist_head(db, slot_id);
    if (!head) return;
    repo::leave_waitlist(db, slot_id, head->member_id);
    repo::add_waiting(db, slot_id, -1);
    const std::optional<Plan> plan = plan_of(db, slot->slot);
    // The head may no longer qualify (blocked, allowance used elsewhere): they are dropped
    // and the next in line is asked, as SlotBook::promote does.
    if (admit(db, *slot, plan, *head, now, /*check_quota=*/true)) continue;
    create_hold(db, *slot, plan, *head, now, /*from_waitlist=*/true, repo::next_seq(db));
  }
}

// ---- admission ----

std::optional<Error> admit(Db& db, const SlotRow& slot, const std::optional<Plan>& plan, const Who& who,
                           UnixSeconds now, bool check_quota) {
  if (who.member_id.empty()) return make_error(Errc::invalid_input, "缺少会员编号", "Member id is missing");
  const repo::Applicant applicant = repo::applicant(db, who.member_id);
  if (now < applicant.blocked_until) return member_blocked_error(applicant.blocked_until);
  if (now >= slot.slot.book_until) return booking_error(BookingErrc::booking_closed);
  if (repo::has_place(db, slot.slot.id, who.member_id)) return booking_error(BookingErrc::already_booked);
  if (slot.cadre_only && !repo::is_cadre(db, who.member_id))
    return make_error(Errc::forbidden, "当一天站长仅面向工会干部报名", "Station duty is open to union cadres only");
  if (!plan) return std::nullopt;
  if (!applicant.occupation) return make_error(Errc::not_found, "没有这位会员", "No such member");
  if (!plan_admits(*plan, *applicant.occupation)) return booking_error(BookingErrc::not_eligible);
  if (!find_package(*plan, who.package_id)) return booking_error(BookingErrc::package_not_found);
  if (repo::allowance_used(db, plan->id, who.member_id, period_key(plan->allowance_period, slot.slot.start)) >=
      plan->allowance)
    return booking_error(BookingErrc::allowance_used);
  if (check_quota && repo::year_used(db, plan->id, period_key(Period::Year, slot.slot.start)) >= plan->yearly_quota)
    return booking_error(BookingErrc::quota_exhausted);
  return std::nullopt;
}

BookingRow create_hold(Db& db, const SlotRow& slot, const std::optional<Plan>& plan, const Who& who, UnixSeconds now,
                       bool from_waitlist, std::int64_t seq) {
  BookingRow row;
  Booking& b = row.booking;
  b.id = new_booking_id(now);
  b.slot_id = slot.slot.id;
  b.member_id = who.member_id;
  b.state = BookingState::held;
  if (plan) {
    const Package* p = find_package(*plan, who.package_id);
    if (!p) fail(booking_error(BookingErrc::package_not_found));
    b.package_id = p->id;
    b.value_fen = p->value_fen;
    b.copay_fen = p->copay_fen;
    b.union_share_fen = p->union_share_fen();
  }
  b.from_waitlist = from_waitlist;
  b.created_at = now;
  b.hold_expires_at = std::min(now + slot.slot.hold_seconds, slot.slot.end);
  row.seq = seq;
  repo::insert_booking(db, b, seq);
  count(db, slot.slot, plan, b.member_id, +1);
  // Holding a place directly ends any wait for it.
  if (repo::leave_waitlist(db, slot.slot.id, who.member_id)) repo::add_waiting(db, slot.slot.id, -1);
  return row;
}

// ---- state changes ----

NoShowPolicy no_show_policy() { return NoShowPolicy{}; }

Response attempt(Db& db, const std::function<Response()>& fn) {
  repo::begin_attempt(db);
  try {
    Response r = fn();
    repo::keep_attempt(db);
    return r;
  } catch (const ApiError& e) {
    repo::undo_attempt(db);
    return Response::error(e.error());
  } catch (...) {
    repo::undo_attempt(db);
    throw;
  }
}

BookingRow apply(Db& db, const std::string& booking_id, Op op, UnixSeconds now, Fen copay_collected) {
  auto found = repo::find_booking(db, booking_id);
  if (!found) fail(booking_error(BookingErrc::booking_not_found));
  // Let this slot's due holds lapse first, so the engine sees the booking as it now is.
  lapse_holds_in_slot(db, found->booking.slot_id, now);
  BookingRow row = *repo::find_booking(db, booking_id);
  auto slot = repo::find_slot(db, row.booking.slot_id);
  if (!slot) fail(booking_error(BookingErrc::slot_not_found));
  const std::optional<Plan> plan = plan_of(db, slot->slot);

  SlotBookSnapshot snap;
  if (plan) snap.plans.push_back(*plan);
  snap.slots.push_back(slot->slot);
  snap.slots.back().capacity = std::max(slot->slot.capacity, 1);  // the engine sees only this booking
  snap.bookings.push_back(row.booking);
  SlotBook book = take(SlotBook::restore(snap, no_show_policy()));
  Result<BookingChange> r = [&]() -> Result<BookingChange> {
    switch (op) {
      case Op::confirm: return book.confirm(booking_id, now);
      case Op::cancel: return book.cancel(booking_id, now);
      case Op::check_in: return book.check_in(booking_id, copay_collected, now);
      case Op::no_show: return book.mark_no_show(booking_id, now);
    }
    return booking_error(BookingErrc::illegal_transition);
  }();
  const Booking after = take(std::move(r)).booking;
  const bool was = occupies_place(row.booking.state), is = occupies_place(after.state);
  row.booking = after;
  repo::update_booking(db, after);
  if (was && !is) count(db, slot->slot, plan, after.member_id, -1);

  if (op == Op::confirm && slot->slot.kind != SlotKind::locker) {
    // The code the member shows at the clinic or class; unique among confirmed bookings.
    for (int i = 0;; ++i) {
      const std::string code = random_code();
      const bool taken = repo::checkin_code_in_use(db, code);
      if (taken && i < 16) continue;
      if (taken) fail(booking_error(BookingErrc::no_code_available));
      repo::set_checkin_code(db, booking_id, code);
      row.checkin_code = code;
      break;
    }
  }
  if (op == Op::cancel) {
    if (slot->slot.kind == SlotKind::locker) repo::close_pickup(db, booking_id, PickupState::cancelled, now);
    promote(db, slot->slot.id, now);
  }
  if (op == Op::no_show) {
    MemberStanding standing = repo::standing(db, after.member_id);
    repo::insert_no_show(db, booking_id, after.member_id, slot->slot.start, now);
    if (auto until = record_no_show(standing, no_show_policy(), slot->slot.start, now))
      repo::block(db, after.member_id, *until);
  }
  return row;
}

}  // namespace hg::srv::bookings
