// Reading: what can be booked (public) and a member's own bookings, waitlist places and
// locker pickups. Reads never write: a hold whose deadline has passed but that no write has
// noticed yet is shown as expired and its place as free, which is what the next write will
// make true.
#include "core/bookings/wire.h"
#include "server/auth/require.h"
#include "server/bookings/common.h"
#include "server/bookings/ledger.h"
#include "server/bookings/routes_parts.h"
#include "server/store/member_repo.h"

namespace hg::srv::bookings {

namespace {

const char* resource_kind_for(SlotKind k) {
  switch (k) {
    case SlotKind::health_check: return "clinic";
    case SlotKind::locker: return "locker";
    case SlotKind::class_session: return "class";
    case SlotKind::station_duty: return "station";
  }
  return "clinic";
}

Availability availability(Db& db, SlotKind kind, UnixSeconds now, const std::string& member_id) {
  Availability a;
  a.now = now;
  std::optional<Occupation> occupation;
  if (!member_id.empty())
    if (auto m = member_repo::find(db, member_id)) occupation = m->occupation;
  if (kind == SlotKind::health_check)
    for (Plan& p : all_plans(db)) {
      PlanView v;
      v.eligible = !occupation || plan_admits(p, *occupation);
      v.year = period_key(Period::Year, now);
      v.year_used = year_used(db, p.id, v.year);
      v.plan = std::move(p);
      a.plans.push_back(std::move(v));
    }
  a.resources = resources_of_kind(db, resource_kind_for(kind));
  std::vector<std::string> ids;
  {
    Stmt& s = db.cached("SELECT id FROM bk_slots WHERE kind = ?1 AND end_at > ?2 ORDER BY start_at, id LIMIT 2000");
    s.bind(1, slot_kind_key(kind)).bind(2, now);
    while (s.step()) ids.push_back(s.column_text(0));
  }
  for (const std::string& id : ids) {
    auto row = find_slot(db, id);
    if (!row) continue;
    SlotView v;
    v.slot = row->slot;
    v.cadre_only = row->cadre_only;
    Stmt& due = db.cached("SELECT count(*) FROM bk_bookings WHERE slot_id = ?1 AND state = 'held' AND hold_expires_at <= ?2");
    const StmtReset reset_due(due);
    due.bind(1, id).bind(2, now);
    due.step();
    const int lapsed = due.column_int(0);
    due.reset();
    v.waiting = waitlist_length(db, id);
    // Freed places go to the waitlist first.
    v.free = now < row->slot.book_until ? std::max(0, row->slot.capacity - row->taken + lapsed - v.waiting) : 0;
    a.slots.push_back(std::move(v));
  }
  return a;
}

MyBookings mine(Db& db, const std::string& member_id, UnixSeconds now) {
  MyBookings m;
  std::vector<std::string> ids;
  {
    Stmt& s = db.cached(
        "SELECT b.id FROM bk_bookings b JOIN bk_slots s ON s.id = b.slot_id WHERE b.member_id = ?1 AND s.kind <> 'locker' "
        "ORDER BY b.created_at DESC, b.seq DESC LIMIT 100");
    s.bind(1, member_id);
    while (s.step()) ids.push_back(s.column_text(0));
  }
  for (const std::string& id : ids)
    if (auto row = find_booking(db, id)) m.bookings.push_back(booking_view(db, *row, now));
  std::vector<std::string> waits;
  {
    Stmt& s = db.cached("SELECT slot_id FROM bk_waitlist WHERE member_id = ?1 ORDER BY seq");
    s.bind(1, member_id);
    while (s.step()) waits.push_back(s.column_text(0));
  }
  for (const std::string& slot_id : waits) {
    auto pos = waitlist_position(db, slot_id, member_id);
    auto slot = find_slot(db, slot_id);
    if (!pos || !slot) continue;
    WaitlistView w;
    w.slot_id = slot_id;
    w.title_zh = slot->slot.title_zh;
    w.title_en = slot->slot.title_en;
    w.start = slot->slot.start;
    w.position = pos->position;
    w.seq = pos->seq;
    w.joined_at = pos->joined_at;
    if (auto r = find_resource(db, slot->slot.resource_id)) {
      w.resource_name_zh = r->name_zh;
      w.resource_name_en = r->name_en;
    }
    m.waitlist.push_back(std::move(w));
  }
  {
    Stmt& s = db.cached(
        "SELECT booking_id, locker_id, compartment, code, item_kind, item_zh, item_en, value_fen, state, reserved_at, "
        "deadline, closed_at FROM bk_pickups WHERE member_id = ?1 ORDER BY reserved_at DESC LIMIT 50");
    s.bind(1, member_id);
    while (s.step()) {
      LockerReservation r;
      r.id = s.column_text(0);
      r.locker_id = s.column_text(1);
      r.compartment = s.column_int(2);
      r.member_id = member_id;
      r.item.kind = item_kind_from_key(s.column_text(4)).value_or(LockerItemKind::other);
      r.item.name_zh = s.column_text(5);
      r.item.name_en = s.column_text(6);
      r.item.value_fen = s.column_int64(7);
      const std::string st = s.column_text(8);
      r.state = st == "active" ? PickupState::active
                : st == "picked_up" ? PickupState::picked_up
                : st == "expired" ? PickupState::expired
                                  : PickupState::cancelled;
      r.reserved_at = s.column_int64(9);
      r.deadline = s.column_int64(10);
      r.closed_at = s.column_int64(11);
      if (r.state == PickupState::active && r.deadline <= now) {
        r.state = PickupState::expired;
        r.closed_at = r.deadline;
      }
      // The code is only shown while it still opens the door.
      r.code = r.state == PickupState::active ? s.column_text(3) : "";
      m.pickups.push_back(std::move(r));
    }
  }
  m.blocked_until = blocked_until(db, member_id);
  m.cadre = is_cadre(db, member_id);
  return m;
}

}  // namespace

void add_availability_routes(Router& router, ApiContext& ctx) {
  router.add("GET", "/api/v1/bookings/availability", Run::on_worker, [&ctx](const Request& req) {
    const std::string k = req.query("kind");
    const auto kind = k.empty() ? std::optional<SlotKind>(SlotKind::health_check) : slot_kind_from_key(k);
    if (!kind || *kind == SlotKind::locker)
      fail(Errc::invalid_input, "kind 应为 health_check、class_session 或 station_duty",
           "kind must be health_check, class_session or station_duty");
    const UnixSeconds now = ctx.now();
    // Public; a signed-in member also learns which plans they may book.
    const std::optional<Principal> me = authenticate_optional(req, ctx);
    const std::string member = me && me->role == Role::member ? me->subject : "";
    return json_ok(kAvailabilityJson, ctx.store.read([&](Db& db) { return availability(db, *kind, now, member); }));
  });

  router.add("GET", "/api/v1/bookings/mine", Run::on_worker, [&ctx](const Request& req) {
    const Principal me = require_role(req, ctx, {Role::member});
    const UnixSeconds now = ctx.now();
    return json_ok(kMyBookingsJson, ctx.store.read([&](Db& db) { return mine(db, me.subject, now); }));
  });
}

}  // namespace hg::srv::bookings
