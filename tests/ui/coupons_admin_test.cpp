// The union admin's dashboard and settlement against the demo server: every figure names its
// period (the CST month both screens show, the stock period now, the whole campaign), no
// protocol word such as a schedule's "once" reaches the screen in either language, and
// moving the month on one screen moves it on the other.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "headless.h"
#include "native/native_platform.h"
#include "sign_in.h"
#include "tests/test_now.h"
#include "tests/ui/test_server.h"
#include "tests/ui/trace_checks.h"
#include "ui/trace.h"

namespace {

using hg::ui::Lang;
using hg::ui::Screen;

// Protocol words a screen must show as words: the once cycle's key, batch states.
std::string raw_token(const HeadlessUi& ui) {
  return label_matching(ui, std::regex(R"(.*(\bonce\b|not_open_yet|sold_out|by_lottery).*)"));
}

// The demo server and a 375 px phone signed in as the union admin, on the dashboard.
struct AdminPhone {
  explicit AdminPhone(float height) : ui(platform, 375, height) {
    ui.frames(2);
    sign_in(ui, "admin");
    ui.app().go(Screen::coupons, "admin");
  }
  UiTestServer server{"coupons"};
  hg::native::NativePlatform platform{server.url(), server.device_dir(), hg::test::test_clock_ms()};
  HeadlessUi ui;
};

TEST(CouponsAdmin, DashboardFiguresNameTheirPeriodInBothLanguages) {
  AdminPhone phone(6000);  // tall: every campaign card on one screen
  HeadlessUi& ui = phone.ui;
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("活动概况"); })) << "no dashboard";
  // The demo's month (test clock: 2 December 2026), for claims and redemptions.
  EXPECT_TRUE(ui.has_label("2026-12（北京时间）"));
  EXPECT_TRUE(ui.has_label("2026-12 领取"));
  EXPECT_TRUE(ui.has_label("2026-12 核销"));
  EXPECT_TRUE(ui.has_label("活动全程预算"));
  EXPECT_FALSE(label_matching(ui, std::regex(R"(2026-12：领 \d+ · 核销 \d+ · 退款 \d+)")).empty());
  // Monthly batches name the month of their stock; the film lottery's stock is the whole run.
  EXPECT_TRUE(has_label_containing(ui, "当前库存·本月(2026-12) 剩余 "));
  EXPECT_TRUE(has_label_containing(ui, "当前库存·全程 剩余 "));
  EXPECT_EQ(raw_token(ui), "");
  expect_touch_targets(ui, 375, "dashboard zh");

  ui.app().set_lang(Lang::en);
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("Campaigns"); }));
  EXPECT_TRUE(ui.has_label("Claimed in 2026-12"));
  EXPECT_TRUE(has_label_containing(ui, "Stock now, whole run: "));
  EXPECT_TRUE(has_label_containing(ui, "Stock now, this month (2026-12): "));
  EXPECT_EQ(raw_token(ui), "");
  expect_touch_targets(ui, 375, "dashboard en");
}

TEST(CouponsAdmin, DashboardAndSettlementShowOneMonth) {
  AdminPhone phone(3200);
  HeadlessUi& ui = phone.ui;
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("2026-12 领取"); })) << "no dashboard";
  ASSERT_TRUE(ui.tap("上月"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("2026-11 领取"); })) << "the dashboard did not move";
  ASSERT_TRUE(ui.tap("月度结算"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("2026-11 全月合计"); })) << "settlement is not on November";
  EXPECT_TRUE(ui.has_label("2026-11（北京时间）"));
  EXPECT_EQ(raw_token(ui), "");
  ASSERT_TRUE(ui.tap("下月"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("2026-12 全月合计"); }));
  ASSERT_TRUE(ui.tap("< 返回"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("2026-12 领取"); })) << "the dashboard kept November";
}

}  // namespace
