// The coupons screens end to end against a real in-process server with the demo data:
// a signed-out member is asked to sign in; m001 (who claimed this month's fuel coupon in
// the demo history) sees it as claimed; m150 signs in through the account page, claims
// the fuel coupon (满200减30, the station gives ¥10, the union ¥20), finds it under 我的券
// with a scannable QR code and its 12-digit code; the fuel station's staff signs in and
// redeems that code for a ¥200 order, seeing the split before and after confirming; the
// same code again, and a made-up code, get clear refusals. With no signal, 我的券 and the
// code come from the device, and the station accepts the code the phone made.
#include <gtest/gtest.h>
#include <imgui.h>

#include <map>
#include <regex>
#include <string>

#include "core/cst_time.h"
#include "core/money.h"
#include "headless.h"
#include "native/native_platform.h"
#include "sign_in.h"
#include "tests/ui/test_server.h"
#include "tests/ui/trace_checks.h"
#include "ui/trace.h"

namespace {

using hg::ui::Screen;

constexpr const char* kFuelBatch = "b-fuel";     // the demo's fuel batch id (server/coupons seed)
constexpr const char* kFuelStaff = "fuel01";         // the demo fuel station's staff login
// The demo history (Sep–Nov 2026) gives coupons to the first 60 members; m150 has none.
constexpr const char* kFreshMember = "m150";

std::string item_with_prefix(const HeadlessUi& ui, const std::string& prefix) {
  for (const auto& i : ui.trace().items)
    if (i.label.rfind(prefix, 0) == 0) return i.label;
  return "";
}

// The redeem form: types a code and an order amount (after what the fields hold already)
// and asks for the preview.
::testing::AssertionResult ask_preview(HeadlessUi& ui, const std::string& code, const std::string& amount) {
  if (!ui.tap("输入或粘贴12位券码")) return ::testing::AssertionFailure() << "no code field";
  ui.type(code);
  if (!ui.tap("例如 200 或 85.50")) return ::testing::AssertionFailure() << "no amount field";
  ui.type(amount);
  if (!ui.tap("计算优惠")) return ::testing::AssertionFailure() << "no preview button";
  return ::testing::AssertionSuccess();
}

// The settlement's "工会应付商家" figure (the first one: the total), in fen; -1 when not shown.
hg::Fen union_owes(const HeadlessUi& ui) {
  const auto& l = ui.trace().labels;
  for (size_t i = 0; i + 1 < l.size(); ++i)
    if (l[i] == "工会应付商家") return hg::parse_yuan(l[i + 1]).value_or(-1);
  return -1;
}

TEST(CouponsScreens, SignedOutClaimAsksToSignIn) {
  UiTestServer s("coupons");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(2);
  ASSERT_TRUE(ui.tap("惠工出行"));  // the home screen's brand tile
  const std::string claim = std::string("立即领取##") + kFuelBatch;
  ASSERT_TRUE(ui.frames_until([&] { return hg::ui::find_item(claim) != nullptr; })) << "the fuel batch is not claimable";
  EXPECT_EQ(ui.trace().screen, "coupons/campaigns");
  EXPECT_TRUE(ui.has_label("惠工出行"));
  EXPECT_TRUE(ui.has_label("满200减30"));
  EXPECT_TRUE(has_label_containing(ui, "本期剩余")) << "live stock is shown";
  expect_touch_targets(ui, 375);
  ASSERT_TRUE(ui.tap(claim));
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "coupons/claim_result"; }));
  EXPECT_TRUE(ui.has_label("请先登录"));
  ASSERT_TRUE(ui.tap("去登录"));
  EXPECT_EQ(ui.trace().screen, "account/sign_in");
  // Signed in, the app comes back to the claim, which can go now.
  fill_sign_in(ui, "m160", "huigong123");  // m150 onwards have not claimed this month's fuel coupon
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "coupons/claim_result" && ui.has_label("已登录，可以领取了。"); }))
      << ui.trace().screen;
  ASSERT_TRUE(ui.tap("立即领取"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("去我的券出示"); })) << "the claim went through";
}

TEST(CouponsScreens, AMemberAtTheLimitSeesItBeforeTapping) {
  UiTestServer s("coupons");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(2);
  sign_in(ui, "m001");  // claimed this month's fuel coupon in the demo history
  ui.app().go(Screen::coupons, "brand/2");
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("本期已领取"); })) << "member_state not shown";
  EXPECT_EQ(hg::ui::find_item(std::string("立即领取##") + kFuelBatch), nullptr);
  // Their coupons: valid ones from this month, used ones from the history.
  ASSERT_TRUE(ui.tap("我的券"));
  ASSERT_TRUE(ui.frames_until([&] { return !item_with_prefix(ui, "出示券码##").empty() || ui.has_label("可使用 0"); }));
  EXPECT_EQ(ui.trace().screen, "coupons/mine");
}

TEST(CouponsScreens, MemberClaimsShowsTheQrAndTheFuelStationRedeemsIt) {
  UiTestServer s("coupons");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  const float width = 320;  // the narrowest phone: everything must still fit
  HeadlessUi ui(platform, width, 1400);  // tall enough that no tap target is scrolled away
  ui.frames(2);
  sign_in(ui, kFreshMember);

  // Claim the fuel coupon from the brand page.
  ui.app().go(Screen::coupons, "brand/2");
  const std::string claim = std::string("立即领取##") + kFuelBatch;
  ASSERT_TRUE(ui.frames_until([&] { return hg::ui::find_item(claim) != nullptr; }));
  expect_touch_targets(ui, width);
  ASSERT_TRUE(ui.tap(claim));
  // A second tap while the first is in flight finds no claim button to press.
  ui.tap(claim);
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("领取成功"); })) << "claim failed";
  EXPECT_EQ(ui.trace().screen, "coupons/claim_result");
  EXPECT_TRUE(has_label_containing(ui, "有效期至"));
  // Each text once: the coupon's title is not repeated in its card.
  {
    std::map<std::string, int> seen;
    for (const std::string& l : ui.trace().labels)
      if (l.size() > 6 && ++seen[l] == 2) ADD_FAILURE() << "\"" << l << "\" shown twice on the claim result";
  }
  expect_touch_targets(ui, width);

  // 我的券: exactly one valid coupon (the double tap did not claim twice).
  ASSERT_TRUE(ui.tap("去我的券出示"));
  ASSERT_TRUE(ui.frames_until([&] { return !item_with_prefix(ui, "出示券码##").empty(); }));
  EXPECT_EQ(ui.trace().screen, "coupons/mine");
  EXPECT_TRUE(ui.has_label("可使用 1")) << "one valid coupon";
  expect_touch_targets(ui, width);

  // The QR page: a big code, the 12 digits in groups of four, the refresh countdown.
  ASSERT_TRUE(ui.tap(item_with_prefix(ui, "出示券码##")));
  ASSERT_TRUE(ui.frames_until([&] { return hg::ui::find_item("QR") != nullptr; }));
  EXPECT_EQ(ui.trace().screen, "coupons/qr");
  const hg::ui::TracedItem* qr = hg::ui::find_item("QR");
  EXPECT_GE(qr->w, 240.0f) << "a QR code big enough to scan";
  EXPECT_EQ(qr->w, qr->h);
  const std::string grouped = label_matching(ui, std::regex(R"(\d{4} \d{4} \d{4})"));
  ASSERT_FALSE(grouped.empty()) << "no 12-digit code on the QR page";
  EXPECT_TRUE(has_label_containing(ui, "后刷新"));
  expect_touch_targets(ui, width);

  // The fuel station's staff first looks at what the union owes the station this month.
  sign_in(ui, kFuelStaff);
  ui.app().go(Screen::coupons, "redeem");
  ui.frames(2);
  ASSERT_TRUE(ui.tap("本店月度结算"));
  ASSERT_TRUE(ui.frames_until([&] { return union_owes(ui) >= 0; })) << "no settlement for the merchant";
  const hg::Fen owed_before = union_owes(ui);
  expect_touch_targets(ui, width);

  // Then redeems the member's code: preview, then confirm.
  ASSERT_TRUE(ui.tap("< 返回"));
  EXPECT_EQ(ui.trace().screen, "coupons/redeem");
  ASSERT_TRUE(ask_preview(ui, grouped, "200"));  // as read off the phone, spaces and all
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("职工实付"); })) << "no preview";
  EXPECT_TRUE(ui.has_label("¥200"));
  EXPECT_TRUE(ui.has_label("¥30"));  // 优惠
  EXPECT_TRUE(ui.has_label("¥10"));  // 商家承担
  EXPECT_TRUE(ui.has_label("¥20"));  // 工会补贴
  EXPECT_TRUE(ui.has_label("¥170"));  // 职工实付
  expect_touch_targets(ui, width);
  ASSERT_TRUE(ui.tap("确认核销 · 收款 ¥170"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("核销成功"); })) << "not redeemed";
  EXPECT_TRUE(ui.has_label("¥170"));

  // The same code again: already used, in the server's words.
  ASSERT_TRUE(ui.tap("继续核销"));
  ASSERT_TRUE(ask_preview(ui, grouped, "200"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("这张券已经用过了"); }));

  // A made-up code.
  ASSERT_TRUE(ui.tap("继续核销") || true);
  ui.app().go(Screen::coupons, "redeem");
  ui.frames(2);
  ASSERT_TRUE(ask_preview(ui, "1234 5678 9012", "200"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("券码无效，请核对后重新输入"); }));

  // The station's own settlement for this month grew by the union's ¥20 share.
  ui.app().go(Screen::coupons, "redeem");
  ui.frames(2);
  ASSERT_TRUE(ui.tap("本店月度结算"));
  ASSERT_TRUE(ui.frames_until([&] { return union_owes(ui) >= 0 && union_owes(ui) != owed_before; }))
      << "the settlement did not change: " << owed_before;
  EXPECT_TRUE(ui.has_label("中石化福州鼓楼加油站"));
  EXPECT_EQ(union_owes(ui) - owed_before, 2000);

  // Back as the member: the coupon is now under 已使用.
  sign_in(ui, kFreshMember);
  ui.app().go(Screen::coupons, "mine");
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("已使用 1"); }));
}

// Nothing listens on port 1: every request fails at once, as with no signal.
constexpr const char* kNoServer = "http://127.0.0.1:1";

TEST(CouponsScreens, MyCouponsAndTheirCodesWorkWithNoSignal) {
  UiTestServer s("coupons");
  const float width = 375;
  {
    // Online: m150 signs in and claims the fuel coupon, but does not open 我的券.
    hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
    HeadlessUi ui(platform, width, 1400);
    ui.frames(2);
    sign_in(ui, kFreshMember);
    ui.app().go(Screen::coupons, "brand/2");
    const std::string claim = std::string("立即领取##") + kFuelBatch;
    ASSERT_TRUE(ui.frames_until([&] { return hg::ui::find_item(claim) != nullptr; }));
    ASSERT_TRUE(ui.tap(claim));
    ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("领取成功"); })) << "claim failed";
  }
  {
    // Offline with no copy on the device: a plain offline message, no "0 coupons", no error.
    hg::native::NativePlatform platform(kNoServer, s.device_dir(), hg::test::test_clock_ms());
    HeadlessUi ui(platform, width, 1400);
    ui.app().go(Screen::coupons, "mine");
    ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("网络不可用，手机上还没有你的券。连接后会自动刷新。"); }))
        << ui.trace().screen;
    EXPECT_FALSE(has_label_starting(ui, "可使用"));
    EXPECT_FALSE(ui.has_label("正在加载…"));
    EXPECT_FALSE(has_label_containing(ui, "无法连接服务器"));
  }
  {
    // Online again: the list arrives and is kept on the device.
    hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
    HeadlessUi ui(platform, width, 1400);
    ui.app().go(Screen::coupons, "mine");
    ASSERT_TRUE(ui.frames_until([&] { return !item_with_prefix(ui, "出示券码##").empty(); }));
    EXPECT_TRUE(ui.has_label("可使用 1"));
    EXPECT_FALSE(has_label_starting(ui, "离线"));
  }
  std::string grouped;
  {
    // Offline: the coupon from the device, with the data's age, and a code made on the phone.
    hg::native::NativePlatform platform(kNoServer, s.device_dir(), hg::test::test_clock_ms());
    HeadlessUi ui(platform, width, 1400);
    ui.app().go(Screen::coupons, "mine");
    ASSERT_TRUE(ui.frames_until([&] { return has_label_starting(ui, "离线 · "); })) << "no data-age note";
    EXPECT_TRUE(ui.has_label("离线 · 刚刚更新"));
    EXPECT_TRUE(ui.has_label("可使用 1")) << "the valid coupon is listed";
    EXPECT_TRUE(ui.has_label("满200减30"));
    EXPECT_FALSE(ui.has_label("正在加载…"));
    EXPECT_FALSE(has_label_containing(ui, "无法连接服务器")) << "no error box over the copy";
    expect_touch_targets(ui, width);
    ASSERT_TRUE(ui.tap(item_with_prefix(ui, "出示券码##")));
    ASSERT_TRUE(ui.frames_until([&] { return hg::ui::find_item("QR") != nullptr; })) << ui.trace().screen;
    ui.frames(30);  // the page asks the server, gets no answer, keeps showing the code
    grouped = label_matching(ui, std::regex(R"(\d{4} \d{4} \d{4})"));
    ASSERT_FALSE(grouped.empty()) << "no 12-digit code offline";
    EXPECT_TRUE(has_label_containing(ui, "后刷新"));
    EXPECT_FALSE(has_label_containing(ui, "无法连接服务器"));
    EXPECT_FALSE(ui.has_label("券码已过期"));
  }
  {
    // The fuel station, online, accepts the code the phone made.
    hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
    HeadlessUi ui(platform, width, 1400);
    ui.frames(2);
    sign_in(ui, kFuelStaff);
    ui.app().go(Screen::coupons, "redeem");
    ui.frames(2);
    ASSERT_TRUE(ask_preview(ui, grouped, "200"));
    ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("职工实付"); })) << "the offline code was refused";
    EXPECT_TRUE(ui.has_label("¥170"));
  }
}

TEST(CouponsScreens, InputMistakesAreCaughtBeforeAsking) {
  UiTestServer s("coupons");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(2);
  sign_in(ui, kFuelStaff);
  ui.app().go(Screen::coupons, "redeem");
  ui.frames(2);
  ASSERT_TRUE(ask_preview(ui, "1234 5678", "200"));
  EXPECT_TRUE(ui.has_label("券码是12位数字（空格可忽略）"));
  ASSERT_TRUE(ask_preview(ui, "5678", ".123"));  // "200.123": three decimals is a typo, never rounded
  EXPECT_TRUE(ui.has_label("请输入订单金额，例如 200 或 85.50"));
}

TEST(CouponsScreens, AdminSeesTheDashboardSettlementAndCreatesACampaign) {
  UiTestServer s("coupons");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform, 375, 3200);  // tall: the whole creation form on one screen
  ui.frames(2);
  sign_in(ui, "admin");
  ASSERT_TRUE(ui.tap("活动与结算"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("活动概况"); })) << "no dashboard";
  EXPECT_EQ(ui.trace().screen, "coupons/admin");
  EXPECT_TRUE(ui.has_label("2026-12 领取"));
  expect_touch_targets(ui, 375);
  ASSERT_TRUE(ui.tap("月度结算"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("工会应付商家"); })) << "no settlement";
  EXPECT_EQ(ui.trace().screen, "coupons/settlement");
  expect_touch_targets(ui, 375);
  ASSERT_TRUE(ui.tap("< 返回"));
  ASSERT_TRUE(ui.tap("新建活动"));
  EXPECT_EQ(ui.trace().screen, "coupons/admin_create");
  // Nothing filled in: core's validation speaks before the server is asked.
  ui.frames(2);
  ASSERT_TRUE(ui.tap("创建活动"));
  EXPECT_TRUE(ui.has_label("请填写活动名称"));
  expect_touch_targets(ui, 375);

  // A car-wash campaign: 8折 up to ¥15 (the form's defaults otherwise), created for real.
  ASSERT_TRUE(ui.tap("如：加油惠工月"));
  ui.type("洗车惠工月");
  ASSERT_TRUE(ui.tap("m-fuel-01"));
  ui.type("wash-01");
  ASSERT_TRUE(ui.tap("如：鼓楼加油站"));
  ui.type("鼓楼洗车店");
  ASSERT_TRUE(ui.tap("折扣"));
  ASSERT_TRUE(ui.tap("每月定时开抢"));  // already chosen: stays chosen
  EXPECT_TRUE(ui.has_label("示例：7.5折 最高减¥15"));
  ASSERT_TRUE(ui.tap("创建活动"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("活动已创建"); })) << "not created";
  // The result replaces the form: no second tap can create a twin, and no internal id shows.
  EXPECT_TRUE(has_label_containing(ui, "「洗车惠工月」已上线"));
  EXPECT_FALSE(ui.has_label("创建活动"));
  EXPECT_FALSE(has_label_containing(ui, "batch")) << "an internal id on screen";
  expect_touch_targets(ui, 375);
  ASSERT_TRUE(ui.tap("再建一个活动"));
  ui.frames(2);
  ASSERT_TRUE(ui.has_label("创建活动")) << "a fresh form";
  ASSERT_TRUE(ui.tap("创建活动"));
  EXPECT_TRUE(ui.has_label("请填写活动名称")) << "the fresh form starts empty";
  ui.app().go(Screen::coupons, "");
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("洗车惠工月"); })) << "the new campaign is not listed";

  // One that opens in three days (CST): members see a countdown and cannot tap yet.
  ui.app().go(Screen::coupons, "admin");
  ui.frames(2);
  ASSERT_TRUE(ui.tap("新建活动"));
  ui.frames(2);
  const hg::UnixSeconds in_three_days = platform.now_ms() / 1000 + 3 * 86400;
  retype(ui, "如：加油惠工月", "电影惠工周");
  retype(ui, "m-fuel-01", "cinema-09");
  retype(ui, "如：鼓楼加油站", "万达影城");
  ASSERT_TRUE(ui.tap("惠工文旅"));
  ASSERT_TRUE(ui.tap("免费"));
  ASSERT_TRUE(ui.tap("活动期间随时"));
  retype(ui, "2026-12-01", hg::format_cst(in_three_days).substr(0, 10));  // 开始日期
  ASSERT_TRUE(ui.tap("创建活动"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("活动已创建"); })) << "not created";
  ui.app().go(Screen::coupons, "brand/1");
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("电影惠工周"); }));
  EXPECT_TRUE(ui.has_label("未开始"));
  const std::string countdown = label_matching(ui, std::regex(R"(距开抢 [23]天 \d\d:\d\d:\d\d)"));
  EXPECT_FALSE(countdown.empty()) << "no countdown to the opening";
}

// The campaign list and my coupons fit every phone width and a desktop window, in both
// languages: touch-sized targets, inside the screen, none overlapping.
TEST(CouponsScreens, LayoutsFitFromNarrowPhonesToDesktopInBothLanguages) {
  UiTestServer s("coupons");
  for (float width : {320.0f, 414.0f, 1024.0f}) {
    for (hg::ui::Lang lang : {hg::ui::Lang::zh, hg::ui::Lang::en}) {
      hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
      HeadlessUi ui(platform, width, 2400);
      ui.app().set_lang(lang);
      ui.frames(2);
      ui.app().go(Screen::coupons, "brand/2");
      ASSERT_TRUE(ui.frames_until([&] { return hg::ui::find_item(std::string(lang == hg::ui::Lang::zh ? "立即领取##" : "Claim now##") + kFuelBatch); }))
          << "width " << width;
      EXPECT_TRUE(ui.has_label(lang == hg::ui::Lang::zh ? "满200减30" : "¥30 off ¥200"));
      SCOPED_TRACE(::testing::Message() << "campaigns at width " << width);
      expect_touch_targets(ui, width);
      ui.app().go(Screen::coupons, "");
      ui.frames(3);
      expect_touch_targets(ui, width);
    }
  }
}

}  // namespace
