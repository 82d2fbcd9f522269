#include "core/app_routes.h"

#include <gtest/gtest.h>

namespace {

using hg::find_app_route;

TEST(AppRoutes, PagesAndIdsMatch) {
  ASSERT_NE(find_app_route("/coupons/mine"), nullptr);
  EXPECT_TRUE(find_app_route("/coupons/mine")->needs_account);
  ASSERT_NE(find_app_route("/bookings/lockers/fz-001"), nullptr);
  EXPECT_FALSE(find_app_route("/bookings/lockers/fz-001")->needs_account);
  ASSERT_NE(find_app_route("/s/fz-001"), nullptr);
  EXPECT_NE(find_app_route("/account"), nullptr);
  EXPECT_NE(find_app_route("/station_map/station/T100003"), nullptr);
}

TEST(AppRoutes, AnythingElseIsNoPage) {
  for (const char* p : {"/", "", "/nonsense", "/coupons/nonsense", "/s/", "/s//x", "/s/a/b", "/coupons/mine/x",
                        "/bookings/lockers/", "/api/v1/health", "/coupons/", "coupons/mine", "/index.html"})
    EXPECT_EQ(find_app_route(p), nullptr) << p;
}

}  // namespace
