// Union staff's station pages: the table lists carded stations first with the right counts,
// filters by card, the edit form checks its input before asking the server, and the
// monthly evaluation report shows last month's figures.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <imgui.h>

#include "headless.h"
#include "native/native_platform.h"
#include "sign_in.h"
#include "stations_fixture.h"
#include "tests/ui/test_server.h"
#include "tests/ui/trace_checks.h"
#include "ui/stations/station_text.h"

namespace {

using hg::stations::Station;
using hg::stations::StationStatus;

TEST(StationsAdmin, OnlyUnionStaff) {
  UiTestServer env("stations-admin");
  hg::native::NativePlatform platform(env.url(), env.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  session_sign_in(ui, "m001");
  ui.app().go(hg::ui::Screen::station_map, "admin");
  ui.frames(2);
  EXPECT_EQ(ui.trace().screen, "stations/admin");
  EXPECT_TRUE(ui.has_label("驿站管理仅限工会管理员。"));
  // The header names the admin page, not the map.
  EXPECT_TRUE(ui.has_label("驿站管理"));
  EXPECT_FALSE(ui.has_label("驿站地图"));
}

TEST(StationsAdmin, TableListsCardedStationsFirstAndFiltersByCard) {
  UiTestServer env("stations-admin");
  const std::string device = env.device_dir();
  {
    // The admin signs in for real (the session is kept on the device) ...
    hg::native::NativePlatform platform(env.url(), device, hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    session_sign_in(ui, "admin");
  }
  // ... and works offline from a device copy made here, so the counts are known.
  const auto stations = stations_fixture::make_stations(400);
  stations_fixture::write_device_copy(device, stations, 1);
  hg::native::NativePlatform platform("http://127.0.0.1:1", device, hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().go(hg::ui::Screen::station_map, "admin");
  ASSERT_TRUE(ui.frames_until([&] { return has_label_starting(ui, "离线：显示"); }));
  int counts[4] = {};
  for (const Station& s : stations) ++counts[static_cast<int>(s.status)];
  char expected[160];
  std::snprintf(expected, sizeof expected, "共 %d 个驿站：黄牌 %d，红牌 %d，已摘牌 %d", static_cast<int>(stations.size()),
                counts[1], counts[2], counts[3]);
  ASSERT_TRUE(ui.has_label(expected)) << expected;
  // Red cards first, then yellow.
  std::vector<StationStatus> order;
  for (const auto& it : ui.trace().items)
    for (const Station& s : stations)
      if (s.name == it.label) order.push_back(s.status);
  ASSERT_GT(order.size(), static_cast<std::size_t>(counts[1] + counts[2]));
  for (int i = 0; i < counts[2]; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], StationStatus::red_card) << i;
  for (int i = counts[2]; i < counts[2] + counts[1]; ++i)
    EXPECT_EQ(order[static_cast<std::size_t>(i)], StationStatus::yellow_card) << i;

  ASSERT_TRUE(ui.tap("黄牌"));
  int shown = 0;
  for (const auto& it : ui.trace().items)
    for (const Station& s : stations)
      if (s.name == it.label) {
        ++shown;
        EXPECT_EQ(s.status, StationStatus::yellow_card) << s.name;
      }
  EXPECT_EQ(shown, counts[1]);

  // Open one: the edit form refuses a time that is not a time.
  std::string first;
  for (const auto& it : ui.trace().items)
    for (const Station& s : stations)
      if (s.name == it.label && first.empty() && s.kind != hg::stations::StationKind::self_service_24h) first = s.name;
  ASSERT_FALSE(first.empty());
  ASSERT_TRUE(ui.tap(first));
  ASSERT_EQ(ui.trace().screen, "stations/admin_edit");
  ASSERT_TRUE(ui.tap("开门 08:00"));
  for (int i = 0; i < 8; ++i) ImGui::GetIO().AddKeyEvent(ImGuiKey_Backspace, true), ui.frame(),
                                ImGui::GetIO().AddKeyEvent(ImGuiKey_Backspace, false), ui.frame();
  ui.type("9点");
  ASSERT_TRUE(ui.tap("保存"));
  EXPECT_TRUE(ui.has_label("请按 08:00 的格式填写开门和关门时间"));
}

// The evaluation tab asks for last month (CST) by default and shows the server's report.
TEST(StationsAdmin, EvaluationReportOfLastMonth) {
  UiTestServer env("stations-admin-report");
  hg::native::NativePlatform platform(env.url(), env.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  session_sign_in(ui, "admin");
  ui.app().go(hg::ui::Screen::station_map, "admin");
  ui.frames(2);
  ASSERT_TRUE(ui.tap("月度评估"));
  ASSERT_TRUE(ui.tap("查询"));
  const auto report_line = [&] {
    for (const auto& l : ui.trace().labels)
      if (l.rfind("2026-11：", 0) == 0 && l.find("个驿站，黄牌") != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(ui.frames_until(report_line)) << "no report for 2026-11";
  EXPECT_TRUE(ui.has_label("查询")) << "still loading";
}

}  // namespace
