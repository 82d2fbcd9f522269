// The bookings screens end to end against a real in-process server with the demo data:
// m001 signs in, books a health check (package → clinic → date → time → confirm, seeing
// "您付 ¥100，工会付 ¥365"), and finds it under 我的预约 with a check-in code and a cancel
// button; the clinic, locker and admin accounts reach their tools.
#include <gtest/gtest.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "headless.h"
#include "native/native_platform.h"
#include "server/store/store.h"
#include "sign_in.h"
#include "tests/ui/test_server.h"
#include "tests/ui/trace_checks.h"
#include "ui/trace.h"

namespace {

using hg::ui::Screen;

// From any screen, signed in as m001: books the basic health check at the 市南 clinic through
// the screens as a person would and returns the check-in code the result page shows.
std::string book_health_check(HeadlessUi& ui, float width) {
  ui.app().go(Screen::bookings, "");
  ui.frames(2);
  EXPECT_EQ(ui.trace().screen, "bookings/menu");
  if (!ui.tap("健康体检")) return ADD_FAILURE() << "no 健康体检", "";
  if (!ui.frames_until([&] { return ui.has_label("1 选择套餐"); })) return ADD_FAILURE() << "no packages", "";
  EXPECT_EQ(ui.trace().screen, "bookings/health");
  // m001 is a port worker: the gig workers' plan is not offered, the members' plan is.
  EXPECT_FALSE(ui.has_label("新就业形态劳动者健康体检"));
  EXPECT_TRUE(ui.has_label("工会会员普惠体检"));
  if (!ui.tap("基础体检套餐 ¥465（自付 ¥100）")) return ADD_FAILURE() << "no basic package", "";
  ui.frames(2);
  if (!ui.tap("福州市晋安区职工健康中心")) return ADD_FAILURE() << "no clinic", "";
  ui.frames(2);
  const std::string day = item_matching(ui, std::regex("[0-9]+月[0-9]+日 周.*"));
  if (day.empty() || !ui.tap(day)) return ADD_FAILURE() << "no dates", "";
  ui.frames(2);
  const std::string time = item_matching(ui, std::regex("14:00-16:30  余 [0-9]+ 个名额"));
  if (time.empty() || !ui.tap(time)) return ADD_FAILURE() << "no afternoon window", "";
  ui.frames(2);
  EXPECT_TRUE(ui.has_label("您付 ¥100，工会付 ¥365"));
  EXPECT_TRUE(has_label_containing(ui, "前免费取消"));
  expect_touch_targets(ui, width);
  if (!ui.tap("确认预约")) return ADD_FAILURE() << "no confirm button", "";
  if (!ui.frames_until([&] { return ui.has_label("预约成功"); })) return ADD_FAILURE() << "booking failed", "";
  const std::string code = label_matching(ui, std::regex("[0-9]{6}"));
  EXPECT_FALSE(code.empty()) << "no check-in code";
  return code;
}

TEST(BookingsScreens, MemberBooksAHealthCheckAndSeesItInMyBookings) {
  UiTestServer s("bookings");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  const float width = 375;
  HeadlessUi ui(platform, width, 2000);  // tall: every step stays on screen
  ui.frames(2);
  sign_in(ui, "m001");
  const std::string shown_code = book_health_check(ui, width);
  ASSERT_FALSE(shown_code.empty());

  ASSERT_TRUE(ui.tap("查看我的预约"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("已确认"); })) << "not in my bookings";
  EXPECT_EQ(ui.trace().screen, "bookings/mine");
  EXPECT_TRUE(ui.has_label("福州市晋安区职工健康中心"));
  EXPECT_TRUE(ui.has_label(shown_code));
  EXPECT_TRUE(ui.has_label("您付 ¥100，工会付 ¥365"));
  EXPECT_TRUE(has_label_containing(ui, "取消截止"));
  EXPECT_FALSE(has_label_starting(ui, "离线")) << "online: no offline note";
  expect_touch_targets(ui, width);
  // Cancelling before the cut-off returns the place, after saying so and asking once.
  ASSERT_TRUE(ui.tap("取消预约"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("取消这个预约？"); })) << "cancelled without asking";
  EXPECT_TRUE(has_label_containing(ui, "名额会立即释放"));
  ASSERT_TRUE(ui.tap("再想想"));
  ui.frames(3);
  EXPECT_FALSE(ui.has_label("取消这个预约？"));
  EXPECT_TRUE(ui.has_label("已确认")) << "still booked after 再想想";
  ASSERT_TRUE(ui.tap("取消预约"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("确认取消"); }));
  expect_touch_targets(ui, width);
  ASSERT_TRUE(ui.tap("确认取消"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("已取消"); }));
  ui.frames(5);
  EXPECT_TRUE(ui.has_label("已取消，名额已释放")) << "the result stays until the next action";
}

// Nothing listens on port 1: every request fails at once, as with no signal.
constexpr const char* kNoServer = "http://127.0.0.1:1";

TEST(BookingsScreens, MyBookingsShowTheCheckInCodeWithNoSignal) {
  UiTestServer s("bookings");
  const float width = 375;
  std::string code;
  {
    hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
    HeadlessUi ui(platform, width, 2000);
    ui.frames(2);
    sign_in(ui, "m001");
    code = book_health_check(ui, width);
    ASSERT_FALSE(code.empty());
    ASSERT_TRUE(ui.tap("查看我的预约"));
    ASSERT_TRUE(ui.frames_until([&] { return ui.has_label(code); })) << "not in my bookings";
  }
  // The app starts again with no connection: the booking and its code from the device.
  hg::native::NativePlatform platform(kNoServer, s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform, width, 2000);
  ui.app().go(Screen::bookings, "mine");
  ASSERT_TRUE(ui.frames_until([&] { return has_label_starting(ui, "离线 · "); })) << "no data-age note";
  EXPECT_TRUE(ui.has_label("离线 · 刚刚更新")) << "fetched moments ago";
  EXPECT_TRUE(ui.has_label(code));
  EXPECT_TRUE(ui.has_label("已确认"));
  EXPECT_TRUE(ui.has_label("福州市晋安区职工健康中心"));
  EXPECT_FALSE(ui.has_label("正在加载…"));
  EXPECT_FALSE(has_label_containing(ui, "无法连接服务器")) << "no error box over the copy";
  expect_touch_targets(ui, width);
  ui.app().set_lang(hg::ui::Lang::en);
  ui.frames(2);
  EXPECT_TRUE(ui.has_label("Offline · updated just now"));
  EXPECT_TRUE(ui.has_label("confirmed"));

  // Signing out erases the copy from the device.
  ui.app().session().sign_out();
  std::ifstream kept(std::filesystem::path(s.device_dir()) / "own.my_bookings");
  EXPECT_TRUE(!kept || kept.peek() == std::ifstream::traits_type::eof()) << "sign-out left the copy on the device";
}

TEST(BookingsScreens, StaffReachTheirTools) {
  UiTestServer s("bookings");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform, 375, 1400);
  ui.frames(2);
  sign_in(ui, "clinic01");
  ASSERT_TRUE(ui.tap("体检签到"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("福州市鼓楼区职工体检中心"); }));
  EXPECT_EQ(ui.trace().screen, "bookings/clinic");
  EXPECT_TRUE(ui.has_label("会员签到码"));
  expect_touch_targets(ui, 375);

  sign_in(ui, "locker01");
  ASSERT_TRUE(ui.tap("智能柜取件"));
  ui.frames(2);
  EXPECT_EQ(ui.trace().screen, "bookings/locker");
  for (const char* k : {"1", "2", "3", "4", "5", "6"}) ASSERT_TRUE(ui.tap(k));
  ASSERT_TRUE(ui.tap("开柜取件"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("取件码不正确"); })) << "a made-up code must be refused";
  expect_touch_targets(ui, 375);

  sign_in(ui, "admin");
  ASSERT_TRUE(ui.tap("预约计划管理"));
  ASSERT_TRUE(ui.frames_until([&] { return has_label_containing(ui, "个名额"); }));
  EXPECT_EQ(ui.trace().screen, "bookings/admin");
  EXPECT_TRUE(has_label_containing(ui, "10,000 个名额"));
  const auto quotas = [&] {
    std::vector<std::string> q;
    for (const std::string& l : ui.trace().labels)
      if (l.find(" 个名额") != std::string::npos && l.find("已预约") != std::string::npos) q.push_back(l);
    return q;
  };
  const std::vector<std::string> before = quotas();
  // A bulk change says what will happen and waits for a yes.
  ASSERT_TRUE(ui.tap("名额 +1000"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("增加 1,000 个名额？"); })) << "changed without asking";
  EXPECT_TRUE(has_label_containing(ui, "不受影响"));
  ASSERT_TRUE(ui.tap("再想想"));
  ui.frames(5);
  EXPECT_EQ(quotas(), before) << "再想想 changed the quota";
  ASSERT_TRUE(ui.tap("名额 +1000"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("增加名额"); }));
  expect_touch_targets(ui, 375);
  ASSERT_TRUE(ui.tap("增加名额"));
  ASSERT_TRUE(ui.frames_until([&] { return quotas() != before && ui.has_label("撤销"); })) << "quota not raised";
  EXPECT_TRUE(has_label_containing(ui, "名额已改为"));
  // 撤销 puts it back.
  ASSERT_TRUE(ui.tap("撤销"));
  ASSERT_TRUE(ui.frames_until([&] { return quotas() == before; })) << "undo did not restore the quota";
  EXPECT_FALSE(ui.has_label("撤销"));
  EXPECT_TRUE(ui.has_label("月度补贴结算"));
}

// A smart-locker station's details on the map lead to its locker's items; a station whose
// locker takes no online reservations says so and offers the ones that do.
TEST(BookingsScreens, ASmartLockerStationOpensItsLockerItems) {
  UiTestServer s("bookings");
  auto one = [&](const std::string& sql) {
    return s.server->store().read([&](hg::srv::Db& db) {
      hg::srv::Stmt q = db.prepare(sql);
      return q.step() ? q.column_text(0) : std::string();
    });
  };
  const std::string station = one("SELECT subject FROM accounts WHERE login = 'locker02'");
  const std::string address = one("SELECT address FROM stations WHERE id = '" + station + "'");
  const std::string offline = one(
      "SELECT id FROM stations WHERE kind = 1 AND id NOT IN (SELECT subject FROM accounts WHERE role = 'locker') "
      "ORDER BY id LIMIT 1");
  ASSERT_FALSE(station.empty());
  ASSERT_FALSE(offline.empty());
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform, 375, 2000);
  ui.frames(2);
  sign_in(ui, "m001");

  ui.app().go(Screen::station_map, "station/" + station);
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("预约柜内物品"); }));
  ASSERT_TRUE(ui.tap("预约柜内物品"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label(address); })) << "the locker of " << station;
  EXPECT_EQ(ui.trace().screen, "bookings/lockers");
  EXPECT_FALSE(has_label_containing(ui, "暂未开放线上预约"));
  EXPECT_TRUE(ui.has_label("选择物品（每人每柜限领一件待取）"));
  expect_touch_targets(ui, 375);

  ui.app().go(Screen::station_map, "station/" + offline);
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("预约柜内物品"); }));
  ASSERT_TRUE(ui.tap("预约柜内物品"));
  ASSERT_TRUE(ui.frames_until([&] { return has_label_containing(ui, "暂未开放线上预约"); }));
  EXPECT_EQ(ui.trace().screen, "bookings/lockers");
}

}  // namespace

// 当一天站长 is for union cadres: the page says so before any tap, a member who is not one
// gets no sign-up button, and a cadre's result stays on screen until dismissed.
TEST(BookingsScreens, StationDutySaysWhoMaySignUpAndKeepsItsResult) {
  UiTestServer s("bookings");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform, 375, 1400);
  session_sign_in(ui, "m002");
  ui.app().go(Screen::bookings, "duty");
  ASSERT_TRUE(ui.frames_until([&] { return has_label_containing(ui, "个名额"); })) << "no duty days";
  EXPECT_TRUE(has_label_containing(ui, "仅限工会干部报名"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("仅工会干部可报名"); })) << "a non-cadre is offered sign-up";
  EXPECT_FALSE(ui.has_label("报名值守"));
  EXPECT_TRUE(has_label_containing(ui, "您的账号不是工会干部"));

  sign_in(ui, "m001");  // a cadre
  ui.app().go(Screen::bookings, "duty");
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("报名值守"); })) << "a cadre cannot sign up";
  EXPECT_FALSE(ui.has_label("仅工会干部可报名"));
  ASSERT_TRUE(ui.tap("报名值守"));
  ASSERT_TRUE(ui.frames_until([&] { return has_label_containing(ui, "报名成功"); }));
  ui.frames(120);  // refreshes come and go; the result stays
  EXPECT_TRUE(has_label_containing(ui, "报名成功"));
  expect_touch_targets(ui, 375);
  ASSERT_TRUE(ui.tap("知道了"));
  ui.frames(2);
  EXPECT_FALSE(has_label_containing(ui, "报名成功"));
}
