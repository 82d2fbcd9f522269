// Home's one search: campaigns (优惠), stations (驿站, from the device's copy, nearest first
// once the position is known) and services (服务), grouped; each result opens its page; an
// empty result says what was searched and offers the map.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/stations/gcj02.h"
#include "core/stations/geo.h"
#include "headless.h"
#include "native/native_platform.h"
#include "stations_fixture.h"
#include "tests/test_now.h"
#include "sign_in.h"
#include "tests/ui/test_server.h"
#include "tests/ui/trace_checks.h"
#include "ui/format.h"

namespace {

namespace fs = std::filesystem;
using hg::stations::Station;

constexpr const char* kHint = "搜索优惠、驿站、服务";

struct Device {
  fs::path dir;
  Device() {
    dir = fs::temp_directory_path() /
          ("huigong-home-search-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Device() { fs::remove_all(dir); }
};

// The stations the trace shows as tappable rows, in screen order.
std::vector<std::string> station_rows(const HeadlessUi& ui, const std::vector<Station>& all) {
  std::vector<std::string> out;
  for (const auto& it : ui.trace().items)
    for (const Station& s : all)
      if (s.name == it.label) out.push_back(s.name);
  return out;
}

bool mentions(const Station& s, const std::string& text) {
  return s.name.find(text) != std::string::npos || s.district.find(text) != std::string::npos ||
         s.address.find(text) != std::string::npos;
}

// The device holds the fixture's stations and there is no server: stations come from the
// device's copy alone.
struct OfflineSearch : ::testing::Test {
  Device dev;
  std::vector<Station> stations = stations_fixture::make_stations(1500);
  std::unique_ptr<hg::native::NativePlatform> platform;
  std::unique_ptr<HeadlessUi> ui;

  void SetUp() override {
    stations_fixture::write_device_copy(dev.dir.string(), stations);
    setenv("HUIGONG_POSITION", "26.07,119.29", 1);  // Fuzhou, WGS-84 as a phone reports it
    platform = std::make_unique<hg::native::NativePlatform>("http://127.0.0.1:1", dev.dir.string(), hg::test::test_clock_ms());
    ui = std::make_unique<HeadlessUi>(*platform);
    ui->frames(3);
    ASSERT_TRUE(ui->tap(kHint));
  }
  void TearDown() override {
    ui.reset();
    platform.reset();
    unsetenv("HUIGONG_POSITION");
  }
};

TEST_F(OfflineSearch, GulouListsTheDevicesGulouStationsNearestFirstAndOpensOne) {
  ui->type("鼓楼");
  ui->frames(2);
  EXPECT_TRUE(ui->has_label("“鼓楼”的搜索结果"));
  EXPECT_TRUE(ui->has_label("驿站"));
  ASSERT_FALSE(station_rows(*ui, stations).empty()) << "no 鼓楼 station found from the device copy";

  // Once the position is known, nearest first with the distance shown.
  ASSERT_TRUE(ui->tap("按距离排序：使用我的位置"));
  ASSERT_TRUE(ui->frames_until([&] { return ui->has_label("由近到远，距离按您当前的位置计算"); }));
  const hg::stations::LonLat me = hg::stations::wgs84_to_gcj02({119.29, 26.07});
  std::vector<const Station*> expected;
  for (const Station& s : stations)
    if (s.listed() && mentions(s, "鼓楼")) expected.push_back(&s);
  ASSERT_GT(expected.size(), 20u);
  std::stable_sort(expected.begin(), expected.end(), [&](const Station* a, const Station* b) {
    return hg::stations::distance_m(me, {a->lon, a->lat}) < hg::stations::distance_m(me, {b->lon, b->lat});
  });
  const std::vector<std::string> rows = station_rows(*ui, stations);
  ASSERT_EQ(rows.size(), 20u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i], expected[i]->name) << "row " << i;
    const std::string d = hg::ui::distance_text(hg::stations::distance_m(me, {expected[i]->lon, expected[i]->lat}));
    EXPECT_TRUE(ui->has_label(d)) << d;
  }

  ASSERT_TRUE(ui->tap(rows[0]));
  ui->frames(2);
  EXPECT_EQ(ui->trace().screen, "stations/details");
  EXPECT_TRUE(ui->has_label(rows[0]));
}

TEST_F(OfflineSearch, NothingFoundSaysWhatWasSearchedAndOffersTheMap) {
  ui->type("zzqx");
  ui->frames(2);
  EXPECT_TRUE(ui->has_label("没有找到与“zzqx”相关的优惠、驿站或服务。"));
  ASSERT_TRUE(ui->tap("在驿站地图上查找"));
  ui->frames(2);
  EXPECT_EQ(ui->trace().screen, "stations/map");
}

TEST_F(OfflineSearch, ServicesAndTheirPagesAreFoundByTheirNamesAndOtherWords) {
  const std::pair<const char*, const char*> cases[] = {
      {"体检", "健康体检"}, {"储物柜", "智能柜领物品"}, {"技能培训", "技能培训"}, {"当一天站长", "当一天站长"}};
  const char* screens[] = {"bookings/health", "bookings/lockers", "bookings/classes", "bookings/duty"};
  for (std::size_t i = 0; i < 4; ++i) {
    ui->app().go(hg::ui::Screen::home);
    ui->frames(2);
    retype(*ui, kHint, cases[i].first);  // the search box keeps what was typed before
    ui->frames(2);
    EXPECT_TRUE(ui->has_label("服务")) << cases[i].first;
    ASSERT_TRUE(ui->tap(cases[i].second)) << cases[i].first;
    ui->frames(2);
    EXPECT_EQ(ui->trace().screen, screens[i]) << cases[i].first;
  }
}

// The results hold to the touch-target rule on phones, in both languages.
TEST(HomeSearchScreen, TouchTargetsAreBigEnoughAndNeverOverlap) {
  Device dev;
  const auto stations = stations_fixture::make_stations(300);
  stations_fixture::write_device_copy(dev.dir.string(), stations);
  for (float width : {320.0f, 375.0f, 1024.0f}) {
    for (const char* lang : {"zh", "en"}) {
      hg::native::NativePlatform platform("http://127.0.0.1:1", dev.dir.string(), hg::test::test_clock_ms());
      HeadlessUi ui(platform, width, 900);
      ui.app().set_lang(std::string(lang) == "en" ? hg::ui::Lang::en : hg::ui::Lang::zh);
      ui.frames(2);
      ASSERT_TRUE(ui.tap(std::string(lang) == "en" ? "Search coupons, stations, services" : kHint));
      ui.type("鼓楼");
      ui.frames(3);
      ASSERT_GE(ui.trace().items.size(), 5u);
      expect_touch_targets(ui, width, std::string(lang) + " search");
    }
  }
}

// With the demo server: the fuel campaign (its merchant is the 鼓楼 Sinopec station) under
// 优惠 and the demo's 鼓楼 stations under 驿站; a campaign opens its claim page.
TEST(HomeSearchOnline, GulouFindsTheDemosCampaignAndStationsGrouped) {
  UiTestServer server("home-search");
  hg::native::NativePlatform platform(server.url(), server.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(3);
  ASSERT_TRUE(ui.tap(kHint));
  ui.type("鼓楼");
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("优惠") && ui.has_label("驿站"); }))
      << "no 优惠 and 驿站 groups";
  int gulou_rows = 0;
  for (const auto& it : ui.trace().items) gulou_rows += it.label.rfind("鼓楼区", 0) == 0 ? 1 : 0;
  EXPECT_GE(gulou_rows, 5) << "the demo's 鼓楼 stations";
  // Groups in order: 优惠 before 驿站.
  const auto& labels = ui.trace().labels;
  const auto offers = std::find(labels.begin(), labels.end(), "优惠");
  const auto stations = std::find(labels.begin(), labels.end(), "驿站");
  EXPECT_LT(offers - labels.begin(), stations - labels.begin());
  // The campaign row right under 优惠 opens that campaign's coupons to claim.
  const std::string campaign = *(offers + 1);
  ASSERT_TRUE(ui.tap(campaign));
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "coupons/campaigns" && ui.has_label(campaign); }))
      << campaign;
}

}  // namespace
