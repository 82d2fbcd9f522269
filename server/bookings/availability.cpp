// Reading: what can be booked (public) and a member's own bookings, waitlist places and
// locker pickups. Reads never write: a hold whose deadline has passed but that no write has
// noticed yet is shown as expired and its place as free, which is what the next write will
// make true.
#include "core/bookings/wire.h"
#include "server/auth/require.h"
#include "server/bookings/booking_repo.h"
#include "server/bookings/common.h"
#include "server/bookings/routes_parts.h"
#include "server/store/member_repo.h"

namespace hg::srv::bookings {

namespace {

namespace repo = booking_repo;

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
    for (Plan& p : repo::all_plans(db)) {
      PlanView v;
      v.eligible = !occupation || plan_admits(p, *occupation);
      v.year = period_key(Period::Year, now);
      v.year_used = repo::year_used(db, p.id, v.year);
      v.plan = std::move(p);
      a.plans.push_back(std::move(v));
    }
  a.resources = repo::resources_of_kind(db, resource_kind_for(kind));
  for (const std::string& id : repo::upcoming_slot_ids(db, kind, now, 2000)) {
    auto row = repo::find_slot(db, id);
    if (!row) continue;
    SlotView v;
    v.slot = row->slot;
    v.cadre_only = row->cadre_only;
    const int lapsed = repo::count_due_holds(db, id, now);
    v.waiting = repo::waitlist_length(db, id);
    // Freed places go to the waitlist first.
    v.free = now < row->slot.book_until ? std::max(0, row->slot.capacity - row->taken + lapsed - v.waiting) : 0;
    a.slots.push_back(std::move(v));
  }
  return a;
}

MyBookings mine(Db& db, const std::string& member_id, UnixSeconds now) {
  MyBookings m;
  for (const std::string& id : repo::member_booking_ids(db, member_id, 100))
    if (auto row = repo::find_booking(db, id)) m.bookings.push_back(booking_view(db, *row, now));
  for (const std::string& slot_id : repo::waitlisted_slot_ids(db, member_id)) {
    auto pos = repo::waitlist_position(db, slot_id, member_id);
    auto slot = repo::find_slot(db, slot_id);
    if (!pos || !slot) continue;
    WaitlistView w;
    w.slot_id = slot_id;
    w.title_zh = slot->slot.title_zh;
    w.title_en = slot->slot.title_en;
    w.start = slot->slot.start;
    w.position = pos->position;
    w.seq = pos->seq;
    w.joined_at = pos->joined_at;
    if (auto r = repo::find_resource(db, slot->slot.resource_id)) {
      w.resource_name_zh = r->name_zh;
      w.resource_name_en = r->name_en;
    }
    m.waitlist.push_back(std::move(w));
  }
  for (LockerReservation& r : repo::member_pickups(db, member_id, 50)) {
    if (r.state == PickupState::active && r.deadline <= now) {
      r.state = PickupState::expired;
      r.closed_at = r.deadline;
    }
    // The code is only shown while it still opens the door.
    if (r.state != PickupState::active) r.code.clear();
    m.pickups.push_back(std::move(r));
  }
  m.blocked_until = repo::blocked_until(db, member_id);
  m.cadre = repo::is_cadre(db, member_id);
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
