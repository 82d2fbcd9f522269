// Smart lockers at union stations. Each stocking of a compartment is a capacity-1 slot of
// the same engine (as core/bookings/locker.h models it): reserving is a hold lasting until
// the pickup deadline, with a six-digit code unique among the locker's active codes;
// picking up confirms and checks in the hold and empties the compartment; a lapsed hold
// frees it like any other. The pickup endpoint is what the locker's keypad calls, signed in
// as that locker; wrong codes are rate-limited per locker so six digits cannot be guessed.
//
// Sections:
//   lockers and compartments  lapsing a locker's due pickups, a locker's view
//   operations                reserve, pick up, restock
//   routes                    list, reserve, pickup, restock
#include <sodium.h>

#include "core/bookings/booking_errors.h"
#include "core/bookings/pickup_code.h"
#include "core/bookings/wire.h"
#include "server/auth/require.h"
#include "server/bookings/common.h"
#include "server/bookings/ledger.h"
#include "server/bookings/routes_parts.h"
#include "server/write_route.h"

namespace hg::srv::bookings {

// ---- lockers and compartments ----

namespace {

namespace repo = booking_repo;
using repo::Locker;

constexpr int kMaxWrongCodes = 5;
constexpr UnixSeconds kWrongCodeWindow = 10 * 60;

Error no_locker() { return make_error(Errc::not_found, "没有这个智能柜", "No such locker"); }

void lapse_locker(Db& db, const std::string& locker_id, UnixSeconds now) {
  for (const std::string& slot : repo::slots_with_due_pickups(db, locker_id, now)) lapse_holds_in_slot(db, slot, now);
}

LockerView locker_view(Db& db, const Locker& l, UnixSeconds now) {
  LockerView v;
  v.locker = l.resource;
  v.station_id = l.station_id;
  for (std::int32_t n = 1; n <= l.compartments; ++n) {
    CompartmentView c;
    c.number = n;
    if (auto row = repo::find_compartment(db, l.resource.id, n); row && !row->slot_id.empty()) {
      c.stocked = true;
      c.item = row->item;
      c.reserved = repo::reserved(db, row->slot_id, now);
    }
    v.compartments.push_back(std::move(c));
  }
  v.restocked_this_month_fen = repo::restocked_in_month(db, l.resource.id, period_key(Period::Month, now));
  return v;
}

// ---- operations ----

LockerReservation reservation_of(const Locker& l, std::int32_t number, const LockerItem& item, const BookingRow& b,
                                 const std::string& code) {
  LockerReservation r;
  r.id = b.booking.id;
  r.locker_id = l.resource.id;
  r.compartment = number;
  r.member_id = b.booking.member_id;
  r.code = code;
  r.item = item;
  r.state = PickupState::active;
  r.reserved_at = b.booking.created_at;
  r.deadline = b.booking.hold_expires_at;
  return r;
}

Response reserve(Db& db, const Locker& l, std::int32_t number, const std::string& member_id, UnixSeconds now) {
  lapse_locker(db, l.resource.id, now);
  auto c = repo::find_compartment(db, l.resource.id, number);
  if (!c) fail(booking_error(BookingErrc::compartment_not_found));
  if (c->slot_id.empty()) fail(booking_error(BookingErrc::compartment_empty));
  auto slot = repo::find_slot(db, c->slot_id);
  if (!slot) fail(booking_error(BookingErrc::compartment_empty));
  if (slot->taken >= slot->slot.capacity) fail(booking_error(BookingErrc::compartment_taken));
  if (repo::has_active_pickup(db, l.resource.id, member_id))
    fail(Errc::conflict, "您在这个柜子已有一件待取物品，取件后再预约",
         "You already have an item waiting at this locker; pick it up first");
  if (auto refusal = admit(db, *slot, std::nullopt, Who{member_id, ""}, now, false)) fail(*refusal);
  const auto code = make_pickup_code([] { return randombytes_random(); }, repo::active_codes(db, l.resource.id));
  if (!code) fail(booking_error(BookingErrc::no_code_available));
  const BookingRow b = create_hold(db, *slot, std::nullopt, Who{member_id, ""}, now, false, repo::next_seq(db));
  const LockerReservation r = reservation_of(l, number, c->item, b, *code);
  repo::insert_pickup(db, r);
  return json_ok(kReservationJson, r);
}

// Returns the refusal instead of throwing, so the recorded failure is committed with it.
Response pick_up(Db& db, const Locker& l, const std::string& code, UnixSeconds now) {
  lapse_locker(db, l.resource.id, now);
  if (repo::wrong_codes_since(db, l.resource.id, now - kWrongCodeWindow) >= kMaxWrongCodes)
    return Response::error(429, make_error(Errc::unavailable, "取件码错误次数过多，请 10 分钟后再试",
                                           "Too many wrong pickup codes; try again in 10 minutes"));
  const std::optional<LockerReservation> found = repo::pickup_by_code(db, l.resource.id, code);
  if (!found || found->state != PickupState::active) {
    repo::record_wrong_code(db, l.resource.id, now);
    const PickupState last = found ? found->state : PickupState::cancelled;
    return Response::error(booking_error(last == PickupState::picked_up ? BookingErrc::code_used
                                         : last == PickupState::expired ? BookingErrc::code_expired
                                                                        : BookingErrc::wrong_code));
  }
  apply(db, found->id, Op::confirm, now);
  const BookingRow b = apply(db, found->id, Op::check_in, now, 0);
  repo::close_pickup(db, found->id, PickupState::picked_up, now);
  repo::empty_compartment(db, l.resource.id, found->compartment, b.booking.slot_id);
  LockerReservation r = reservation_of(l, found->compartment, found->item, b, "");
  r.state = PickupState::picked_up;
  r.closed_at = now;
  return json_ok(kReservationJson, r);
}

Response restock(Db& db, const Locker& l, const RestockRequest& in, const std::string& account, UnixSeconds now) {
  lapse_locker(db, l.resource.id, now);
  auto c = repo::find_compartment(db, l.resource.id, in.compartment);
  if (!c) fail(booking_error(BookingErrc::compartment_not_found));
  if (!c->slot_id.empty())
    if (auto slot = repo::find_slot(db, c->slot_id); slot && slot->taken > 0) fail(booking_error(BookingErrc::compartment_taken));
  const std::int64_t n = repo::next_seq(db);
  Slot s;
  s.id = l.resource.id + "#" + std::to_string(in.compartment) + "/" + std::to_string(n);
  s.kind = SlotKind::locker;
  s.resource_id = l.resource.id;
  s.title_zh = in.item.name_zh;
  s.title_en = in.item.name_en;
  s.start = now;
  s.end = s.book_until = s.cancel_until = kOpenEnded;
  s.capacity = 1;
  s.hold_seconds = l.pickup_seconds;
  repo::insert_slot(db, s, false);
  repo::stock_compartment(db, l.resource.id, in.compartment, s.id, in.item);
  const RestockEntry e{l.resource.id, in.compartment, in.item, now};
  repo::log_restock(db, e, account);
  return json_ok(kRestockEntryJson, e);
}

}  // namespace

// ---- routes ----

void add_locker_routes(Router& router, ApiContext& ctx) {
  router.add("GET", "/api/v1/bookings/lockers", Run::on_worker, [&ctx](const Request&) {
    const UnixSeconds now = ctx.now();
    return json_ok(kLockerListJson, ctx.store.read([&](Db& db) {
      LockerList out;
      for (const ResourceView& r : repo::resources_of_kind(db, "locker"))
        if (auto l = repo::find_locker(db, r.id)) out.lockers.push_back(locker_view(db, *l, now));
      return out;
    }));
  });

  add_idempotent_write<LockerReserveRequest>(
      router, ctx, {"POST", "/api/v1/bookings/lockers/{id}/reserve", {Role::member}, kLockerReserveJson},
      [](const Request& req, const Principal& me, LockerReserveRequest in) {
        return [member = me.subject, in = std::move(in), id = std::string(req.param("id"))](Db& db, UnixSeconds now) {
          auto l = repo::find_locker(db, id);
          if (!l) fail(no_locker());
          lapse_locker(db, id, now);
          return attempt(db, [&] { return reserve(db, *l, in.compartment, member, now); });
        };
      });

  add_idempotent_write<PickupRequest>(
      router, ctx, {"POST", "/api/v1/bookings/lockers/{id}/pickup", {Role::locker}, kPickupRequestJson},
      [](const Request& req, const Principal& me, PickupRequest in) {
        std::string id(req.param("id"));
        if (me.subject != id) fail(forbidden_error());  // a locker opens only its own doors
        bool digits = in.code.size() == 6;
        for (char ch : in.code) digits = digits && ch >= '0' && ch <= '9';
        if (!digits) fail(Errc::invalid_input, "请输入 6 位数字取件码", "Enter the 6-digit pickup code");
        return [code = std::move(in.code), id = std::move(id)](Db& db, UnixSeconds now) {
          auto l = repo::find_locker(db, id);
          if (!l) fail(no_locker());
          return pick_up(db, *l, code, now);
        };
      });

  add_idempotent_write<RestockRequest>(
      router, ctx, {"POST", "/api/v1/bookings/lockers/{id}/restock", {Role::locker, Role::union_admin}, kRestockRequestJson},
      [](const Request& req, const Principal& me, RestockRequest in) {
        std::string id(req.param("id"));
        if (me.role == Role::locker && me.subject != id) fail(forbidden_error());
        if (in.item.name_zh.empty() || in.item.name_en.empty() || in.item.name_zh.size() > 90 || in.item.name_en.size() > 190 ||
            in.item.value_fen < 0 || in.item.value_fen > 100000 || static_cast<int>(in.item.kind) > 4)
          fail(booking_error(BookingErrc::invalid_item));
        return [account = me.account_id, in = std::move(in), id = std::move(id)](Db& db, UnixSeconds now) {
          auto l = repo::find_locker(db, id);
          if (!l) fail(no_locker());
          return restock(db, *l, in, account, now);
        };
      });
}

}  // namespace hg::srv::bookings
