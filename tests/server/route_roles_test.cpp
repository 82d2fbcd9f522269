// Every API route × every role: the status an anonymous caller and each role get for a
// request to it with no body and no Idempotency-Key ("{…}" segments filled with "x"). Nothing
// is written: a write refuses a missing key, and the role is checked before the key. A route
// added without a role check, or left out of this table, fails here; on failure the test
// prints the table as the server answers it.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <sstream>

#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

constexpr int kCallers = 6;
constexpr const char* kCallerNames[kCallers] = {"anonymous", "member", "merchant_staff", "clinic_staff", "locker", "union_admin"};
constexpr const char* kLogins[kCallers] = {"", "m001", "fuel01", "clinic01", "locker01", "admin"};

struct Expected {
  const char* route;  // "METHOD pattern", as registered
  int status[kCallers];
};

// clang-format off
// 200 without a role: public (browsing before signing in). 400 with the right role: the
// role passed and the request went on to be refused for its missing key, body or parameter.
// Each row: {anonymous, member, merchant_staff, clinic_staff, locker, union_admin}.
const Expected kTable[] = {
    {"GET /api/v1/health", {200, 200, 200, 200, 200, 200}},
    {"GET /api/v1/version", {200, 200, 200, 200, 200, 200}},
    {"GET /api/v1/notices", {200, 200, 200, 200, 200, 200}},
    {"POST /api/v1/auth/login", {400, 400, 400, 400, 400, 400}},
    {"GET /api/v1/auth/me", {401, 200, 200, 200, 200, 200}},
    {"GET /api/v1/stations/snapshot", {200, 200, 200, 200, 200, 200}},
    {"GET /api/v1/stations/delta", {400, 400, 400, 400, 400, 400}},
    {"POST /api/v1/stations", {401, 403, 403, 403, 403, 400}},
    {"PUT /api/v1/stations/{id}", {401, 403, 403, 403, 403, 400}},
    {"POST /api/v1/stations/{id}/ratings", {401, 400, 403, 403, 403, 403}},
    {"GET /api/v1/stations/{id}/ratings", {404, 404, 404, 404, 404, 404}},
    {"POST /api/v1/stations/{id}/checkins", {401, 403, 403, 403, 400, 400}},
    {"POST /api/v1/stations/{id}/visits", {401, 400, 403, 403, 400, 400}},
    {"GET /api/v1/stations/evaluation", {401, 403, 403, 403, 403, 400}},
    {"POST /api/v1/stations/evaluation/run", {401, 403, 403, 403, 403, 400}},
    {"GET /api/v1/stations/evaluation/thresholds", {401, 403, 403, 403, 403, 200}},
    {"PUT /api/v1/stations/evaluation/thresholds", {401, 403, 403, 403, 403, 400}},
    {"POST /api/v1/stations/{id}/cards/{card}/lift", {401, 403, 403, 403, 403, 400}},
    {"GET /api/v1/coupons/campaigns", {200, 200, 200, 200, 200, 200}},
    {"POST /api/v1/coupons/claim", {401, 400, 403, 403, 403, 403}},
    {"GET /api/v1/coupons/mine", {401, 200, 403, 403, 403, 403}},
    {"GET /api/v1/coupons/{id}/code", {401, 404, 403, 403, 403, 403}},
    {"POST /api/v1/coupons/redeem/preview", {401, 403, 400, 403, 403, 403}},
    {"POST /api/v1/coupons/redeem", {401, 403, 400, 403, 403, 403}},
    {"POST /api/v1/coupons/refund", {401, 403, 400, 403, 403, 403}},
    {"GET /api/v1/coupons/ledger", {401, 403, 200, 403, 403, 200}},
    {"GET /api/v1/coupons/settlement", {401, 403, 200, 403, 403, 200}},
    {"GET /api/v1/coupons/settlement.csv", {401, 403, 200, 403, 403, 200}},
    {"GET /api/v1/coupons/dashboard", {401, 403, 403, 403, 403, 200}},
    {"POST /api/v1/coupons/admin/campaigns", {401, 403, 403, 403, 403, 400}},
    {"POST /api/v1/coupons/admin/batches", {401, 403, 403, 403, 403, 400}},
    {"GET /api/v1/coupons/lotteries", {200, 200, 200, 200, 200, 200}},
    {"GET /api/v1/coupons/lotteries/{id}", {404, 404, 404, 404, 404, 404}},
    {"POST /api/v1/coupons/admin/lotteries", {401, 403, 403, 403, 403, 400}},
    {"POST /api/v1/coupons/lotteries/{id}/register", {401, 400, 403, 403, 403, 403}},
    {"POST /api/v1/coupons/admin/lotteries/{id}/draw", {401, 403, 403, 403, 403, 400}},
    {"GET /api/v1/bookings/availability", {200, 200, 200, 200, 200, 200}},
    {"GET /api/v1/bookings/mine", {401, 200, 403, 403, 403, 403}},
    {"POST /api/v1/bookings/hold", {401, 400, 403, 403, 403, 403}},
    {"POST /api/v1/bookings/{id}/confirm", {401, 400, 403, 403, 403, 403}},
    {"POST /api/v1/bookings/{id}/cancel", {401, 400, 403, 403, 403, 403}},
    {"POST /api/v1/bookings/waitlist/join", {401, 400, 403, 403, 403, 403}},
    {"POST /api/v1/bookings/waitlist/leave", {401, 400, 403, 403, 403, 403}},
    {"GET /api/v1/bookings/clinic/day", {401, 403, 403, 200, 403, 200}},
    {"POST /api/v1/bookings/clinic/check-in", {401, 403, 403, 400, 403, 403}},
    {"POST /api/v1/bookings/{id}/no-show", {401, 403, 403, 400, 403, 400}},
    {"GET /api/v1/bookings/lockers", {200, 200, 200, 200, 200, 200}},
    {"POST /api/v1/bookings/lockers/{id}/reserve", {401, 400, 403, 403, 403, 403}},
    {"POST /api/v1/bookings/lockers/{id}/pickup", {401, 403, 403, 403, 400, 403}},
    {"POST /api/v1/bookings/lockers/{id}/restock", {401, 403, 403, 403, 400, 400}},
    {"GET /api/v1/bookings/admin/plans", {401, 403, 403, 403, 403, 200}},
    {"PUT /api/v1/bookings/admin/plans/{id}", {401, 403, 403, 403, 403, 400}},
    {"GET /api/v1/bookings/admin/subsidy", {401, 403, 403, 403, 403, 404}},
};
// clang-format on

std::string concrete(const std::string& pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    i = pattern.find('}', i);
    out += 'x';
  }
  return out;
}

TEST(RouteRoles, EveryRouteAnswersEachRoleAsTheTableSays) {
  TestServer s;
  Headers auth[kCallers];
  for (int c = 1; c < kCallers; ++c)
    auth[c] = {{"Authorization", "Bearer " + mint_token(s.db_path(), kLogins[c], kTestNow + 86400)}};
  std::map<std::string, const Expected*> table;
  for (const Expected& e : kTable) table[e.route] = &e;

  std::ostringstream answered;
  size_t listed = 0;
  for (const srv::Route& r : s.server().router().routes()) {
    const std::string key = r.method + " " + r.pattern;
    int got[kCallers];
    answered << "    {\"" << key << "\", {";
    for (int c = 0; c < kCallers; ++c) {
      got[c] = http_request(s.port(), r.method, concrete(r.pattern), auth[c]).status;
      answered << (c ? ", " : "") << got[c];
    }
    answered << "}},\n";
    const auto it = table.find(key);
    if (it == table.end()) {
      ADD_FAILURE() << "route missing from the table: " << key;
      continue;
    }
    ++listed;
    for (int c = 0; c < kCallers; ++c) EXPECT_EQ(got[c], it->second->status[c]) << key << " as " << kCallerNames[c];
  }
  EXPECT_EQ(listed, table.size()) << "the table lists routes the server no longer has";
  if (HasFailure()) std::cout << "the routes as the server answers them:\n" << answered.str();
}

}  // namespace
}  // namespace hg::test
