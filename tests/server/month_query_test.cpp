// ?month=YYYY-MM reads the same on every route that takes it: a malformed month is one 400
// with one body, whichever area answers.
#include <gtest/gtest.h>

#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

TEST(MonthQuery, MalformedMonthIsTheSame400OnEveryRoute) {
  TestServer s;
  const Headers admin = {{"Authorization", "Bearer " + mint_token(s.db_path(), "admin", kTestNow + 86400)},
                         {"Idempotency-Key", "month-query-test"}};
  const char* kRoutes[][2] = {
      {"GET", "/api/v1/stations/evaluation"},
      {"POST", "/api/v1/stations/evaluation/run"},
      {"GET", "/api/v1/coupons/settlement"},
      {"GET", "/api/v1/bookings/admin/subsidy"},
  };
  for (const char* bad : {"2026-13", "2026-1", "26-12", "2026/12", "2026-12-01", "1999-12"}) {
    std::string first;
    for (const auto& r : kRoutes) {
      const std::string target = std::string(r[1]) + "?month=" + bad + "&clinic=x";
      const HttpReply rep = http_request(s.port(), r[0], target, admin);
      SCOPED_TRACE(std::string(r[0]) + " " + target);
      EXPECT_EQ(rep.status, 400);
      EXPECT_NE(rep.body.find("月份格式应为 YYYY-MM"), std::string::npos) << rep.body;
      EXPECT_NE(rep.body.find("The month must look like YYYY-MM"), std::string::npos) << rep.body;
      if (first.empty()) first = rep.body;
      EXPECT_EQ(rep.body, first);
    }
  }
}

TEST(MonthQuery, AbsentMonthIsRequiredOnlyWhereNoDefaultApplies) {
  TestServer s;
  const Headers admin = {{"Authorization", "Bearer " + mint_token(s.db_path(), "admin", kTestNow + 86400)}};
  EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/stations/evaluation", admin).status, 400);
  EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/coupons/settlement", admin).status, 200);
  EXPECT_EQ(http_request(s.port(), "GET", "/api/v1/coupons/settlement?month=2026-11", admin).status, 200);
}

}  // namespace
}  // namespace hg::test
