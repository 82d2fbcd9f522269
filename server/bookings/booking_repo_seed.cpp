// The bookings area's rows (see booking_repo.h) that only the --demo seed writes or asks for.
#include "server/bookings/booking_repo.h"

namespace hg::srv::booking_repo {

void seed_locker(Db& db, const std::string& station_id, std::int32_t compartments, std::int64_t pickup_seconds) {
  Stmt s = db.prepare("INSERT INTO bk_lockers (id, station_id, compartments, pickup_seconds) VALUES (?1, ?1, ?2, ?3)");
  s.bind(1, station_id).bind(2, compartments).bind(3, pickup_seconds);
  s.run();
  Stmt c = db.prepare("INSERT INTO bk_compartments (locker_id, number) VALUES (?1, ?2)");
  for (std::int32_t n = 1; n <= compartments; ++n) {
    c.bind(1, station_id).bind(2, n);
    c.run();
  }
}

std::vector<std::string> seed_locker_station_ids(Db& db) {
  Stmt s = db.prepare(
      "SELECT s.id FROM accounts a JOIN stations s ON s.id = a.subject WHERE a.role = 'locker' ORDER BY a.login");
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

std::optional<std::string> seed_duty_station_id(Db& db, const std::string& city) {
  Stmt s = db.prepare("SELECT id FROM stations WHERE city = ?1 AND kind = 0 AND status = 0 ORDER BY id LIMIT 1");
  s.bind(1, city);
  if (!s.step()) return std::nullopt;
  return s.column_text(0);
}

void seed_cadre(Db& db, const std::string& member_id, const std::string& title_zh, const std::string& title_en) {
  Stmt s = db.prepare("INSERT OR IGNORE INTO bk_cadres (member_id, title_zh, title_en) VALUES (?1, ?2, ?3)");
  s.bind(1, member_id).bind(2, title_zh).bind(3, title_en);
  s.run();
}

}  // namespace hg::srv::booking_repo
