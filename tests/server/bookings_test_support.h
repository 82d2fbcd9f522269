// Shared pieces of the bookings server tests: a real server with a clock the test moves,
// tokens signed with the database's own key (no Argon2 per member), slots written straight
// into the store, and small request helpers.
#pragma once
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/bookings/slot.h"
#include "core/bookings/wire.h"
#include "core/json.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test::bookings {

class BookingsServer {
 public:
  explicit BookingsServer(UnixSeconds start);
  std::uint16_t port() const { return server_->port(); }
  const std::string& db_path() const { return server_->db_path(); }
  void set_now(UnixSeconds t) { now_->store(t); }
  void advance(std::int64_t seconds) { now_->fetch_add(seconds); }
  UnixSeconds now() const { return now_->load(); }

  // A session token for a demo login ("m001", "clinic01", "locker01", "admin").
  std::string token(const std::string& login);
  // The subject behind a login: a member's id, a clinic's, a locker's station.
  std::string subject_of(const std::string& login);
  // The first demo resource of a kind ("station", "locker", …) by id.
  std::string first_resource(const std::string& kind);
  // Logins of demo members eligible for the health-check plan (riders, drivers, couriers).
  std::vector<std::string> gig_logins(int count);
  // Logins of demo members not eligible.
  std::vector<std::string> office_logins(int count);
  void add_slot(const Slot& s, bool cadre_only = false);
  // One integer from the store.
  std::int64_t query(const std::string& sql);

 private:
  std::shared_ptr<std::atomic<std::int64_t>> now_;
  std::unique_ptr<TestServer> server_;
};

HttpReply get(const BookingsServer& s, const std::string& token, const std::string& target);
HttpReply post(const BookingsServer& s, const std::string& token, const std::string& target, const std::string& body,
               const std::string& key = "");

// A health-check slot of the demo plan at a clinic on a CST date and window.
Slot clinic_slot(const std::string& id, const std::string& clinic, CivilDate date, CstWindow w, int capacity);

HttpReply hold(const BookingsServer& s, const std::string& token, const std::string& slot_id,
               const std::string& package = "HC-465", bool waitlist_if_full = false);
std::string error_en(const HttpReply& r);

}  // namespace hg::test::bookings
