// The bookings area's rows (see booking_repo.h): the counters of places, members' standing,
// waitlists and the savepoint around one attempt. Most of these run on every booking of a
// rush, so every statement is cached.
#include "server/bookings/booking_repo.h"

#include "server/bookings/booking_repo_rows.h"
#include "server/store/member_repo.h"

namespace hg::srv::booking_repo {

// ---- counters ----

std::int64_t next_seq(Db& db) {
  Stmt& s = db.cached("UPDATE bk_sequence SET value = value + 1 WHERE name = 'accept' RETURNING value");
  const StmtReset reset_s(s);
  if (!s.step()) throw DbError(make_error(Errc::internal, "预约序号缺失", "The booking sequence is missing"), "bk_sequence");
  return s.column_int64(0);
}

void add_taken(Db& db, const std::string& slot_id, int delta) {
  Stmt& s = db.cached("UPDATE bk_slots SET taken = taken + ?2 WHERE id = ?1");
  s.bind(1, slot_id).bind(2, delta);
  s.run();
}

void add_plan_use(Db& db, const Plan& plan, const std::string& member_id, const std::string& year,
                  const std::string& period, int delta) {
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

std::int32_t allowance_used(Db& db, const std::string& plan_id, const std::string& member_id, const std::string& period) {
  return static_cast<std::int32_t>(db.cached_int64(
      "SELECT used FROM bk_allowance WHERE plan_id = ?1 AND member_id = ?2 AND period = ?3", 0, plan_id, member_id, period));
}

// ---- members ----

Applicant applicant(Db& db, const std::string& member_id) {
  Applicant a;
  {
    // The occupation and the block in one read (every hold of a rush asks both).
    Stmt& s = db.cached(
        "SELECT m.occupation, coalesce((SELECT b.blocked_until FROM bk_blocks b WHERE b.member_id = m.id), 0) "
        "FROM members m WHERE m.id = ?1");
    const StmtReset reset_s(s);
    s.bind(1, member_id);
    if (s.step()) {
      a.occupation = member_repo::occupation_from_key(s.column_text(0)).value_or(Occupation::office);
      a.blocked_until = s.column_int64(1);
      return a;
    }
  }
  a.blocked_until = blocked_until(db, member_id);
  return a;
}

UnixSeconds blocked_until(Db& db, const std::string& member_id) {
  return db.cached_int64("SELECT blocked_until FROM bk_blocks WHERE member_id = ?1", 0, member_id);
}

bool is_cadre(Db& db, const std::string& member_id) {
  Stmt& s = db.cached("SELECT 1 FROM bk_cadres WHERE member_id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, member_id);
  return s.step();
}

MemberStanding standing(Db& db, const std::string& member_id) {
  MemberStanding m;
  m.member_id = member_id;
  {
    Stmt& s = db.cached("SELECT missed_at FROM bk_no_shows WHERE member_id = ?1 ORDER BY missed_at");
    s.bind(1, member_id);
    while (s.step()) m.no_shows.push_back(s.column_int64(0));
  }
  m.blocked_until = blocked_until(db, member_id);
  return m;
}

void insert_no_show(Db& db, const std::string& booking_id, const std::string& member_id, UnixSeconds missed_at,
                    UnixSeconds recorded_at) {
  Stmt& s = db.cached("INSERT INTO bk_no_shows (booking_id, member_id, missed_at, recorded_at) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, booking_id).bind(2, member_id).bind(3, missed_at).bind(4, recorded_at);
  s.run();
}

void block(Db& db, const std::string& member_id, UnixSeconds until) {
  Stmt& s = db.cached(
      "INSERT INTO bk_blocks (member_id, blocked_until) VALUES (?1, ?2) ON CONFLICT (member_id) DO UPDATE SET "
      "blocked_until = max(blocked_until, excluded.blocked_until)");
  s.bind(1, member_id).bind(2, until);
  s.run();
}

// ---- waitlist ----

bool join_waitlist(Db& db, const std::string& slot_id, const Waiter& w, UnixSeconds joined_at, std::int64_t seq) {
  Stmt& s = db.cached(
      "INSERT INTO bk_waitlist (slot_id, member_id, package_id, joined_at, seq) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (slot_id, member_id) DO NOTHING");
  s.bind(1, slot_id).bind(2, w.member_id).bind(3, w.package_id).bind(4, joined_at).bind(5, seq);
  s.run();
  return db.changes() > 0;
}

bool leave_waitlist(Db& db, const std::string& slot_id, const std::string& member_id) {
  Stmt& s = db.cached("DELETE FROM bk_waitlist WHERE slot_id = ?1 AND member_id = ?2");
  s.bind(1, slot_id).bind(2, member_id);
  s.run();
  return db.changes() > 0;
}

std::optional<Waiter> waitlist_head(Db& db, const std::string& slot_id) {
  return first_row(
      db, "SELECT member_id, package_id FROM bk_waitlist WHERE slot_id = ?1 ORDER BY seq LIMIT 1",
      [](const Stmt& s) { return Waiter{s.column_text(0), s.column_text(1)}; }, slot_id);
}

std::optional<WaitPosition> waitlist_position(Db& db, const std::string& slot_id, const std::string& member_id) {
  WaitPosition w;
  {
    Stmt& s = db.cached("SELECT seq, joined_at FROM bk_waitlist WHERE slot_id = ?1 AND member_id = ?2");
    const StmtReset reset_s(s);
    s.bind(1, slot_id).bind(2, member_id);
    if (!s.step()) return std::nullopt;
    s.columns(0, w.seq, w.joined_at);
  }
  Stmt& s = db.cached("SELECT count(*) FROM bk_waitlist WHERE slot_id = ?1 AND seq <= ?2");
  const StmtReset reset_s(s);
  s.bind(1, slot_id).bind(2, w.seq);
  if (s.step()) w.position = s.column_int(0);
  return w;
}

std::int32_t waitlist_length(Db& db, const std::string& slot_id) {
  return static_cast<std::int32_t>(db.cached_int64("SELECT waiting FROM bk_slots WHERE id = ?1", 0, slot_id));
}

std::int32_t add_waiting(Db& db, const std::string& slot_id, int delta) {
  return static_cast<std::int32_t>(db.cached_int64(
      "UPDATE bk_slots SET waiting = waiting + ?2 WHERE id = ?1 RETURNING waiting", 0, slot_id, delta));
}

std::vector<std::string> waitlisted_slot_ids(Db& db, const std::string& member_id) {
  return ids_of(db, "SELECT slot_id FROM bk_waitlist WHERE member_id = ?1 ORDER BY seq", member_id);
}

// ---- attempts ----

void begin_attempt(Db& db) { db.cached("SAVEPOINT bk_attempt").run(); }

void keep_attempt(Db& db) { db.cached("RELEASE bk_attempt").run(); }

void undo_attempt(Db& db) {
  db.cached("ROLLBACK TO bk_attempt").run();
  db.forget_rows();  // the plans or resources it wrote may have been remembered
  db.cached("RELEASE bk_attempt").run();
}

}  // namespace hg::srv::booking_repo
