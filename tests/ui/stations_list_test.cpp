// The nearby list, search, filters and a station's details, from the device's copy with no
// server: distances from the device position (WGS-84 converted to GCJ-02), nearest first,
// matching what a brute-force scan over the same stations says.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/stations/gcj02.h"
#include "headless.h"
#include "native/native_platform.h"
#include "stations_fixture.h"
#include "tests/test_now.h"
#include "tests/ui/trace_checks.h"
#include "ui/format.h"
#include "ui/stations/station_text.h"

namespace {

namespace fs = std::filesystem;
using hg::stations::Station;

struct Device {
  fs::path dir;
  Device() {
    dir = fs::temp_directory_path() / ("huigong-stations-list-" +
                                       std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Device() { fs::remove_all(dir); }
};

// Station names in the order the list shows them.
std::vector<std::string> listed_names(const hg::ui::FrameTrace& t, const std::vector<Station>& all) {
  std::vector<std::string> out;
  for (const auto& it : t.items)
    for (const Station& s : all)
      if (s.name == it.label) out.push_back(s.name);
  return out;
}

const Station* by_name(const std::vector<Station>& all, const std::string& name) {
  for (const Station& s : all)
    if (s.name == name) return &s;
  return nullptr;
}

struct ListFixture : ::testing::Test {
  Device dev;
  std::vector<Station> stations = stations_fixture::make_stations(1500);
  std::unique_ptr<hg::native::NativePlatform> platform;
  std::unique_ptr<HeadlessUi> ui;
  hg::stations::LonLat me_gcj;

  void SetUp() override {
    stations_fixture::write_device_copy(dev.dir.string(), stations);
    setenv("HUIGONG_POSITION", "26.07,119.29", 1);  // Fuzhou, WGS-84 as a phone reports it
    me_gcj = hg::stations::wgs84_to_gcj02({119.29, 26.07});
    platform = std::make_unique<hg::native::NativePlatform>("http://127.0.0.1:1", dev.dir.string(), hg::test::test_clock_ms());
    ui = std::make_unique<HeadlessUi>(*platform);
    ui->app().go(hg::ui::Screen::station_map, "list");
    ui->frames(2);
    ASSERT_EQ(ui->trace().screen, "stations/list");
    // The server is unreachable: wait for the offline banner, which moves the page down.
    ASSERT_TRUE(ui->frames_until([&] { return has_label_starting(*ui, "离线：显示"); }));
    ASSERT_TRUE(ui->tap("使用我的位置"));
    ASSERT_TRUE(ui->frames_until([&] { return ui->has_label("距离按您当前的位置计算"); })) << [&] {
      std::string all;
      for (const auto& l : ui->trace().labels) all += l + " | ";
      return ui->trace().screen + ": " + all;
    }();
  }
  void TearDown() override {
    ui.reset();
    platform.reset();
    unsetenv("HUIGONG_POSITION");
  }
  // Every station the list would have to consider, nearest first (brute force).
  std::vector<const Station*> brute_nearest(const std::function<bool(const Station&)>& keep) {
    std::vector<const Station*> v;
    for (const Station& s : stations)
      if (keep(s)) v.push_back(&s);
    std::sort(v.begin(), v.end(), [&](const Station* a, const Station* b) {
      return hg::stations::distance_m(me_gcj, {a->lon, a->lat}) < hg::stations::distance_m(me_gcj, {b->lon, b->lat});
    });
    return v;
  }
};

TEST_F(ListFixture, NearestOpenStationsFirstWithDistances) {
  const std::vector<std::string> names = listed_names(ui->trace(), stations);
  ASSERT_GE(names.size(), 5u);
  const auto now = platform->now_ms() / 1000;
  const auto expected = brute_nearest([&](const Station& s) { return s.open_at(now); });
  // The first rows are the nearest open stations, in order, with their distance shown.
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(names[i], expected[i]->name) << "row " << i;
    const double d = hg::stations::distance_m(me_gcj, {expected[i]->lon, expected[i]->lat});
    EXPECT_TRUE(ui->has_label(hg::ui::distance_text(d))) << hg::ui::distance_text(d);
  }
  double last = 0;
  for (const std::string& n : names) {
    const Station* s = by_name(stations, n);
    const double d = hg::stations::distance_m(me_gcj, {s->lon, s->lat});
    EXPECT_GE(d, last);
    last = d;
    EXPECT_TRUE(s->open_at(now)) << n << " is closed but listed under 营业中";
  }
}

TEST_F(ListFixture, FiltersByAmenityAndKindAndCanShowClosedStations) {
  ASSERT_TRUE(ui->tap("按设施筛选"));
  ASSERT_TRUE(ui->tap("电动车充电"));
  ASSERT_TRUE(ui->tap("热水"));
  EXPECT_TRUE(ui->has_label("设施（2）"));
  const auto now = platform->now_ms() / 1000;
  const hg::stations::Amenities want =
      hg::stations::bit(hg::stations::Amenity::ebike_charging) | hg::stations::bit(hg::stations::Amenity::hot_water);
  auto names = listed_names(ui->trace(), stations);
  ASSERT_FALSE(names.empty());
  const auto expected =
      brute_nearest([&](const Station& s) { return s.open_at(now) && hg::stations::has_all(s.amenities, want); });
  EXPECT_EQ(names[0], expected[0]->name);
  for (const std::string& n : names) EXPECT_TRUE(hg::stations::has_all(by_name(stations, n)->amenities, want)) << n;

  ASSERT_TRUE(ui->tap("24小时自助"));
  names = listed_names(ui->trace(), stations);
  ASSERT_FALSE(names.empty());
  for (const std::string& n : names) EXPECT_EQ(by_name(stations, n)->kind, hg::stations::StationKind::self_service_24h) << n;

  // Open-now off: closed stations (and every listed one) may appear; delisted never do.
  ASSERT_TRUE(ui->tap("营业中"));
  ASSERT_TRUE(ui->tap("24小时自助"));
  ASSERT_TRUE(ui->tap("电动车充电"));
  ASSERT_TRUE(ui->tap("热水"));
  names = listed_names(ui->trace(), stations);
  const auto all_listed = brute_nearest([](const Station& s) { return s.listed(); });
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names[0], all_listed[0]->name);
  for (const std::string& n : names) EXPECT_TRUE(by_name(stations, n)->listed()) << n;
}

TEST_F(ListFixture, SearchIsNearestFirstOnceThePositionIsKnown) {
  ASSERT_TRUE(ui->tap("搜索驿站名称、区县或地址"));
  ui->type("鼓楼");
  ui->frames(2);
  const auto now = platform->now_ms() / 1000;
  const auto expected = brute_nearest([&](const Station& s) {
    return s.open_at(now) && (s.name.find("鼓楼") != std::string::npos || s.district.find("鼓楼") != std::string::npos ||
                              s.address.find("鼓楼") != std::string::npos);
  });
  ASSERT_GT(expected.size(), 30u);
  EXPECT_TRUE(ui->has_label("找到 30 个驿站（由近到远）"));
  const std::vector<std::string> names = listed_names(ui->trace(), stations);
  ASSERT_EQ(names.size(), 30u);
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(names[i], expected[i]->name) << "row " << i;
}

TEST_F(ListFixture, ChineseSearchThenDetailsWithOpenNowAndNavigateLinks) {
  // A station by its number in the name; core search ranks name matches first.
  const Station* target = nullptr;
  const auto now = platform->now_ms() / 1000;
  for (std::size_t i = 40; i < stations.size() && !target; ++i)
    if (stations[i].listed() && stations[i].open_at(now)) target = &stations[i];
  ASSERT_NE(target, nullptr);
  const std::string number = target->name.substr(target->name.find("测试"));  // "测试123号驿站"
  const std::string query = number.substr(0, number.find("号") + std::string("号").size());
  ASSERT_TRUE(ui->tap("搜索驿站名称、区县或地址"));
  ui->type(query);
  ui->frames(2);
  auto names = listed_names(ui->trace(), stations);
  ASSERT_EQ(names.size(), 1u) << query;
  EXPECT_EQ(names[0], target->name);
  ASSERT_TRUE(ui->tap(target->name));
  ASSERT_EQ(ui->trace().screen, "stations/details");
  EXPECT_TRUE(ui->has_label(target->name));
  EXPECT_TRUE(ui->has_label("营业中"));
  EXPECT_TRUE(ui->has_label("高德地图"));
  EXPECT_TRUE(ui->has_label("腾讯地图"));
  EXPECT_TRUE(ui->frames_until([&] { return ui->has_label("离线，暂时看不到评分"); }));
  // Every weekday's hours (China time).
  EXPECT_TRUE(ui->has_label("周日"));
  EXPECT_TRUE(ui->has_label(hg::ui::stations::format_day_hours(target->hours, 0, hg::ui::Lang::zh)));
}

// The station pages hold to the touch-target rule every area does: the list, a station's
// details, the rating form and the admin page (signed out), in both languages, 320–1024 px.
TEST(StationsScreens, TouchTargetsAreBigEnoughAndNeverOverlap) {
  Device dev;
  const auto stations = stations_fixture::make_stations(300);
  stations_fixture::write_device_copy(dev.dir.string(), stations);
  const auto listed = std::find_if(stations.begin(), stations.end(), [](const Station& st) { return st.listed(); });
  ASSERT_NE(listed, stations.end());
  for (float width : {320.0f, 375.0f, 414.0f, 1024.0f}) {
    for (const char* lang : {"zh", "en"}) {
      hg::native::NativePlatform platform("http://127.0.0.1:1", dev.dir.string(), hg::test::test_clock_ms());
      HeadlessUi ui(platform, width, 900);
      ui.app().set_lang(std::string(lang) == "en" ? hg::ui::Lang::en : hg::ui::Lang::zh);
      for (const std::string& route : {std::string("list"), "station/" + listed->id, "rate/" + listed->id, std::string("admin")}) {
        ui.app().go(hg::ui::Screen::station_map, route);
        ui.frames(3);
        ASSERT_FALSE(ui.trace().items.empty()) << route;
        expect_touch_targets(ui, width, std::string(lang) + " " + route);
      }
    }
  }
}

}  // namespace
