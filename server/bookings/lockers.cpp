// Smart lockers at union stations. Each stocking of a compartment is a capacity-1 slot of
// the same engine (as core/bookings/locker.h models it): reserving is a hold lasting until
// the pickup deadline, with a six-digit code unique among the locker's active codes;
// picking up confirms and checks in the hold and empties the compartment; a lapsed hold
// frees it like any other. The pickup endpoint is what the locker's keypad calls, signed in
// as that locker; wrong codes are rate-limited per locker so six digits cannot be guessed.
//
// Sections:
//   lockers and compartments  reading lockers, compartments and their views
//   operations                reserve, pick up, restock
//   routes                    list, reserve, pickup, restock
#include <sodium.h>

#include <set>

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

constexpr int kMaxWrongCodes = 5;
constexpr UnixSeconds kWrongCodeWindow = 10 * 60;

struct LockerRow {
  ResourceView resource;
  std::string station_id;
  std::int32_t compartments = 0;
  std::int64_t pickup_seconds = 0;
};

std::optional<LockerRow> find_locker(Db& db, const std::string& id) {
  LockerRow l;
  {
    Stmt& s = db.cached("SELECT station_id, compartments, pickup_seconds FROM bk_lockers WHERE id = ?1");
    const StmtReset reset_s(s);
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    l.station_id = s.column_text(0);
    l.compartments = s.column_int(1);
    l.pickup_seconds = s.column_int64(2);
  }
  auto r = find_resource(db, id);
  if (!r) return std::nullopt;
  l.resource = *r;
  return l;
}

Error no_locker() { return make_error(Errc::not_found, "没有这个智能柜", "No such locker"); }

struct CompartmentRow {
  std::string slot_id;
  LockerItem item;
};

std::optional<CompartmentRow> compartment(Db& db, const std::string& locker_id, std::int32_t number) {
  Stmt& s = db.cached(
      "SELECT coalesce(slot_id, ''), item_kind, item_zh, item_en, value_fen FROM bk_compartments "
      "WHERE locker_id = ?1 AND number = ?2");
  const StmtReset reset_s(s);
  s.bind(1, locker_id).bind(2, number);
  if (!s.step()) return std::nullopt;
  CompartmentRow c;
  c.slot_id = s.column_text(0);
  c.item.kind = item_kind_from_key(s.column_text(1)).value_or(LockerItemKind::other);
  c.item.name_zh = s.column_text(2);
  c.item.name_en = s.column_text(3);
  c.item.value_fen = s.column_int64(4);
  return c;
}

void lapse_locker(Db& db, const std::string& locker_id, UnixSeconds now) {
  std::vector<std::string> slots;
  {
    Stmt& s = db.cached(
        "SELECT DISTINCT b.slot_id FROM bk_pickups p JOIN bk_bookings b ON b.id = p.booking_id "
        "WHERE p.locker_id = ?1 AND p.state = 'active' AND p.deadline <= ?2");
    s.bind(1, locker_id).bind(2, now);
    while (s.step()) slots.push_back(s.column_text(0));
  }
  for (const std::string& slot : slots) lapse_holds_in_slot(db, slot, now);
}

LockerView locker_view(Db& db, const LockerRow& l, UnixSeconds now) {
  LockerView v;
  v.locker = l.resource;
  v.station_id = l.station_id;
  for (std::int32_t n = 1; n <= l.compartments; ++n) {
    CompartmentView c;
    c.number = n;
    if (auto row = compartment(db, l.resource.id, n); row && !row->slot_id.empty()) {
      c.stocked = true;
      c.item = row->item;
      Stmt& s = db.cached(
          "SELECT count(*) FROM bk_bookings WHERE slot_id = ?1 AND (state = 'confirmed' OR "
          "(state = 'held' AND hold_expires_at > ?2))");
      const StmtReset reset_s(s);
      s.bind(1, row->slot_id).bind(2, now);
      s.step();
      c.reserved = s.column_int(0) > 0;
    }
    v.compartments.push_back(std::move(c));
  }
  Stmt& s = db.cached("SELECT coalesce(sum(value_fen), 0) FROM bk_restock_log WHERE locker_id = ?1 AND month = ?2");
  const StmtReset reset_s(s);
  s.bind(1, l.resource.id).bind(2, period_key(Period::Month, now));
  s.step();
  v.restocked_this_month_fen = s.column_int64(0);
  return v;
}

// ---- operations ----

LockerReservation reservation_of(const LockerRow& l, std::int32_t number, const LockerItem& item, const BookingRow& b,
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

Response reserve(Db& db, const LockerRow& l, std::int32_t number, const std::string& member_id, UnixSeconds now) {
  lapse_locker(db, l.resource.id, now);
  auto c = compartment(db, l.resource.id, number);
  if (!c) fail(booking_error(BookingErrc::compartment_not_found));
  if (c->slot_id.empty()) fail(booking_error(BookingErrc::compartment_empty));
  auto slot = find_slot(db, c->slot_id);
  if (!slot) fail(booking_error(BookingErrc::compartment_empty));
  if (slot->taken >= slot->slot.capacity) fail(booking_error(BookingErrc::compartment_taken));
  {
    Stmt& s = db.cached("SELECT 1 FROM bk_pickups WHERE locker_id = ?1 AND member_id = ?2 AND state = 'active'");
    const StmtReset reset_s(s);
    s.bind(1, l.resource.id).bind(2, member_id);
    const bool has = s.step();
    s.reset();
    if (has)
      fail(Errc::conflict, "您在这个柜子已有一件待取物品，取件后再预约",
           "You already have an item waiting at this locker; pick it up first");
  }
  if (auto refusal = admit(db, *slot, std::nullopt, Who{member_id, ""}, now, false)) fail(*refusal);
  std::set<std::string> taken;
  {
    Stmt& s = db.cached("SELECT code FROM bk_pickups WHERE locker_id = ?1 AND state = 'active'");
    s.bind(1, l.resource.id);
    while (s.step()) taken.insert(s.column_text(0));
  }
  const auto code = make_pickup_code([] { return randombytes_random(); }, taken);
  if (!code) fail(booking_error(BookingErrc::no_code_available));
  const BookingRow b = create_hold(db, *slot, std::nullopt, Who{member_id, ""}, now, false, next_seq(db));
  Stmt& ins = db.cached(
      "INSERT INTO bk_pickups (booking_id, locker_id, compartment, member_id, code, item_kind, item_zh, item_en, "
      "value_fen, state, reserved_at, deadline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'active', ?10, ?11)");
  ins.bind(1, b.booking.id).bind(2, l.resource.id).bind(3, number).bind(4, member_id).bind(5, *code);
  ins.bind(6, item_kind_key(c->item.kind)).bind(7, c->item.name_zh).bind(8, c->item.name_en).bind(9, c->item.value_fen);
  ins.bind(10, now).bind(11, b.booking.hold_expires_at);
  ins.run();
  return json_ok(kReservationJson, reservation_of(l, number, c->item, b, *code));
}

// Returns the refusal instead of throwing, so the recorded failure is committed with it.
Response pick_up(Db& db, const LockerRow& l, const std::string& code, UnixSeconds now) {
  lapse_locker(db, l.resource.id, now);
  {
    Stmt& s = db.cached("SELECT count(*) FROM bk_pickup_failures WHERE locker_id = ?1 AND at > ?2");
    const StmtReset reset_s(s);
    s.bind(1, l.resource.id).bind(2, now - kWrongCodeWindow);
    s.step();
    const int wrong = s.column_int(0);
    s.reset();
    if (wrong >= kMaxWrongCodes)
      return Response::error(429, make_error(Errc::unavailable, "取件码错误次数过多，请 10 分钟后再试",
                                             "Too many wrong pickup codes; try again in 10 minutes"));
  }
  std::string booking_id, last_state;
  std::int32_t number = 0;
  LockerItem item;
  {
    Stmt& s = db.cached(
        "SELECT booking_id, state, compartment, item_kind, item_zh, item_en, value_fen FROM bk_pickups "
        "WHERE locker_id = ?1 AND code = ?2 ORDER BY (state = 'active') DESC, reserved_at DESC LIMIT 1");
    const StmtReset reset_s(s);
    s.bind(1, l.resource.id).bind(2, code);
    if (s.step()) {
      booking_id = s.column_text(0);
      last_state = s.column_text(1);
      number = s.column_int(2);
      item.kind = item_kind_from_key(s.column_text(3)).value_or(LockerItemKind::other);
      item.name_zh = s.column_text(4);
      item.name_en = s.column_text(5);
      item.value_fen = s.column_int64(6);
    }
  }
  if (last_state != "active") {
    Stmt& f = db.cached("INSERT INTO bk_pickup_failures (locker_id, at) VALUES (?1, ?2)");
    f.bind(1, l.resource.id).bind(2, now);
    f.run();
    return Response::error(booking_error(last_state == "picked_up" ? BookingErrc::code_used
                                         : last_state == "expired" ? BookingErrc::code_expired
                                                                   : BookingErrc::wrong_code));
  }
  apply(db, booking_id, Op::confirm, now);
  const BookingRow b = apply(db, booking_id, Op::check_in, now, 0);
  Stmt& p = db.cached("UPDATE bk_pickups SET state = 'picked_up', closed_at = ?2 WHERE booking_id = ?1");
  p.bind(1, booking_id).bind(2, now);
  p.run();
  Stmt& e = db.cached(
      "UPDATE bk_compartments SET slot_id = NULL, item_kind = '', item_zh = '', item_en = '', value_fen = 0 "
      "WHERE locker_id = ?1 AND number = ?2 AND slot_id = ?3");
  e.bind(1, l.resource.id).bind(2, number).bind(3, b.booking.slot_id);
  e.run();
  LockerReservation r = reservation_of(l, number, item, b, "");
  r.state = PickupState::picked_up;
  r.closed_at = now;
  return json_ok(kReservationJson, r);
}

Response restock(Db& db, const LockerRow& l, const RestockRequest& in, const std::string& account, UnixSeconds now) {
  lapse_locker(db, l.resource.id, now);
  auto c = compartment(db, l.resource.id, in.compartment);
  if (!c) fail(booking_error(BookingErrc::compartment_not_found));
  if (!c->slot_id.empty())
    if (auto slot = find_slot(db, c->slot_id); slot && slot->taken > 0) fail(booking_error(BookingErrc::compartment_taken));
  const std::int64_t n = next_seq(db);
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
  insert_slot(db, s, false);
  Stmt& u = db.cached(
      "UPDATE bk_compartments SET slot_id = ?3, item_kind = ?4, item_zh = ?5, item_en = ?6, value_fen = ?7 "
      "WHERE locker_id = ?1 AND number = ?2");
  u.bind(1, l.resource.id).bind(2, in.compartment).bind(3, s.id).bind(4, item_kind_key(in.item.kind));
  u.bind(5, in.item.name_zh).bind(6, in.item.name_en).bind(7, in.item.value_fen);
  u.run();
  Stmt& log = db.cached(
      "INSERT INTO bk_restock_log (locker_id, compartment, item_kind, item_zh, item_en, value_fen, month, at, by_account) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  log.bind(1, l.resource.id).bind(2, in.compartment).bind(3, item_kind_key(in.item.kind)).bind(4, in.item.name_zh);
  log.bind(5, in.item.name_en).bind(6, in.item.value_fen).bind(7, period_key(Period::Month, now)).bind(8, now);
  log.bind(9, account);
  log.run();
  return json_ok(kRestockEntryJson, RestockEntry{l.resource.id, in.compartment, in.item, now});
}

}  // namespace

// ---- routes ----

void add_locker_routes(Router& router, ApiContext& ctx) {
  router.add("GET", "/api/v1/bookings/lockers", Run::on_worker, [&ctx](const Request&) {
    const UnixSeconds now = ctx.now();
    return json_ok(kLockerListJson, ctx.store.read([&](Db& db) {
      LockerList out;
      for (const ResourceView& r : resources_of_kind(db, "locker"))
        if (auto l = find_locker(db, r.id)) out.lockers.push_back(locker_view(db, *l, now));
      return out;
    }));
  });

  add_idempotent_write<LockerReserveRequest>(
      router, ctx, {"POST", "/api/v1/bookings/lockers/{id}/reserve", {Role::member}, kLockerReserveJson},
      [](const Request& req, const Principal& me, LockerReserveRequest in) {
        return [member = me.subject, in = std::move(in), id = std::string(req.param("id"))](Db& db, UnixSeconds now) {
          auto l = find_locker(db, id);
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
          auto l = find_locker(db, id);
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
          auto l = find_locker(db, id);
          if (!l) fail(no_locker());
          return restock(db, *l, in, account, now);
        };
      });
}

}  // namespace hg::srv::bookings
