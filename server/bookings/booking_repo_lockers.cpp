// The bookings area's rows (see booking_repo.h): smart lockers, their compartments, pickups,
// the restock log and wrong codes typed at the keypad.
#include "server/bookings/booking_repo.h"

#include "server/bookings/booking_repo_rows.h"

namespace hg::srv::booking_repo {

namespace {

constexpr const char* kItemKinds[] = {"instant_noodles", "raincoat", "gloves", "welcome_pack", "other"};
constexpr const char* kPickupStates[] = {"active", "picked_up", "expired", "cancelled"};

const char* item_kind_key(LockerItemKind k) { return kItemKinds[static_cast<int>(k) % 5]; }
// An item kind this code does not know reads as other.
LockerItemKind item_kind_from_key(const std::string& key) {
  for (int i = 0; i < 5; ++i)
    if (key == kItemKinds[i]) return static_cast<LockerItemKind>(i);
  return LockerItemKind::other;
}
const char* pickup_state_key(PickupState s) { return kPickupStates[static_cast<int>(s) % 4]; }
// A pickup state this code does not know reads as cancelled.
PickupState pickup_state_from_key(const std::string& key) {
  for (int i = 0; i < 4; ++i)
    if (key == kPickupStates[i]) return static_cast<PickupState>(i);
  return PickupState::cancelled;
}

// Reads item_kind, item_zh, item_en, value_fen from column `first` on.
LockerItem read_item(const Stmt& s, int first) {
  LockerItem item;
  std::string kind;
  s.columns(first, kind, item.name_zh, item.name_en, item.value_fen);
  item.kind = item_kind_from_key(kind);
  return item;
}

}  // namespace

// ---- lockers ----

std::optional<Locker> find_locker(Db& db, const std::string& id) {
  Locker l;
  {
    Stmt& s = db.cached("SELECT station_id, compartments, pickup_seconds FROM bk_lockers WHERE id = ?1");
    const StmtReset reset_s(s);
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    s.columns(0, l.station_id, l.compartments, l.pickup_seconds);
  }
  auto r = find_resource(db, id);
  if (!r) return std::nullopt;
  l.resource = *r;
  return l;
}

std::optional<Compartment> find_compartment(Db& db, const std::string& locker_id, std::int32_t number) {
  return first_row(
      db,
      "SELECT coalesce(slot_id, ''), item_kind, item_zh, item_en, value_fen FROM bk_compartments "
      "WHERE locker_id = ?1 AND number = ?2",
      [](const Stmt& s) { return Compartment{s.column_text(0), read_item(s, 1)}; }, locker_id, number);
}

void stock_compartment(Db& db, const std::string& locker_id, std::int32_t number, const std::string& slot_id,
                       const LockerItem& item) {
  Stmt& s = db.cached(
      "UPDATE bk_compartments SET slot_id = ?3, item_kind = ?4, item_zh = ?5, item_en = ?6, value_fen = ?7 "
      "WHERE locker_id = ?1 AND number = ?2");
  s.bind(1, locker_id).bind(2, number).bind(3, slot_id).bind(4, item_kind_key(item.kind));
  s.bind(5, item.name_zh).bind(6, item.name_en).bind(7, item.value_fen);
  s.run();
}

void empty_compartment(Db& db, const std::string& locker_id, std::int32_t number, const std::string& slot_id) {
  Stmt& s = db.cached(
      "UPDATE bk_compartments SET slot_id = NULL, item_kind = '', item_zh = '', item_en = '', value_fen = 0 "
      "WHERE locker_id = ?1 AND number = ?2 AND slot_id = ?3");
  s.bind(1, locker_id).bind(2, number).bind(3, slot_id);
  s.run();
}

void log_restock(Db& db, const RestockEntry& e, const std::string& by_account) {
  Stmt& s = db.cached(
      "INSERT INTO bk_restock_log (locker_id, compartment, item_kind, item_zh, item_en, value_fen, month, at, by_account) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  s.bind(1, e.locker_id).bind(2, e.compartment).bind(3, item_kind_key(e.item.kind)).bind(4, e.item.name_zh);
  s.bind(5, e.item.name_en).bind(6, e.item.value_fen).bind(7, period_key(Period::Month, e.at)).bind(8, e.at);
  s.bind(9, by_account);
  s.run();
}

Fen restocked_in_month(Db& db, const std::string& locker_id, const std::string& month) {
  return db.cached_int64(
      "SELECT coalesce(sum(value_fen), 0) FROM bk_restock_log WHERE locker_id = ?1 AND month = ?2", 0, locker_id, month);
}

// ---- pickups ----

void insert_pickup(Db& db, const LockerReservation& r) {
  Stmt& s = db.cached(
      "INSERT INTO bk_pickups (booking_id, locker_id, compartment, member_id, code, item_kind, item_zh, item_en, "
      "value_fen, state, reserved_at, deadline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  s.bind(1, r.id).bind(2, r.locker_id).bind(3, r.compartment).bind(4, r.member_id).bind(5, r.code);
  s.bind(6, item_kind_key(r.item.kind)).bind(7, r.item.name_zh).bind(8, r.item.name_en).bind(9, r.item.value_fen);
  s.bind(10, pickup_state_key(r.state)).bind(11, r.reserved_at).bind(12, r.deadline);
  s.run();
}

void close_pickup(Db& db, const std::string& booking_id, PickupState state, UnixSeconds at) {
  Stmt& s = db.cached("UPDATE bk_pickups SET state = ?2, closed_at = ?3 WHERE booking_id = ?1 AND state = 'active'");
  s.bind(1, booking_id).bind(2, pickup_state_key(state)).bind(3, at);
  s.run();
}

std::optional<LockerReservation> pickup_by_code(Db& db, const std::string& locker_id, const std::string& code) {
  auto read = [&](const Stmt& s) {
    LockerReservation r;
    s.columns(0, r.id);
    r.state = pickup_state_from_key(s.column_text(1));
    s.columns(2, r.compartment);
    r.item = read_item(s, 3);
    r.locker_id = locker_id;
    r.code = code;
    return r;
  };
  return first_row(db,
                   "SELECT booking_id, state, compartment, item_kind, item_zh, item_en, value_fen FROM bk_pickups "
                   "WHERE locker_id = ?1 AND code = ?2 ORDER BY (state = 'active') DESC, reserved_at DESC LIMIT 1",
                   read, locker_id, code);
}

bool has_active_pickup(Db& db, const std::string& locker_id, const std::string& member_id) {
  Stmt& s = db.cached("SELECT 1 FROM bk_pickups WHERE locker_id = ?1 AND member_id = ?2 AND state = 'active'");
  const StmtReset reset_s(s);
  s.bind(1, locker_id).bind(2, member_id);
  return s.step();
}

std::set<std::string> active_codes(Db& db, const std::string& locker_id) {
  Stmt& s = db.cached("SELECT code FROM bk_pickups WHERE locker_id = ?1 AND state = 'active'");
  s.bind(1, locker_id);
  std::set<std::string> out;
  while (s.step()) out.insert(s.column_text(0));
  return out;
}

std::vector<std::string> slots_with_due_pickups(Db& db, const std::string& locker_id, UnixSeconds now) {
  return ids_of(db,
                "SELECT DISTINCT b.slot_id FROM bk_pickups p JOIN bk_bookings b ON b.id = p.booking_id "
                "WHERE p.locker_id = ?1 AND p.state = 'active' AND p.deadline <= ?2",
                locker_id, now);
}

std::vector<LockerReservation> member_pickups(Db& db, const std::string& member_id, int limit) {
  Stmt& s = db.cached(
      "SELECT booking_id, locker_id, compartment, code, item_kind, item_zh, item_en, value_fen, state, reserved_at, "
      "deadline, closed_at FROM bk_pickups WHERE member_id = ?1 ORDER BY reserved_at DESC LIMIT ?2");
  s.bind(1, member_id).bind(2, limit);
  std::vector<LockerReservation> out;
  while (s.step()) {
    LockerReservation r;
    std::string state;
    s.columns(0, r.id, r.locker_id, r.compartment, r.code);
    r.item = read_item(s, 4);
    s.columns(8, state, r.reserved_at, r.deadline, r.closed_at);
    r.state = pickup_state_from_key(state);
    r.member_id = member_id;
    out.push_back(std::move(r));
  }
  return out;
}

std::int32_t wrong_codes_since(Db& db, const std::string& locker_id, UnixSeconds since) {
  return static_cast<std::int32_t>(db.cached_int64(
      "SELECT count(*) FROM bk_pickup_failures WHERE locker_id = ?1 AND at > ?2", 0, locker_id, since));
}

void record_wrong_code(Db& db, const std::string& locker_id, UnixSeconds at) {
  Stmt& s = db.cached("INSERT INTO bk_pickup_failures (locker_id, at) VALUES (?1, ?2)");
  s.bind(1, locker_id).bind(2, at);
  s.run();
}

}  // namespace hg::srv::booking_repo
