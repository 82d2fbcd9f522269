#include "server/bookings/rows.h"

#include <algorithm>
#include <unordered_map>

#include "server/store/member_repo.h"

namespace hg::srv::bookings {

namespace {
constexpr const char* kStates[] = {"held", "confirmed", "checked_in", "cancelled", "expired", "no_show"};
constexpr const char* kPeriods[] = {"day", "month", "year"};
constexpr const char* kItemKinds[] = {"instant_noodles", "raincoat", "gloves", "welcome_pack", "other"};
constexpr const char* kPickupStates[] = {"active", "picked_up", "expired", "cancelled"};

[[noreturn]] void malformed(const std::string& what) {
  throw DbError(make_error(Errc::internal, "预约数据有误", "Stored booking data is malformed"), what);
}

constexpr const char* kSlotColumns =
    "id, kind, resource_id, coalesce(plan_id, ''), title_zh, title_en, start_at, end_at, capacity, taken, "
    "book_until, cancel_until, hold_seconds, cadre_only";

// A stored protocol word read back as its enum; a word the code does not know is malformed
// data, reported with `what`.
template <class E>
E stored_word(std::optional<E> value, const std::string& what) {
  if (!value) malformed(what);
  return *value;
}

SlotRow read_slot(const Stmt& s) {
  SlotRow r;
  Slot& sl = r.slot;
  std::string kind;
  s.columns(0, sl.id, kind, sl.resource_id, sl.plan_id, sl.title_zh, sl.title_en, sl.start, sl.end, sl.capacity,
            r.taken, sl.book_until, sl.cancel_until, sl.hold_seconds, r.cadre_only);
  sl.kind = stored_word(slot_kind_from_key(kind), "slot kind " + sl.id);
  return r;
}

constexpr const char* kBookingColumns =
    "id, slot_id, member_id, state, package_id, value_fen, copay_fen, union_share_fen, copay_collected_fen, "
    "from_waitlist, created_at, hold_expires_at, confirmed_at, closed_at, seq, coalesce(checkin_code, '')";

BookingRow read_booking(const Stmt& s) {
  BookingRow r;
  Booking& b = r.booking;
  std::string state;
  s.columns(0, b.id, b.slot_id, b.member_id, state, b.package_id, b.value_fen, b.copay_fen, b.union_share_fen,
            b.copay_collected_fen, b.from_waitlist, b.created_at, b.hold_expires_at, b.confirmed_at, b.closed_at,
            r.seq, r.checkin_code);
  b.state = stored_word(state_from_key(state), "booking state " + b.id);
  return r;
}

// The row whose id is ?1 in a cached statement, read by `read`; nullopt when there is none.
template <class Row>
std::optional<Row> find_by_id(Db& db, const std::string& sql, const std::string& id, Row (*read)(const Stmt&)) {
  Stmt& s = db.cached(sql.c_str());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read(s);
}
}  // namespace

std::optional<BookingState> state_from_key(const std::string& key) {
  for (int i = 0; i < 6; ++i)
    if (key == kStates[i]) return static_cast<BookingState>(i);
  return std::nullopt;
}
const char* period_name(Period p) { return kPeriods[static_cast<int>(p) % 3]; }
std::optional<Period> period_from_name(const std::string& name) {
  for (int i = 0; i < 3; ++i)
    if (name == kPeriods[i]) return static_cast<Period>(i);
  return std::nullopt;
}
const char* item_kind_key(LockerItemKind k) { return kItemKinds[static_cast<int>(k) % 5]; }
std::optional<LockerItemKind> item_kind_from_key(const std::string& key) {
  for (int i = 0; i < 5; ++i)
    if (key == kItemKinds[i]) return static_cast<LockerItemKind>(i);
  return std::nullopt;
}
const char* pickup_state_key(PickupState s) { return kPickupStates[static_cast<int>(s) % 4]; }

namespace {

std::optional<Plan> read_plan(Db& db, const std::string& id) {
  Plan p;
  {
    Stmt& s = db.cached(
        "SELECT id, name_zh, name_en, yearly_quota, eligible, allowance_period, allowance FROM bk_plans WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    p.id = s.column_text(0);
    p.name_zh = s.column_text(1);
    p.name_en = s.column_text(2);
    p.yearly_quota = s.column_int(3);
    const std::string list = s.column_text(4);
    for (size_t from = 0; from < list.size();) {
      const size_t comma = std::min(list.find(',', from), list.size());
      const auto o = member_repo::occupation_from_key(list.substr(from, comma - from));
      if (!o) malformed("plan eligibility " + p.id);
      p.eligible.push_back(*o);
      from = comma + 1;
    }
    const auto period = period_from_name(s.column_text(5));
    if (!period) malformed("plan period " + p.id);
    p.allowance_period = *period;
    p.allowance = s.column_int(6);
  }
  Stmt& s = db.cached(
      "SELECT id, name_zh, name_en, value_fen, copay_fen FROM bk_packages WHERE plan_id = ?1 ORDER BY sort, id");
  s.bind(1, id);
  while (s.step())
    p.packages.push_back(Package{s.column_text(0), s.column_text(1), s.column_text(2), s.column_int64(3), s.column_int64(4)});
  return p;
}

std::optional<ResourceView> read_resource(Db& db, const std::string& id) {
  Stmt& s = db.cached("SELECT id, kind, name_zh, name_en, city, address_zh, address_en FROM bk_resources WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return ResourceView{s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3),
                      s.column_text(4), s.column_text(5), s.column_text(6)};
}

// Plans and resources change only through insert_plan and insert_resource (which call
// forget_rows), yet a rush reads them for every request: inside a write transaction each
// is read once per memo epoch. Outside one (autocommit reads) nothing is remembered.
template <class T>
const std::optional<T>& remembered(Db& db, const std::string& id, std::optional<T> (*read)(Db&, const std::string&)) {
  thread_local std::uint64_t epoch = 0;
  thread_local std::unordered_map<std::string, std::optional<T>> rows;
  if (epoch != db.memo_epoch()) {
    rows.clear();
    epoch = db.memo_epoch();
  }
  auto it = rows.find(id);
  if (it == rows.end()) it = rows.emplace(id, read(db, id)).first;
  return it->second;
}

}  // namespace

std::optional<Plan> find_plan(Db& db, const std::string& id) {
  return db.in_transaction() ? remembered(db, id, read_plan) : read_plan(db, id);
}

std::vector<Plan> all_plans(Db& db) {
  std::vector<std::string> ids;
  {
    Stmt s = db.prepare("SELECT id FROM bk_plans ORDER BY id");
    while (s.step()) ids.push_back(s.column_text(0));
  }
  std::vector<Plan> out;
  for (const std::string& id : ids)
    if (auto p = find_plan(db, id)) out.push_back(std::move(*p));
  return out;
}

std::optional<SlotRow> find_slot(Db& db, const std::string& id) {
  static const std::string sql = std::string("SELECT ") + kSlotColumns + " FROM bk_slots WHERE id = ?1";
  return find_by_id(db, sql, id, read_slot);
}

std::optional<BookingRow> find_booking(Db& db, const std::string& id) {
  static const std::string sql = std::string("SELECT ") + kBookingColumns + " FROM bk_bookings WHERE id = ?1";
  return find_by_id(db, sql, id, read_booking);
}

std::optional<ResourceView> find_resource(Db& db, const std::string& id) {
  return db.in_transaction() ? remembered(db, id, read_resource) : read_resource(db, id);
}

std::vector<ResourceView> resources_of_kind(Db& db, const std::string& kind) {
  Stmt& s = db.cached(
      "SELECT id, kind, name_zh, name_en, city, address_zh, address_en FROM bk_resources WHERE kind = ?1 ORDER BY id");
  s.bind(1, kind);
  std::vector<ResourceView> out;
  while (s.step())
    out.push_back(ResourceView{s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3),
                               s.column_text(4), s.column_text(5), s.column_text(6)});
  return out;
}

void insert_plan(Db& db, const Plan& p) {
  db.forget_rows();
  std::string eligible;
  for (Occupation o : p.eligible) eligible += (eligible.empty() ? "" : ",") + std::string(member_repo::occupation_key(o));
  Stmt s = db.prepare(
      "INSERT INTO bk_plans (id, name_zh, name_en, yearly_quota, eligible, allowance_period, allowance) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, "
      "name_en = excluded.name_en, yearly_quota = excluded.yearly_quota, eligible = excluded.eligible, "
      "allowance_period = excluded.allowance_period, allowance = excluded.allowance");
  s.bind(1, p.id).bind(2, p.name_zh).bind(3, p.name_en).bind(4, p.yearly_quota).bind(5, eligible);
  s.bind(6, period_name(p.allowance_period)).bind(7, p.allowance);
  s.run();
  Stmt del = db.prepare("DELETE FROM bk_packages WHERE plan_id = ?1");
  del.bind(1, p.id);
  del.run();
  int sort = 0;
  for (const Package& pk : p.packages) {
    Stmt ins = db.prepare(
        "INSERT INTO bk_packages (plan_id, id, name_zh, name_en, value_fen, copay_fen, sort) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    ins.bind(1, p.id).bind(2, pk.id).bind(3, pk.name_zh).bind(4, pk.name_en).bind(5, pk.value_fen);
    ins.bind(6, pk.copay_fen).bind(7, sort++);
    ins.run();
  }
}

void insert_resource(Db& db, const ResourceView& r) {
  db.forget_rows();
  Stmt s = db.prepare(
      "INSERT INTO bk_resources (id, kind, name_zh, name_en, city, address_zh, address_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, r.id).bind(2, r.kind).bind(3, r.name_zh).bind(4, r.name_en).bind(5, r.city).bind(6, r.address_zh);
  s.bind(7, r.address_en);
  s.run();
}

void insert_slot(Db& db, const Slot& sl, bool cadre_only) {
  Stmt& s = db.cached(
      "INSERT INTO bk_slots (id, kind, resource_id, plan_id, title_zh, title_en, start_at, end_at, capacity, "
      "book_until, cancel_until, hold_seconds, cadre_only) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  s.bind(1, sl.id).bind(2, slot_kind_key(sl.kind)).bind(3, sl.resource_id);
  if (sl.plan_id.empty())
    s.bind_null(4);
  else
    s.bind(4, sl.plan_id);
  s.bind(5, sl.title_zh).bind(6, sl.title_en).bind(7, sl.start).bind(8, sl.end).bind(9, sl.capacity);
  s.bind(10, sl.book_until).bind(11, sl.cancel_until).bind(12, sl.hold_seconds).bind(13, cadre_only);
  s.run();
}

void insert_booking(Db& db, const Booking& b, std::int64_t seq) {
  Stmt& s = db.cached(
      "INSERT INTO bk_bookings (id, slot_id, member_id, state, package_id, value_fen, copay_fen, union_share_fen, "
      "from_waitlist, created_at, hold_expires_at, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  s.bind(1, b.id).bind(2, b.slot_id).bind(3, b.member_id).bind(4, state_key(b.state)).bind(5, b.package_id);
  s.bind(6, b.value_fen).bind(7, b.copay_fen).bind(8, b.union_share_fen).bind(9, b.from_waitlist);
  s.bind(10, b.created_at).bind(11, b.hold_expires_at).bind(12, seq);
  s.run();
}

void update_booking(Db& db, const Booking& b) {
  Stmt& s = db.cached(
      "UPDATE bk_bookings SET state = ?2, copay_collected_fen = ?3, confirmed_at = ?4, closed_at = ?5, "
      "checkin_code = CASE WHEN ?2 = 'confirmed' THEN checkin_code ELSE NULL END WHERE id = ?1");
  s.bind(1, b.id).bind(2, state_key(b.state)).bind(3, b.copay_collected_fen).bind(4, b.confirmed_at);
  s.bind(5, b.closed_at);
  s.run();
}

std::int32_t year_used(Db& db, const std::string& plan_id, const std::string& year) {
  Stmt& s = db.cached("SELECT used FROM bk_plan_years WHERE plan_id = ?1 AND year = ?2");
  s.bind(1, plan_id).bind(2, year);
  return s.step() ? s.column_int(0) : 0;
}

BookingView booking_view(Db& db, const BookingRow& row, UnixSeconds now) {
  BookingView v;
  v.booking = row.booking;
  // A hold past its deadline is shown as what it already is, even before a write notices it.
  if (v.booking.state == BookingState::held && v.booking.hold_expires_at <= now) v.booking.state = BookingState::expired;
  v.checkin_code = v.booking.state == BookingState::confirmed ? row.checkin_code : "";
  if (auto s = find_slot(db, row.booking.slot_id)) {
    v.title_zh = s->slot.title_zh;
    v.title_en = s->slot.title_en;
    v.kind = s->slot.kind;
    v.start = s->slot.start;
    v.end = s->slot.end;
    v.cancel_until = s->slot.cancel_until;
    v.can_cancel = v.booking.state == BookingState::held ||
                   (v.booking.state == BookingState::confirmed && now < s->slot.cancel_until);
    if (auto r = find_resource(db, s->slot.resource_id)) {
      v.resource_name_zh = r->name_zh;
      v.resource_name_en = r->name_en;
    }
  }
  return v;
}

}  // namespace hg::srv::bookings
