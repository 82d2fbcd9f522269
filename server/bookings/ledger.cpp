// The capacity engine on the store (see ledger.h).
//
// Sections:
//   counters            quota, allowance and taken counters; lapsing holds and pickups
//   ids and codes       sequence numbers, booking ids, pickup codes
//   holds and waitlist  lapsing due holds, promoting the head of a waitlist
//   members             no-show blocks, cadres
//   admission           the checks of SlotBook::admit against the store; creating a hold
//   state changes       one booking's change decided by a restored SlotBook
//   waitlist            positions and lengths
#include "server/bookings/ledger.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

#include "core/bookings/booking_errors.h"
#include "core/bookings/pickup_code.h"
#include "core/bookings/slot_book.h"
#include "core/ids.h"
#include "server/api_error.h"
#include "server/store/member_repo.h"

namespace hg::srv::bookings {

// ---- counters ----

namespace {

// Quota and allowance rows are made on first use with the plan's current limits.
void count_plan(Db& db, const Slot& slot, const Plan& plan, const std::string& member_id, int delta) {
  const std::string year = period_key(Period::Year, slot.start);
  const std::string period = period_key(plan.allowance_period, slot.start);
  if (delta > 0) {
    Stmt& y = db.cached("INSERT OR IGNORE INTO bk_plan_years (plan_id, year, quota) VALUES (?1, ?2, ?3)");
    y.bind(1, plan.id).bind(2, year).bind(3, plan.yearly_quota);
    y.run();
    Stmt& a = db.cached("INSERT OR IGNORE INTO bk_allowance (plan_id, member_id, period, allowed) VALUES (?1, ?2, ?3, ?4)");
    a.bind(1, plan.id).bind(2, member_id).bind(3, period).bind(4, plan.allowance);
    a.run();
  }
  Stmt& y = db.cached("UPDATE bk_plan_years SET used = used + ?3 WHERE plan_id = ?1 AND year = ?2");
  y.bind(1, plan.id).bind(2, year).bind(3, delta);
  y.run();
  Stmt& a = db.cached("UPDATE bk_allowance SET used = used + ?4 WHERE plan_id = ?1 AND member_id = ?2 AND period = ?3");
  a.bind(1, plan.id).bind(2, member_id).bind(3, period).bind(4, delta);
  a.run();
}

// The one place counters change: a booking starts (+1) or stops (-1) occupying a place.
// The store's CHECKs refuse the write if this would ever exceed a limit.
void count(Db& db, const Slot& slot, const std::optional<Plan>& plan, const std::string& member_id, int delta) {
  Stmt& s = db.cached("UPDATE bk_slots SET taken = taken + ?2 WHERE id = ?1");
  s.bind(1, slot.id).bind(2, delta);
  s.run();
  if (plan) count_plan(db, slot, *plan, member_id, delta);
}

std::optional<Plan> plan_of(Db& db, const Slot& slot) {
  if (slot.plan_id.empty()) return std::nullopt;
  auto p = find_plan(db, slot.plan_id);
  if (!p) throw DbError(booking_error(BookingErrc::plan_not_found), "slot " + slot.id + " names a missing plan");
  return p;
}

// Locker compartments: a lapsed or cancelled hold closes its pickup code too.
void close_pickup(Db& db, const std::string& booking_id, const char* state, UnixSeconds at) {
  Stmt& s = db.cached("UPDATE bk_pickups SET state = ?2, closed_at = ?3 WHERE booking_id = ?1 AND state = 'active'");
  s.bind(1, booking_id).bind(2, state).bind(3, at);
  s.run();
}

void lapse(Db& db, const std::vector<std::string>& booking_ids, UnixSeconds now) {
  std::vector<std::string> freed;
  for (const std::string& id : booking_ids) {
    auto row = find_booking(db, id);
    if (!row || row->booking.state != BookingState::held) continue;
    auto slot = find_slot(db, row->booking.slot_id);
    if (!slot) continue;
    Booking b = row->booking;
    b.state = BookingState::expired;
    b.closed_at = b.hold_expires_at;  // it lapsed then, whenever it was noticed
    update_booking(db, b);
    count(db, slot->slot, plan_of(db, slot->slot), b.member_id, -1);
    if (slot->slot.kind == SlotKind::locker) close_pickup(db, b.id, "expired", b.hold_expires_at);
    freed.push_back(slot->slot.id);
  }
  std::sort(freed.begin(), freed.end());
  freed.erase(std::unique(freed.begin(), freed.end()), freed.end());
  for (const std::string& slot_id : freed) promote(db, slot_id, now);
}

// ---- ids and codes ----

std::vector<std::string> column0(Stmt& s) {
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

}  // namespace

std::int64_t next_seq(Db& db) {
  Stmt& s = db.cached("UPDATE bk_sequence SET value = value + 1 WHERE name = 'accept' RETURNING value");
  const StmtReset reset_s(s);
  if (!s.step()) throw DbError(make_error(Errc::internal, "预约序号缺失", "The booking sequence is missing"), "bk_sequence");
  const std::int64_t v = s.column_int64(0);
  return v;
}

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

bool hold_due(Db& db, UnixSeconds now) {
  Stmt& s = db.cached("SELECT 1 FROM bk_bookings WHERE state = 'held' AND hold_expires_at <= ?1 LIMIT 1");
  const StmtReset reset_s(s);
  s.bind(1, now);
  const bool due = s.step();
  return due;
}

void lapse_holds_in_slot(Db& db, const std::string& slot_id, UnixSeconds now) {
  Stmt& s = db.cached("SELECT id FROM bk_bookings WHERE slot_id = ?1 AND state = 'held' AND hold_expires_at <= ?2");
  s.bind(1, slot_id).bind(2, now);
  lapse(db, column0(s), now);
}

void lapse_holds_of_member(Db& db, const std::string& member_id, UnixSeconds now) {
  Stmt& s = db.cached(
      "SELECT id FROM bk_bookings WHERE member_id = ?1 AND state = 'held' AND hold_expires_at <= ?2");
  s.bind(1, member_id).bind(2, now);
  lapse(db, column0(s), now);
}

void promote(Db& db, const std::string& slot_id, UnixSeconds now) {
  for (;;) {
    auto slot = find_slot(db, slot_id);
    if (!slot || slot->taken >= slot->slot.capacity || now >= slot->slot.book_until) return;
    Who head;
    {
      Stmt& s = db.cached("SELECT member_id, package_id FROM bk_waitlist WHERE slot_id = ?1 ORDER BY seq LIMIT 1");
      const StmtReset reset_s(s);
      s.bind(1, slot_id);
      if (!s.step()) return;
      head = Who{s.column_text(0), s.column_text(1)};
    }
    Stmt& del = db.cached("DELETE FROM bk_waitlist WHERE slot_id = ?1 AND member_id = ?2");
    del.bind(1, slot_id).bind(2, head.member_id);
    del.run();
    count_waiting(db, slot_id, -1);
    const std::optional<Plan> plan = plan_of(db, slot->slot);
    // The head may no longer qualify (blocked, allowance used elsewhere): they are dropped
    // and the next in line is asked, as SlotBook::promote does.
    if (admit(db, *slot, plan, head, now, /*check_quota=*/true)) continue;
    create_hold(db, *slot, plan, head, now, /*from_waitlist=*/true, next_seq(db));
  }
}

// ---- members ----

UnixSeconds blocked_until(Db& db, const std::string& member_id) {
  Stmt& s = db.cached("SELECT blocked_until FROM bk_blocks WHERE member_id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, member_id);
  const UnixSeconds v = s.step() ? s.column_int64(0) : 0;
  return v;
}

bool is_cadre(Db& db, const std::string& member_id) {
  Stmt& s = db.cached("SELECT 1 FROM bk_cadres WHERE member_id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, member_id);
  const bool yes = s.step();
  return yes;
}

// ---- admission ----

std::optional<Error> admit(Db& db, const SlotRow& slot, const std::optional<Plan>& plan, const Who& who,
                           UnixSeconds now, bool check_quota) {
  if (who.member_id.empty()) return make_error(Errc::invalid_input, "缺少会员编号", "Member id is missing");
  // The member's occupation and block in one read (every hold of a rush asks both).
  std::optional<std::string> occupation_key;
  UnixSeconds until = 0;
  {
    Stmt& s = db.cached(
        "SELECT m.occupation, coalesce((SELECT b.blocked_until FROM bk_blocks b WHERE b.member_id = m.id), 0) "
        "FROM members m WHERE m.id = ?1");
    const StmtReset reset_s(s);
    s.bind(1, who.member_id);
    if (s.step()) {
      occupation_key = s.column_text(0);
      until = s.column_int64(1);
    } else {
      until = blocked_until(db, who.member_id);
    }
  }
  if (now < until) return member_blocked_error(until);
  if (now >= slot.slot.book_until) return booking_error(BookingErrc::booking_closed);
  {
    Stmt& s = db.cached(
        "SELECT 1 FROM bk_bookings WHERE slot_id = ?1 AND member_id = ?2 AND state IN ('held', 'confirmed', 'checked_in')");
    const StmtReset reset_s(s);
    s.bind(1, slot.slot.id).bind(2, who.member_id);
    const bool has = s.step();
    s.reset();
    if (has) return booking_error(BookingErrc::already_booked);
  }
  if (slot.cadre_only && !is_cadre(db, who.member_id))
    return make_error(Errc::forbidden, "当一天站长仅面向工会干部报名", "Station duty is open to union cadres only");
  if (!plan) return std::nullopt;
  if (!occupation_key) return make_error(Errc::not_found, "没有这位会员", "No such member");
  Occupation occupation = Occupation::office;
  if (const auto o = member_repo::occupation_from_key(*occupation_key)) occupation = *o;
  if (!plan_admits(*plan, occupation)) return booking_error(BookingErrc::not_eligible);
  if (!find_package(*plan, who.package_id)) return booking_error(BookingErrc::package_not_found);
  {
    Stmt& s = db.cached("SELECT used FROM bk_allowance WHERE plan_id = ?1 AND member_id = ?2 AND period = ?3");
    const StmtReset reset_s(s);
    s.bind(1, plan->id).bind(2, who.member_id).bind(3, period_key(plan->allowance_period, slot.slot.start));
    const int used = s.step() ? s.column_int(0) : 0;
    s.reset();
    if (used >= plan->allowance) return booking_error(BookingErrc::allowance_used);
  }
  if (check_quota && year_used(db, plan->id, period_key(Period::Year, slot.slot.start)) >= plan->yearly_quota)
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
  insert_booking(db, b, seq);
  count(db, slot.slot, plan, b.member_id, +1);
  // Holding a place directly ends any wait for it.
  Stmt& del = db.cached("DELETE FROM bk_waitlist WHERE slot_id = ?1 AND member_id = ?2");
  del.bind(1, slot.slot.id).bind(2, who.member_id);
  del.run();
  if (db.changes() > 0) count_waiting(db, slot.slot.id, -1);
  return row;
}

// ---- state changes ----

NoShowPolicy no_show_policy() { return NoShowPolicy{}; }

Response attempt(Db& db, const std::function<Response()>& fn) {
  // Cached: this runs on every booking write of a rush.
  auto run = [&db](const char* sql) { db.cached(sql).run(); };
  auto undo = [&] {
    run("ROLLBACK TO bk_attempt");
    db.forget_rows();  // the plans or resources it wrote may have been remembered
    run("RELEASE bk_attempt");
  };
  run("SAVEPOINT bk_attempt");
  try {
    Response r = fn();
    run("RELEASE bk_attempt");
    return r;
  } catch (const ApiError& e) {
    undo();
    return Response::error(e.error());
  } catch (...) {
    undo();
    throw;
  }
}

BookingRow apply(Db& db, const std::string& booking_id, Op op, UnixSeconds now, Fen copay_collected) {
  auto found = find_booking(db, booking_id);
  if (!found) fail(booking_error(BookingErrc::booking_not_found));
  // Let this slot's due holds lapse first, so the engine sees the booking as it now is.
  lapse_holds_in_slot(db, found->booking.slot_id, now);
  BookingRow row = *find_booking(db, booking_id);
  auto slot = find_slot(db, row.booking.slot_id);
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
  update_booking(db, after);
  if (was && !is) count(db, slot->slot, plan, after.member_id, -1);

  if (op == Op::confirm && slot->slot.kind != SlotKind::locker) {
    // The code the member shows at the clinic or class; unique among confirmed bookings.
    for (int i = 0;; ++i) {
      const std::string code = random_code();
      Stmt& s = db.cached("SELECT 1 FROM bk_bookings WHERE checkin_code = ?1 AND state = 'confirmed'");
      const StmtReset reset_s(s);
      s.bind(1, code);
      const bool taken = s.step();
      s.reset();
      if (taken && i < 16) continue;
      if (taken) fail(booking_error(BookingErrc::no_code_available));
      Stmt& u = db.cached("UPDATE bk_bookings SET checkin_code = ?2 WHERE id = ?1");
      u.bind(1, booking_id).bind(2, code);
      u.run();
      row.checkin_code = code;
      break;
    }
  }
  if (op == Op::cancel) {
    if (slot->slot.kind == SlotKind::locker) close_pickup(db, booking_id, "cancelled", now);
    promote(db, slot->slot.id, now);
  }
  if (op == Op::no_show) {
    MemberStanding standing;
    standing.member_id = after.member_id;
    {
      Stmt& s = db.cached("SELECT missed_at FROM bk_no_shows WHERE member_id = ?1 ORDER BY missed_at");
      s.bind(1, after.member_id);
      while (s.step()) standing.no_shows.push_back(s.column_int64(0));
    }
    standing.blocked_until = blocked_until(db, after.member_id);
    Stmt& ins = db.cached("INSERT INTO bk_no_shows (booking_id, member_id, missed_at, recorded_at) VALUES (?1, ?2, ?3, ?4)");
    ins.bind(1, booking_id).bind(2, after.member_id).bind(3, slot->slot.start).bind(4, now);
    ins.run();
    if (auto until = record_no_show(standing, no_show_policy(), slot->slot.start, now)) {
      Stmt& b = db.cached(
          "INSERT INTO bk_blocks (member_id, blocked_until) VALUES (?1, ?2) ON CONFLICT (member_id) DO UPDATE SET "
          "blocked_until = max(blocked_until, excluded.blocked_until)");
      b.bind(1, after.member_id).bind(2, *until);
      b.run();
    }
  }
  return row;
}

// ---- waitlist ----

std::optional<WaitPosition> waitlist_position(Db& db, const std::string& slot_id, const std::string& member_id) {
  WaitPosition w;
  {
    Stmt& s = db.cached("SELECT seq, joined_at FROM bk_waitlist WHERE slot_id = ?1 AND member_id = ?2");
    const StmtReset reset_s(s);
    s.bind(1, slot_id).bind(2, member_id);
    if (!s.step()) return std::nullopt;
    w.seq = s.column_int64(0);
    w.joined_at = s.column_int64(1);
  }
  Stmt& s = db.cached("SELECT count(*) FROM bk_waitlist WHERE slot_id = ?1 AND seq <= ?2");
  const StmtReset reset_s(s);
  s.bind(1, slot_id).bind(2, w.seq);
  s.step();
  w.position = s.column_int(0);
  return w;
}

std::int32_t count_waiting(Db& db, const std::string& slot_id, int delta) {
  Stmt& s = db.cached("UPDATE bk_slots SET waiting = waiting + ?2 WHERE id = ?1 RETURNING waiting");
  const StmtReset reset_s(s);
  s.bind(1, slot_id).bind(2, delta);
  const int n = s.step() ? s.column_int(0) : 0;
  return n;
}

std::int32_t waitlist_length(Db& db, const std::string& slot_id) {
  Stmt& s = db.cached("SELECT waiting FROM bk_slots WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, slot_id);
  s.step();
  const int n = s.column_int(0);
  return n;
}

}  // namespace hg::srv::bookings
