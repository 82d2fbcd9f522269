// A member's writes: hold a place (or join the waitlist when full), confirm, cancel, and
// join or leave a waitlist. Each runs inside the group-committed transaction, idempotent
// per account and Idempotency-Key; ownership is checked against the booking's member.
#include "core/bookings/booking_errors.h"
#include "core/bookings/wire.h"
#include "server/bookings/common.h"
#include "server/bookings/ledger.h"
#include "server/bookings/routes_parts.h"
#include "server/write_route.h"

namespace hg::srv::bookings {

namespace {

namespace repo = booking_repo;

WaitlistView wait_view(Db& db, const SlotRow& slot, const std::string& member_id) {
  WaitlistView w;
  w.slot_id = slot.slot.id;
  w.title_zh = slot.slot.title_zh;
  w.title_en = slot.slot.title_en;
  w.start = slot.slot.start;
  if (member_id.empty()) {
    // the caller fills in the position
  } else if (auto pos = repo::waitlist_position(db, slot.slot.id, member_id)) {
    w.position = pos->position;
    w.seq = pos->seq;
    w.joined_at = pos->joined_at;
  }
  if (auto r = repo::find_resource(db, slot.slot.resource_id)) {
    w.resource_name_zh = r->name_zh;
    w.resource_name_en = r->name_en;
  }
  return w;
}

// Joins the waitlist of a full slot; admission as for a hold, quota aside.
// `admitted`: the caller has just run admit() with the quota (stricter than a join needs).
WaitlistView join(Db& db, const SlotRow& slot, const std::optional<Plan>& plan, const Who& who, UnixSeconds now,
                  bool admitted = false) {
  if (!admitted)
    if (auto refusal = admit(db, slot, plan, who, now, /*check_quota=*/false)) fail(*refusal);
  const std::int64_t seq = repo::next_seq(db);
  // Already waiting: nothing is inserted (and the refusal's savepoint gives the seq back).
  if (!repo::join_waitlist(db, slot.slot.id, who, now, seq)) fail(booking_error(BookingErrc::already_waitlisted));
  if (slot.taken < slot.slot.capacity) fail(booking_error(BookingErrc::places_available));
  // Appended with the highest seq: the position is the new length, no counting needed.
  WaitlistView w = wait_view(db, slot, "");
  w.position = repo::add_waiting(db, slot.slot.id, +1);
  w.seq = seq;
  w.joined_at = now;
  return w;
}

// Due holds of the slot and of the member lapse (and waitlists move up) before the request
// is decided, and stay lapsed even when the request itself is refused.
void lapse_around(Db& db, const std::string& slot_id, const std::string& member_id, UnixSeconds now) {
  if (!repo::any_hold_due(db, now)) return;
  lapse_holds_in_slot(db, slot_id, now);  // finds nothing for an unknown slot
  lapse_holds_of_member(db, member_id, now);
}

SlotRow slot_now(Db& db, const std::string& slot_id) {
  auto slot = repo::find_slot(db, slot_id);
  if (!slot) fail(booking_error(BookingErrc::slot_not_found));
  return *slot;
}

// Runs after lapse_around(): due holds have already lapsed.
Response hold(Db& db, const HoldRequest& in, const std::string& member_id, UnixSeconds now) {
  const std::optional<SlotRow> found = repo::find_slot(db, in.slot_id);
  if (!found) fail(booking_error(BookingErrc::slot_not_found));
  const SlotRow& slot = *found;
  if (slot.slot.kind == SlotKind::locker)
    fail(Errc::invalid_input, "智能柜请在柜格页面预约", "Reserve locker items from the locker page");
  const std::optional<Plan> plan = slot.slot.plan_id.empty() ? std::nullopt : repo::find_plan(db, slot.slot.plan_id);
  const Who who{member_id, plan ? in.package_id : ""};
  HoldResult out;
  if (auto refusal = admit(db, slot, plan, who, now, /*check_quota=*/true)) fail(*refusal);
  if (slot.taken >= slot.slot.capacity) {
    if (!in.waitlist_if_full) fail(booking_error(BookingErrc::slot_full));
    out.outcome = "waitlisted";
    out.waitlist = join(db, slot, plan, who, now, /*admitted=*/true);
    return json_ok(kHoldResultJson, out);
  }
  const BookingRow row = create_hold(db, slot, plan, who, now, /*from_waitlist=*/false, repo::next_seq(db));
  out.outcome = "held";
  out.booking = booking_view(db, row, now);
  return json_ok(kHoldResultJson, out);
}

BookingRow owned(Db& db, const std::string& booking_id, const std::string& member_id) {
  auto row = repo::find_booking(db, booking_id);
  // Someone else's booking looks exactly like a missing one.
  if (!row || row->booking.member_id != member_id) fail(booking_error(BookingErrc::booking_not_found));
  return *row;
}

std::string checked_id(std::string_view id) {
  if (id.empty() || id.size() > 32) fail(booking_error(BookingErrc::booking_not_found));
  return std::string(id);
}

}  // namespace

void add_hold_routes(Router& router, ApiContext& ctx) {
  add_idempotent_write<HoldRequest>(
      router, ctx, {"POST", "/api/v1/bookings/hold", {Role::member}, kHoldRequestJson},
      [](const Request&, const Principal& me, HoldRequest in) {
        if (in.slot_id.empty() || in.slot_id.size() > 64) fail(booking_error(BookingErrc::slot_not_found));
        return [member = me.subject, in = std::move(in)](Db& db, UnixSeconds now) {
          lapse_around(db, in.slot_id, member, now);
          return attempt(db, [&] { return hold(db, in, member, now); });
        };
      });

  // confirm and cancel share their shape: the member's own booking, one engine operation.
  for (const auto& [path, op] : {std::pair<const char*, Op>{"/api/v1/bookings/{id}/confirm", Op::confirm},
                                 std::pair<const char*, Op>{"/api/v1/bookings/{id}/cancel", Op::cancel}}) {
    const Op which = op;
    add_idempotent_write(router, ctx, {"POST", path, {Role::member}}, [which](const Request& req, const Principal& me) {
      return [member = me.subject, id = checked_id(req.param("id")), which](Db& db, UnixSeconds now) {
        if (auto b = repo::find_booking(db, id)) lapse_around(db, b->booking.slot_id, member, now);
        return attempt(db, [&] {
          owned(db, id, member);
          const BookingRow row = apply(db, id, which, now);
          return json_ok(kBookingViewJson, booking_view(db, row, now));
        });
      };
    });
  }

  add_idempotent_write<WaitlistRequest>(
      router, ctx, {"POST", "/api/v1/bookings/waitlist/join", {Role::member}, kWaitlistRequestJson},
      [](const Request&, const Principal& me, WaitlistRequest in) {
        return [member = me.subject, in = std::move(in)](Db& db, UnixSeconds now) {
          lapse_around(db, in.slot_id, member, now);
          return attempt(db, [&] {
            const SlotRow slot = slot_now(db, in.slot_id);
            if (slot.slot.kind == SlotKind::locker) fail(booking_error(BookingErrc::invalid_slot));
            const std::optional<Plan> plan = slot.slot.plan_id.empty() ? std::nullopt : repo::find_plan(db, slot.slot.plan_id);
            return json_ok(kWaitlistViewJson, join(db, slot, plan, Who{member, plan ? in.package_id : ""}, now));
          });
        };
      });

  add_idempotent_write<WaitlistRequest>(
      router, ctx, {"POST", "/api/v1/bookings/waitlist/leave", {Role::member}, kWaitlistRequestJson},
      [](const Request&, const Principal& me, WaitlistRequest in) {
        return [member = me.subject, in = std::move(in)](Db& db, UnixSeconds) {
          if (!repo::find_slot(db, in.slot_id)) fail(booking_error(BookingErrc::slot_not_found));
          if (!repo::leave_waitlist(db, in.slot_id, member)) fail(booking_error(BookingErrc::not_waitlisted));
          repo::add_waiting(db, in.slot_id, -1);
          WaitlistView w;
          w.slot_id = in.slot_id;
          return json_ok(kWaitlistViewJson, w);
        };
      });
}

}  // namespace hg::srv::bookings
