// Deep links (reminders, the union's mini-program, a station's QR code) open the page they
// name; one that needs an account opens after the visitor has signed in.
#include <gtest/gtest.h>

#include <string>

#include "core/app_routes.h"
#include "headless.h"
#include "native/native_platform.h"
#include "sign_in.h"
#include "tests/ui/test_server.h"
#include "ui/areas.h"

namespace {

// Every route of core's table names an area of ui/areas.h (or is a station's QR path), so
// the server never serves the app for a path the app would not open.
TEST(AppRoutes, EveryRouteNamesAnArea) {
  for (const hg::AppRoute& r : hg::kAppRoutes) {
    const std::string p = r.pattern;
    const std::string first = p.substr(1, p.find('/', 1) == std::string::npos ? std::string::npos : p.find('/', 1) - 1);
    bool known = first == "s";
    for (const hg::ui::AreaEntry& e : hg::ui::kAreas) known = known || first == e.name;
    EXPECT_TRUE(known) << p;
  }
}

TEST(DeepLink, MyCouponsSignedOutAsksToSignInThenLandsThere) {
  UiTestServer s("deep-link");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().open_path("/coupons/mine");
  ui.frames(3);
  ASSERT_EQ(ui.trace().screen, "account/sign_in");
  fill_sign_in(ui, "m001", "huigong123");
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "coupons/mine"; })) << ui.trace().screen;
  // The page itself, not its sign-in gate: the member's coupons are being shown.
  EXPECT_TRUE(ui.frames_until([&] { return !ui.has_label("去登录"); }));
}

TEST(DeepLink, PagesWithoutAnAccountOpenAtOnceAndUnknownPathsGoHome) {
  UiTestServer s("deep-link");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().open_path("/bookings/lockers/fz-001");
  ui.frames(3);
  EXPECT_EQ(ui.trace().screen, "bookings/lockers");
  ui.app().open_path("/nonsense");
  ui.frames(2);
  EXPECT_EQ(ui.trace().screen, "home");
  // Signed in already: no detour.
  session_sign_in(ui, "m001");
  ui.app().open_path("/coupons/mine");
  ui.frames(2);
  EXPECT_EQ(ui.trace().screen, "coupons/mine");
}

}  // namespace
