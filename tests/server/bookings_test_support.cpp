#include "tests/server/bookings_test_support.h"

#include <atomic>

#include "server/bookings/booking_repo.h"
#include "server/store/sqlite.h"

namespace hg::test::bookings {

namespace {
std::atomic<std::uint64_t> g_keys{1};
}

BookingsServer::BookingsServer(UnixSeconds start) : now_(std::make_shared<std::atomic<std::int64_t>>(start)) {
  TestServerOptions o;
  o.with_site = false;
  auto clock = now_;
  o.clock = [clock] { return static_cast<UnixSeconds>(clock->load()); };
  server_ = std::make_unique<TestServer>(o);
}

std::string BookingsServer::token(const std::string& login) {
  return mint_token(db_path(), login, now() + 30 * 86400);
}

namespace {
// The first column of the first row of `sql` with ?1 = `arg`; throws `missing` when no row.
std::string text_of(const std::string& db_path, const char* sql, const std::string& arg, const std::string& missing) {
  srv::Db db = srv::Db::open(db_path);
  srv::Stmt s = db.prepare(sql);
  s.bind(1, arg);
  if (!s.step()) throw std::runtime_error(missing);
  return s.column_text(0);
}
}  // namespace

std::string BookingsServer::subject_of(const std::string& login) {
  return text_of(db_path(), "SELECT subject FROM accounts WHERE login = ?1", login, "no account " + login);
}

std::string BookingsServer::first_resource(const std::string& kind) {
  return text_of(db_path(), "SELECT id FROM bk_resources WHERE kind = ?1 ORDER BY id LIMIT 1", kind,
                 "no resource of kind " + kind);
}

namespace {
std::vector<std::string> logins_where(const std::string& db_path, const char* condition, int count) {
  srv::Db db = srv::Db::open(db_path);
  srv::Stmt s = db.prepare(std::string("SELECT a.login FROM accounts a JOIN members m ON m.id = a.subject "
                                       "WHERE a.role = 'member' AND ") +
                           condition + " ORDER BY a.login LIMIT ?1");
  s.bind(1, count);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}
}  // namespace

std::vector<std::string> BookingsServer::gig_logins(int count) {
  return logins_where(db_path(), "m.occupation IN ('delivery_rider', 'ride_hailing_driver', 'courier')", count);
}

std::vector<std::string> BookingsServer::office_logins(int count) {
  return logins_where(db_path(), "m.occupation NOT IN ('delivery_rider', 'ride_hailing_driver', 'courier')", count);
}

void BookingsServer::add_slot(const Slot& s, bool cadre_only) {
  srv::Db db = srv::Db::open(db_path());
  srv::booking_repo::insert_slot(db, s, cadre_only);
}

std::int64_t BookingsServer::query(const std::string& sql) {
  srv::Db db = srv::Db::open(db_path());
  return db.query_int64(sql, -1);
}

HttpReply get(const BookingsServer& s, const std::string& token, const std::string& target) {
  Headers h;
  if (!token.empty()) h.push_back({"Authorization", "Bearer " + token});
  return http_get(s.port(), target, h);
}

HttpReply post(const BookingsServer& s, const std::string& token, const std::string& target, const std::string& body,
               const std::string& key) {
  Headers h{{"Content-Type", "application/json"},
            {"Idempotency-Key", key.empty() ? "test-key-" + std::to_string(g_keys.fetch_add(1)) : key}};
  if (!token.empty()) h.push_back({"Authorization", "Bearer " + token});
  return http_request(s.port(), "POST", target, h, body);
}

Slot clinic_slot(const std::string& id, const std::string& clinic, CivilDate date, CstWindow w, int capacity) {
  Slot s = slot_in_cst_window(id, SlotKind::health_check, clinic, date, w, capacity);
  s.plan_id = "HC-GIG";
  s.title_zh = s.title_en = id;
  return s;
}

HttpReply hold(const BookingsServer& s, const std::string& token, const std::string& slot_id, const std::string& package,
               bool waitlist_if_full) {
  return post(s, token, "/api/v1/bookings/hold", to_json(kHoldRequestJson, HoldRequest{slot_id, package, waitlist_if_full}));
}

std::string error_en(const HttpReply& r) { return error_from_json(r.body, r.status).en; }

}  // namespace hg::test::bookings
