// The bookings area's rows (see booking_repo.h): plans and resources, slots and bookings.
#include "server/bookings/booking_repo.h"

#include <algorithm>
#include <unordered_map>

#include "server/bookings/booking_repo_rows.h"
#include "server/store/member_repo.h"

namespace hg::srv::booking_repo {

namespace {

constexpr const char* kStates[] = {"held", "confirmed", "checked_in", "cancelled", "expired", "no_show"};
constexpr const char* kPeriods[] = {"day", "month", "year"};

[[noreturn]] void malformed(const std::string& what) {
  throw DbError(make_error(Errc::internal, "预约数据有误", "Stored booking data is malformed"), what);
}

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

// A stored protocol word read back as its enum; a word the code does not know is malformed
// data, reported with `what`.
template <class E>
E stored_word(std::optional<E> value, const std::string& what) {
  if (!value) malformed(what);
  return *value;
}

// The columns each reader below reads, in its order.
constexpr const char* kSlotColumns =
    "id, kind, resource_id, coalesce(plan_id, ''), title_zh, title_en, start_at, end_at, capacity, taken, "
    "book_until, cancel_until, hold_seconds, cadre_only";
constexpr const char* kBookingColumns =
    "id, slot_id, member_id, state, package_id, value_fen, copay_fen, union_share_fen, copay_collected_fen, "
    "from_waitlist, created_at, hold_expires_at, confirmed_at, closed_at, seq, coalesce(checkin_code, '')";
constexpr const char* kResourceColumns = "id, kind, name_zh, name_en, city, address_zh, address_en";

SlotRow read_slot(const Stmt& s) {
  SlotRow r;
  Slot& sl = r.slot;
  sl.id = s.column_text(0);
  sl.kind = stored_word(slot_kind_from_key(s.column_text(1)), "slot kind " + sl.id);
  s.columns(2, sl.resource_id, sl.plan_id, sl.title_zh, sl.title_en, sl.start, sl.end, sl.capacity, r.taken,
            sl.book_until, sl.cancel_until, sl.hold_seconds, r.cadre_only);
  return r;
}

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

ResourceView read_resource_row(const Stmt& s) {
  ResourceView r;
  s.columns(0, r.id, r.kind, r.name_zh, r.name_en, r.city, r.address_zh, r.address_en);
  return r;
}

std::optional<Plan> read_plan(Db& db, const std::string& id) {
  Plan p;
  {
    Stmt& s = db.cached(
        "SELECT id, name_zh, name_en, yearly_quota, eligible, allowance_period, allowance FROM bk_plans WHERE id = ?1");
    const StmtReset reset_s(s);
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    std::string eligible, period;
    s.columns(0, p.id, p.name_zh, p.name_en, p.yearly_quota, eligible, period, p.allowance);
    for (size_t from = 0; from < eligible.size();) {
      const size_t comma = std::min(eligible.find(',', from), eligible.size());
      p.eligible.push_back(stored_word(member_repo::occupation_from_key(eligible.substr(from, comma - from)),
                                       "plan eligibility " + p.id));
      from = comma + 1;
    }
    p.allowance_period = stored_word(period_from_name(period), "plan period " + p.id);
  }
  Stmt& s = db.cached(
      "SELECT id, name_zh, name_en, value_fen, copay_fen FROM bk_packages WHERE plan_id = ?1 ORDER BY sort, id");
  s.bind(1, id);
  while (s.step()) {
    Package pk;
    s.columns(0, pk.id, pk.name_zh, pk.name_en, pk.value_fen, pk.copay_fen);
    p.packages.push_back(std::move(pk));
  }
  return p;
}

std::optional<ResourceView> read_resource(Db& db, const std::string& id) {
  static const std::string sql = std::string("SELECT ") + kResourceColumns + " FROM bk_resources WHERE id = ?1";
  return first_row(db, sql.c_str(), read_resource_row, id);
}

// Plans and resources remembered per memo epoch (see booking_repo.h).
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

// ---- plans and resources ----

std::optional<Plan> find_plan(Db& db, const std::string& id) {
  return db.in_transaction() ? remembered(db, id, read_plan) : read_plan(db, id);
}

std::vector<Plan> all_plans(Db& db) {
  std::vector<Plan> out;
  for (const std::string& id : ids_of(db, "SELECT id FROM bk_plans ORDER BY id"))
    if (auto p = find_plan(db, id)) out.push_back(std::move(*p));
  return out;
}

void save_plan(Db& db, const Plan& p) {
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

std::int32_t year_used(Db& db, const std::string& plan_id, const std::string& year) {
  return static_cast<std::int32_t>(db.cached_int64(
      "SELECT used FROM bk_plan_years WHERE plan_id = ?1 AND year = ?2", 0, plan_id, year));
}

std::int32_t most_used_from(Db& db, const std::string& plan_id, const std::string& year) {
  return static_cast<std::int32_t>(db.cached_int64(
      "SELECT coalesce(max(used), 0) FROM bk_plan_years WHERE plan_id = ?1 AND year >= ?2", 0, plan_id, year));
}

void apply_plan_limits(Db& db, const Plan& p, const std::string& year) {
  Stmt& y = db.cached("UPDATE bk_plan_years SET quota = ?3 WHERE plan_id = ?1 AND year >= ?2");
  y.bind(1, p.id).bind(2, year).bind(3, p.yearly_quota);
  y.run();
  Stmt& a = db.cached("UPDATE bk_allowance SET allowed = max(?2, used) WHERE plan_id = ?1");
  a.bind(1, p.id).bind(2, p.allowance);
  a.run();
}

std::optional<ResourceView> find_resource(Db& db, const std::string& id) {
  return db.in_transaction() ? remembered(db, id, read_resource) : read_resource(db, id);
}

std::vector<ResourceView> resources_of_kind(Db& db, const std::string& kind) {
  static const std::string sql =
      std::string("SELECT ") + kResourceColumns + " FROM bk_resources WHERE kind = ?1 ORDER BY id";
  Stmt& s = db.cached(sql.c_str());
  s.bind(1, kind);
  std::vector<ResourceView> out;
  while (s.step()) out.push_back(read_resource_row(s));
  return out;
}

void insert_resource(Db& db, const ResourceView& r) {
  db.forget_rows();
  Stmt s = db.prepare(
      "INSERT INTO bk_resources (id, kind, name_zh, name_en, city, address_zh, address_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, r.id).bind(2, r.kind).bind(3, r.name_zh).bind(4, r.name_en).bind(5, r.city).bind(6, r.address_zh);
  s.bind(7, r.address_en);
  s.run();
}

// ---- slots ----

std::optional<SlotRow> find_slot(Db& db, const std::string& id) {
  static const std::string sql = std::string("SELECT ") + kSlotColumns + " FROM bk_slots WHERE id = ?1";
  return first_row(db, sql.c_str(), read_slot, id);
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

std::vector<std::string> upcoming_slot_ids(Db& db, SlotKind kind, UnixSeconds now, int limit) {
  return ids_of(db, "SELECT id FROM bk_slots WHERE kind = ?1 AND end_at > ?2 ORDER BY start_at, id LIMIT ?3",
                slot_kind_key(kind), now, limit);
}

std::vector<std::string> health_check_slot_ids(Db& db, const std::string& clinic_id, UnixSeconds from, UnixSeconds to) {
  return ids_of(db,
                "SELECT id FROM bk_slots WHERE resource_id = ?1 AND kind = 'health_check' AND start_at >= ?2 AND "
                "start_at < ?3",
                clinic_id, from, to);
}

// ---- bookings ----

std::optional<BookingRow> find_booking(Db& db, const std::string& id) {
  static const std::string sql = std::string("SELECT ") + kBookingColumns + " FROM bk_bookings WHERE id = ?1";
  return first_row(db, sql.c_str(), read_booking, id);
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

bool any_hold_due(Db& db, UnixSeconds now) {
  Stmt& s = db.cached("SELECT 1 FROM bk_bookings WHERE state = 'held' AND hold_expires_at <= ?1 LIMIT 1");
  const StmtReset reset_s(s);
  s.bind(1, now);
  return s.step();
}

std::vector<std::string> due_holds_in_slot(Db& db, const std::string& slot_id, UnixSeconds now) {
  return ids_of(db, "SELECT id FROM bk_bookings WHERE slot_id = ?1 AND state = 'held' AND hold_expires_at <= ?2",
                slot_id, now);
}

std::vector<std::string> due_holds_of_member(Db& db, const std::string& member_id, UnixSeconds now) {
  return ids_of(db, "SELECT id FROM bk_bookings WHERE member_id = ?1 AND state = 'held' AND hold_expires_at <= ?2",
                member_id, now);
}

std::int32_t count_due_holds(Db& db, const std::string& slot_id, UnixSeconds now) {
  return static_cast<std::int32_t>(db.cached_int64(
      "SELECT count(*) FROM bk_bookings WHERE slot_id = ?1 AND state = 'held' AND hold_expires_at <= ?2", 0, slot_id, now));
}

bool has_place(Db& db, const std::string& slot_id, const std::string& member_id) {
  Stmt& s = db.cached(
      "SELECT 1 FROM bk_bookings WHERE slot_id = ?1 AND member_id = ?2 AND state IN ('held', 'confirmed', 'checked_in')");
  const StmtReset reset_s(s);
  s.bind(1, slot_id).bind(2, member_id);
  return s.step();
}

bool reserved(Db& db, const std::string& slot_id, UnixSeconds now) {
  Stmt& s = db.cached(
      "SELECT count(*) FROM bk_bookings WHERE slot_id = ?1 AND (state = 'confirmed' OR "
      "(state = 'held' AND hold_expires_at > ?2))");
  const StmtReset reset_s(s);
  s.bind(1, slot_id).bind(2, now);
  return s.step() && s.column_int(0) > 0;
}

bool checkin_code_in_use(Db& db, const std::string& code) {
  Stmt& s = db.cached("SELECT 1 FROM bk_bookings WHERE checkin_code = ?1 AND state = 'confirmed'");
  const StmtReset reset_s(s);
  s.bind(1, code);
  return s.step();
}

void set_checkin_code(Db& db, const std::string& booking_id, const std::string& code) {
  Stmt& s = db.cached("UPDATE bk_bookings SET checkin_code = ?2 WHERE id = ?1");
  s.bind(1, booking_id).bind(2, code);
  s.run();
}

std::optional<std::string> confirmed_by_code(Db& db, const std::string& resource_id, const std::string& code) {
  return first_row(
      db,
      "SELECT b.id FROM bk_bookings b JOIN bk_slots s ON s.id = b.slot_id "
      "WHERE b.checkin_code = ?1 AND b.state = 'confirmed' AND s.resource_id = ?2",
      [](const Stmt& s) { return s.column_text(0); }, code, resource_id);
}

std::vector<std::string> member_booking_ids(Db& db, const std::string& member_id, int limit) {
  return ids_of(db,
                "SELECT b.id FROM bk_bookings b JOIN bk_slots s ON s.id = b.slot_id WHERE b.member_id = ?1 AND "
                "s.kind <> 'locker' ORDER BY b.created_at DESC, b.seq DESC LIMIT ?2",
                member_id, limit);
}

std::vector<std::string> day_booking_ids(Db& db, const std::string& resource_id, UnixSeconds from, UnixSeconds to,
                                         int limit) {
  return ids_of(db,
                "SELECT b.id FROM bk_bookings b JOIN bk_slots s ON s.id = b.slot_id WHERE s.resource_id = ?1 AND "
                "s.start_at >= ?2 AND s.start_at < ?3 AND b.state IN ('held', 'confirmed', 'checked_in', 'no_show') "
                "ORDER BY s.start_at, b.seq LIMIT ?4",
                resource_id, from, to, limit);
}

std::vector<std::string> checked_in_ids(Db& db, const std::string& slot_id) {
  return ids_of(db, "SELECT id FROM bk_bookings WHERE slot_id = ?1 AND state = 'checked_in'", slot_id);
}

}  // namespace hg::srv::booking_repo
