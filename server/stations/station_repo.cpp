// Station rows in SQLite (see station_repo.h).
//
// Sections:
//   rows                  reading station and card rows; findings as bits
//   stations              the revision counter, the set, saves and deltas
//   ratings               the aggregate, recent ratings, one per member per CST day
//   check-ins and visits  open/close check-ins and daily visit counts
//   monthly evaluation    thresholds, a month's input, the report and the run
//   cards                 yellow/red cards and their rectification
#include "server/stations/station_repo.h"

#include <algorithm>
#include <cmath>

#include "core/cst_time.h"
#include "core/json.h"
#include "server/api_error.h"

namespace hg::srv::station_repo {

using namespace hg::stations;

// ---- rows ----

namespace {

constexpr const char* kColumns =
    "id, name, city, district, address, lon_e6, lat_e6, kind, amenities, hours, operator_union, phone, status";

Station read_row(Stmt& s) {
  Station st;
  std::int64_t lon_e6 = 0, lat_e6 = 0;
  int kind = 0, amenities = 0, status = 0;
  std::string hours;
  s.columns(0, st.id, st.name, st.city, st.district, st.address, lon_e6, lat_e6, kind, amenities, hours,
            st.operator_union, st.phone, status);
  st.lon = static_cast<double>(lon_e6) / 1e6;
  st.lat = static_cast<double>(lat_e6) / 1e6;
  st.kind = static_cast<StationKind>(kind);
  st.amenities = static_cast<Amenities>(amenities);
  st.hours = take(from_json<WeeklyHours>(hours, "hours"));
  st.status = static_cast<StationStatus>(status);
  return st;
}

int finding_bits(const std::vector<Finding>& fs) {
  int bits = 0;
  for (Finding f : fs) bits |= 1 << static_cast<int>(f);
  return bits;
}
std::vector<Finding> findings_of(int bits) {
  std::vector<Finding> out;
  for (int i = 0; i < 3; ++i)
    if (bits & (1 << i)) out.push_back(static_cast<Finding>(i));
  return out;
}

CardRecord read_card(Stmt& s) {
  CardRecord c;
  c.id = s.column_int64(0);
  c.station_id = s.column_text(1);
  c.period = s.column_text(2);
  c.from = static_cast<StationStatus>(s.column_int(3));
  c.to = static_cast<StationStatus>(s.column_int(4));
  c.reasons = findings_of(s.column_int(5));
  c.issued_at = s.column_int64(6);
  c.rectified_at = s.column_is_null(7) ? 0 : s.column_int64(7);
  c.lifted_in = s.column_is_null(8) ? "" : s.column_text(8);
  return c;
}
constexpr const char* kCardColumns = "id, station_id, period, status_from, status_to, reasons, issued_at, rectified_at, lifted_in";

}  // namespace

// ---- stations ----

std::uint64_t version(Db& db) {
  Stmt& s = db.cached("SELECT rev FROM station_version");
  return s.step() ? static_cast<std::uint64_t>(s.column_int64(0)) : 0;
}

std::uint64_t pruned_through(Db& db) {
  Stmt& s = db.cached("SELECT pruned_through FROM station_version");
  return s.step() ? static_cast<std::uint64_t>(s.column_int64(0)) : 0;
}

std::vector<Station> all(Db& db) {
  std::vector<Station> out;
  Stmt s = db.prepare(std::string("SELECT ") + kColumns + " FROM stations ORDER BY id");
  while (s.step()) out.push_back(read_row(s));
  return out;
}

std::optional<Station> find(Db& db, const std::string& id) {
  Stmt s = db.prepare(std::string("SELECT ") + kColumns + " FROM stations WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_row(s);
}

std::uint64_t save(Db& db, const Station& st, const char* change, const std::string& by, UnixSeconds now) {
  const std::int64_t rev = static_cast<std::int64_t>(version(db)) + 1;
  Stmt& bump = db.cached("UPDATE station_version SET rev = ?1");
  bump.bind(1, rev);
  bump.run();
  Stmt& up = db.cached(
      "INSERT INTO stations (id, name, city, district, address, lon_e6, lat_e6, kind, amenities, hours, operator_union, "
      "phone, status, rev, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, city = excluded.city, district = excluded.district, "
      "address = excluded.address, lon_e6 = excluded.lon_e6, lat_e6 = excluded.lat_e6, kind = excluded.kind, "
      "amenities = excluded.amenities, hours = excluded.hours, operator_union = excluded.operator_union, "
      "phone = excluded.phone, status = excluded.status, rev = excluded.rev, updated_at = excluded.updated_at");
  up.bind(1, st.id).bind(2, st.name).bind(3, st.city).bind(4, st.district).bind(5, st.address);
  up.bind(6, static_cast<std::int64_t>(std::llround(st.lon * 1e6))).bind(7, static_cast<std::int64_t>(std::llround(st.lat * 1e6)));
  up.bind(8, static_cast<int>(st.kind)).bind(9, static_cast<int>(st.amenities)).bind(10, to_json("hours", st.hours));
  up.bind(11, st.operator_union).bind(12, st.phone).bind(13, static_cast<int>(st.status)).bind(14, rev);
  up.bind(15, static_cast<std::int64_t>(now));
  up.run();
  Stmt& log = db.cached("INSERT INTO station_changes (rev, station_id, change, at, by_account) VALUES (?1, ?2, ?3, ?4, ?5)");
  log.bind(1, rev).bind(2, st.id).bind(3, change).bind(4, static_cast<std::int64_t>(now)).bind(5, by);
  log.run();
  // Forget changes older than the log keeps; remember up to where, so an older delta is 410.
  Stmt& horizon = db.cached("SELECT max(rev) FROM station_changes WHERE at < ?1");
  const StmtReset reset_horizon(horizon);
  horizon.bind(1, static_cast<std::int64_t>(now - kChangeLogSeconds));
  if (horizon.step() && !horizon.column_is_null(0)) {
    const std::int64_t through = horizon.column_int64(0);
    horizon.reset();
    Stmt& prune = db.cached("DELETE FROM station_changes WHERE rev <= ?1");
    prune.bind(1, through);
    prune.run();
    Stmt& mark = db.cached("UPDATE station_version SET pruned_through = max(pruned_through, ?1)");
    mark.bind(1, through);
    mark.run();
  }
  return static_cast<std::uint64_t>(rev);
}

StationDelta delta_since(Db& db, std::uint64_t since) {
  StationDelta d;
  d.from_version = since;
  d.to_version = version(db);
  Stmt s = db.prepare(std::string("SELECT ") + kColumns + " FROM stations WHERE rev > ?1 ORDER BY id");
  s.bind(1, static_cast<std::int64_t>(since));
  while (s.step()) d.upserts.push_back(read_row(s));
  Stmt gone = db.prepare(
      "SELECT DISTINCT c.station_id FROM station_changes c WHERE c.rev > ?1 AND c.change = 'delete' "
      "AND NOT EXISTS (SELECT 1 FROM stations s WHERE s.id = c.station_id) ORDER BY c.station_id");
  gone.bind(1, static_cast<std::int64_t>(since));
  while (gone.step()) d.removed_ids.push_back(gone.column_text(0));
  return d;
}

// ---- ratings ----

RatingAggregate rating_aggregate(Db& db, const std::string& station_id) {
  RatingAggregate a;
  a.station_id = station_id;
  Stmt& s = db.cached("SELECT stars, count(*) FROM station_ratings WHERE station_id = ?1 GROUP BY stars");
  s.bind(1, station_id);
  std::uint64_t sum = 0;
  while (s.step()) {
    const int stars = s.column_int(0);
    const auto n = static_cast<std::uint32_t>(s.column_int64(1));
    a.histogram[static_cast<std::size_t>(stars - 1)] = n;
    a.count += n;
    sum += static_cast<std::uint64_t>(stars) * n;
  }
  a.mean = a.count ? std::round(static_cast<double>(sum) / a.count * 100) / 100 : 0;
  return a;
}

std::vector<RatingView> recent_ratings(Db& db, const std::string& station_id, int limit) {
  std::vector<RatingView> out;
  Stmt& s = db.cached("SELECT stars, tags, comment, at FROM station_ratings WHERE station_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2");
  s.bind(1, station_id).bind(2, limit);
  while (s.step()) out.push_back({s.column_int(0), static_cast<RatingTags>(s.column_int(1)), s.column_text(2), s.column_int64(3)});
  return out;
}

bool rated_on(Db& db, const std::string& member_id, const std::string& station_id, const std::string& cst_day) {
  Stmt& s = db.cached("SELECT 1 FROM station_ratings WHERE member_id = ?1 AND station_id = ?2 AND cst_day = ?3");
  s.bind(1, member_id).bind(2, station_id).bind(3, cst_day);
  return s.step();
}

void insert_rating(Db& db, const Rating& r) {
  Stmt& s = db.cached(
      "INSERT INTO station_ratings (station_id, member_id, cst_day, at, stars, tags, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, r.station_id).bind(2, r.member_id).bind(3, period_key(Period::Day, r.at)).bind(4, static_cast<std::int64_t>(r.at));
  s.bind(5, r.stars).bind(6, static_cast<int>(r.tags)).bind(7, r.comment);
  s.run();
}

// ---- check-ins and visits ----

void insert_checkin(Db& db, const std::string& station_id, CheckinKind kind, UnixSeconds at, const std::string& by) {
  Stmt& s = db.cached("INSERT INTO station_checkins (station_id, kind, at, by_account) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, station_id).bind(2, kind == CheckinKind::open ? "open" : "close").bind(3, static_cast<std::int64_t>(at)).bind(4, by);
  s.run();
}

void add_visits(Db& db, const std::string& station_id, const std::string& method, UnixSeconds at, std::uint32_t n) {
  Stmt& s = db.cached(
      "INSERT INTO station_visit_days (station_id, cst_day, method, count, last_at) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (station_id, cst_day, method) DO UPDATE SET count = count + excluded.count, "
      "last_at = max(last_at, excluded.last_at)");
  s.bind(1, station_id).bind(2, period_key(Period::Day, at)).bind(3, method).bind(4, static_cast<std::int64_t>(n));
  s.bind(5, static_cast<std::int64_t>(at));
  s.run();
}

std::uint32_t visits_on(Db& db, const std::string& station_id, const std::string& cst_day) {
  Stmt& s = db.cached("SELECT coalesce(sum(count), 0) FROM station_visit_days WHERE station_id = ?1 AND cst_day = ?2");
  s.bind(1, station_id).bind(2, cst_day);
  return s.step() ? static_cast<std::uint32_t>(s.column_int64(0)) : 0;
}

// ---- monthly evaluation ----

EvaluationThresholds thresholds(Db& db) {
  EvaluationThresholds t;
  Stmt& s = db.cached("SELECT grace_minutes, max_late_days, min_visits, min_mean_stars, min_ratings FROM station_thresholds");
  if (s.step()) {
    t.grace_minutes = s.column_int(0);
    t.max_late_days = s.column_int(1);
    t.min_visits = static_cast<std::uint32_t>(s.column_int64(2));
    t.min_mean_stars = s.column_double(3);
    t.min_ratings = static_cast<std::uint32_t>(s.column_int64(4));
  }
  return t;
}

void set_thresholds(Db& db, const EvaluationThresholds& t) {
  Stmt& s = db.cached(
      "UPDATE station_thresholds SET grace_minutes = ?1, max_late_days = ?2, min_visits = ?3, min_mean_stars = ?4, "
      "min_ratings = ?5");
  s.bind(1, t.grace_minutes).bind(2, t.max_late_days).bind(3, static_cast<std::int64_t>(t.min_visits));
  s.bind(4, t.min_mean_stars).bind(5, static_cast<std::int64_t>(t.min_ratings));
  s.run();
}

MonthInput month_input(Db& db, const Station& st, int year, int month) {
  MonthInput in;
  in.year = year;
  in.month = month;
  in.kind = st.kind;
  in.hours = st.hours;
  const UnixSeconds start = from_cst({{year, month, 1}, 0, 0, 0});
  const UnixSeconds end = period_end(Period::Month, start);
  // A night shift opened on the last day closes on the 1st of the next month: half a day more.
  Stmt& c = db.cached("SELECT kind, at FROM station_checkins WHERE station_id = ?1 AND at >= ?2 AND at < ?3 ORDER BY at");
  c.bind(1, st.id).bind(2, static_cast<std::int64_t>(start)).bind(3, static_cast<std::int64_t>(end + 13 * 3600));
  while (c.step()) in.checkins.push_back({c.column_int64(1), c.column_text(0) == "open" ? CheckinKind::open : CheckinKind::close});
  const std::string key = hg::month_key({year, month});
  Stmt& v = db.cached(
      "SELECT method = 'face_scan', sum(count) FROM station_visit_days WHERE station_id = ?1 AND cst_day >= ?2 AND cst_day < ?3 "
      "GROUP BY method = 'face_scan'");
  v.bind(1, st.id).bind(2, key + "-01").bind(3, key + "-99");
  while (v.step()) {
    const auto n = static_cast<std::uint32_t>(v.column_int64(1));
    if (v.column_int(0)) in.face_scan_entries += n;
    else in.visits += n;
  }
  Stmt& r = db.cached("SELECT member_id, at, stars, tags FROM station_ratings WHERE station_id = ?1 AND at >= ?2 AND at < ?3");
  r.bind(1, st.id).bind(2, static_cast<std::int64_t>(start)).bind(3, static_cast<std::int64_t>(end));
  while (r.step()) {
    Rating x;
    x.station_id = st.id;
    x.member_id = r.column_text(0);
    x.at = r.column_int64(1);
    x.stars = r.column_int(2);
    x.tags = static_cast<RatingTags>(r.column_int(3));
    in.ratings.push_back(std::move(x));
  }
  Stmt& k = db.cached(
      "SELECT 1 FROM station_cards WHERE station_id = ?1 AND period < ?2 AND rectified_at IS NOT NULL AND lifted_in IS NULL "
      "AND rectified_at < ?3");
  k.bind(1, st.id).bind(2, key).bind(3, static_cast<std::int64_t>(end));
  in.rectification_confirmed = k.step();
  return in;
}

bool month_recorded(Db& db, const std::string& period) {
  Stmt& s = db.cached("SELECT 1 FROM station_evaluations WHERE period = ?1 LIMIT 1");
  s.bind(1, period);
  return s.step();
}

namespace {

// A report row naming the station; the month's figures are the caller's to fill.
EvaluationRow station_row(const Station& st) {
  EvaluationRow row;
  row.station_id = st.id;
  row.name = st.name;
  row.city = st.city;
  row.district = st.district;
  row.kind = st.kind;
  row.status = st.status;
  return row;
}

EvaluationRow row_for(const Station& st, const MonthAssessment& a, std::uint32_t face_scans) {
  EvaluationRow row = station_row(st);
  row.scheduled_days = a.scheduled_days;
  row.late_days = a.late_days;
  row.usage = a.usage;
  row.face_scans = face_scans;
  row.ratings = a.ratings.count;
  row.mean_stars = std::round(a.ratings.mean() * 100) / 100;
  row.findings = a.findings;
  return row;
}

void finish(EvaluationReport& rep) {
  // Flagged stations first (worst outcome first), then by id.
  std::stable_sort(rep.rows.begin(), rep.rows.end(), [](const EvaluationRow& a, const EvaluationRow& b) {
    if (a.findings.empty() != b.findings.empty()) return !a.findings.empty();
    if (a.result != b.result) return a.result > b.result;
    return a.station_id < b.station_id;
  });
  rep.stations = static_cast<std::uint32_t>(rep.rows.size());
}

std::vector<CardRecord> cards_of(Db& db, const std::string& period) {
  std::vector<CardRecord> out;
  Stmt s = db.prepare(std::string("SELECT ") + kCardColumns + " FROM station_cards WHERE period = ?1 OR lifted_in = ?1 ORDER BY id");
  s.bind(1, period);
  while (s.step()) out.push_back(read_card(s));
  return out;
}

void count_outcomes(EvaluationReport& rep, const std::vector<std::pair<StationStatus, StationStatus>>& changes) {
  for (const auto& [from, to] : changes) {
    if (to == StationStatus::yellow_card) rep.yellow++;
    else if (to == StationStatus::red_card) rep.red++;
    else if (to == StationStatus::delisted) rep.delisted++;
    else if (to == StationStatus::open && from != StationStatus::open) rep.lifted++;
  }
}

}  // namespace

EvaluationReport report(Db& db, int year, int month) {
  EvaluationReport rep;
  rep.period = hg::month_key({year, month});
  rep.recorded = month_recorded(db, rep.period);
  const EvaluationThresholds t = thresholds(db);
  rep.thresholds = view_of(t);
  std::vector<std::pair<StationStatus, StationStatus>> changes;
  Stmt& rec = db.cached(
      "SELECT scheduled_days, late_days, usage, face_scans, ratings, mean_stars, findings, status_before, status_after "
      "FROM station_evaluations WHERE station_id = ?1 AND period = ?2");
  const StmtReset reset_rec(rec);
  for (const Station& st : all(db)) {
    rec.bind(1, st.id).bind(2, rep.period);
    if (rec.step()) {
      EvaluationRow row = station_row(st);
      row.scheduled_days = rec.column_int(0);
      row.late_days = rec.column_int(1);
      row.usage = static_cast<std::uint32_t>(rec.column_int64(2));
      row.face_scans = static_cast<std::uint32_t>(rec.column_int64(3));
      row.ratings = static_cast<std::uint32_t>(rec.column_int64(4));
      row.mean_stars = rec.column_double(5);
      row.findings = findings_of(rec.column_int(6));
      const auto before = static_cast<StationStatus>(rec.column_int(7));
      row.result = static_cast<StationStatus>(rec.column_int(8));
      row.recorded = true;
      if (before != row.result) changes.emplace_back(before, row.result);
      rec.reset();
      rep.rows.push_back(std::move(row));
      continue;
    }
    rec.reset();
    if (!st.listed()) continue;
    const MonthInput in = month_input(db, st, year, month);
    const MonthAssessment a = assess_month(in, t);
    EvaluationRow row = row_for(st, a, in.face_scan_entries);
    row.result = evaluate_month({st.status, {}}, in, t).status;
    if (row.result != st.status) changes.emplace_back(st.status, row.result);
    rep.rows.push_back(std::move(row));
  }
  count_outcomes(rep, changes);
  rep.cards = cards_of(db, rep.period);
  finish(rep);
  return rep;
}

EvaluationReport run_month(Db& db, int year, int month, UnixSeconds now, const std::string& by) {
  const std::string period = hg::month_key({year, month});
  if (month_recorded(db, period))
    fail(Errc::conflict, "该月的评价已经执行过（" + period + "）", "The evaluation for " + period + " has already been run");
  const EvaluationThresholds t = thresholds(db);
  Stmt& put = db.cached(
      "INSERT INTO station_evaluations (station_id, period, scheduled_days, late_days, usage, face_scans, ratings, "
      "mean_stars, findings, status_before, status_after, evaluated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  for (Station st : all(db)) {
    if (!st.listed()) continue;
    const MonthInput in = month_input(db, st, year, month);
    const MonthAssessment a = assess_month(in, t);
    const EvaluationState next = evaluate_month({st.status, {}}, in, t);
    put.bind(1, st.id).bind(2, period).bind(3, a.scheduled_days).bind(4, a.late_days);
    put.bind(5, static_cast<std::int64_t>(a.usage)).bind(6, static_cast<std::int64_t>(in.face_scan_entries));
    put.bind(7, static_cast<std::int64_t>(a.ratings.count)).bind(8, std::round(a.ratings.mean() * 100) / 100);
    put.bind(9, finding_bits(a.findings)).bind(10, static_cast<int>(st.status)).bind(11, static_cast<int>(next.status));
    put.bind(12, static_cast<std::int64_t>(now));
    put.run();
    if (next.status == st.status) continue;
    if (next.status == StationStatus::open) {
      Stmt& lift = db.cached(
          "UPDATE station_cards SET lifted_in = ?2 WHERE station_id = ?1 AND lifted_in IS NULL AND period < ?2");
      lift.bind(1, st.id).bind(2, period);
      lift.run();
    } else {
      Stmt& card = db.cached(
          "INSERT INTO station_cards (station_id, period, status_from, status_to, reasons, issued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      card.bind(1, st.id).bind(2, period).bind(3, static_cast<int>(st.status)).bind(4, static_cast<int>(next.status));
      card.bind(5, finding_bits(a.findings)).bind(6, static_cast<std::int64_t>(now));
      card.run();
    }
    st.status = next.status;
    save(db, st, "evaluation", by, now);
  }
  return report(db, year, month);
}

// ---- cards ----

std::optional<CardRecord> find_card(Db& db, std::int64_t id) {
  Stmt s = db.prepare(std::string("SELECT ") + kCardColumns + " FROM station_cards WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_card(s);
}

CardRecord confirm_rectification(Db& db, const std::string& station_id, std::int64_t card_id, UnixSeconds now,
                                 const std::string& by) {
  std::optional<CardRecord> c = find_card(db, card_id);
  if (!c || c->station_id != station_id) fail(Errc::not_found, "该驿站没有这张黄红牌", "No such card for this station");
  if (c->to == StationStatus::delisted)
    fail(Errc::conflict, "已摘牌的驿站需重新申请设立，不能撤销", "A delisting cannot be lifted; the station must apply anew");
  if (!c->lifted_in.empty()) fail(Errc::conflict, "这张牌已撤销", "This card has already been lifted");
  if (c->rectified_at) fail(Errc::conflict, "已确认整改，等待下月评价撤牌", "Rectification already confirmed; next month's evaluation lifts the card");
  Stmt& s = db.cached("UPDATE station_cards SET rectified_at = ?2, rectified_by = ?3 WHERE id = ?1");
  s.bind(1, card_id).bind(2, static_cast<std::int64_t>(now)).bind(3, by);
  s.run();
  c->rectified_at = now;
  return *c;
}

}  // namespace hg::srv::station_repo
