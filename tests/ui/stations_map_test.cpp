// The station map from the device's copy, with no server (an unreachable address): pins and
// count bubbles drawn for every listed station, zoom buttons, a tap on a bubble zooms in,
// and the offline banner with the data's age.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>

#include "headless.h"
#include "native/native_platform.h"
#include "stations_fixture.h"
#include "tests/test_now.h"
#include "tests/ui/trace_checks.h"
#include "ui/gesture.h"
#include "ui/stations/base_map.h"

namespace {

namespace fs = std::filesystem;

struct Device {
  fs::path dir;
  explicit Device(const char* name) {
    dir = fs::temp_directory_path() / ("huigong-stations-" + std::string(name) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Device() { fs::remove_all(dir); }
};

bool is_count(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// What the map shows: the stations counted in bubbles plus the single pins.
struct MapCounts {
  long in_bubbles = 0;
  int bubbles = 0;
  int singles = 0;
};

MapCounts count_map(const hg::ui::FrameTrace& t, const std::vector<hg::stations::Station>& stations) {
  MapCounts m;
  for (const hg::ui::TracedItem& it : t.items) {
    if (is_count(it.label)) {
      m.in_bubbles += std::stol(it.label);
      ++m.bubbles;
    }
    for (const auto& s : stations)
      if (s.name == it.label) ++m.singles;
  }
  return m;
}

// The base map's blob: version 2 carries an English name after the Chinese one; a
// version-1 blob (Chinese only) still decodes with the Chinese name in both; a truncated
// blob decodes to nothing rather than reading past its end.
TEST(StationsMap, BaseMapBlobsOfBothVersionsDecode) {
  const auto blob = [](int version) {
    std::vector<unsigned char> b = {'H', 'G', 'B', 'M', static_cast<unsigned char>(version), 1, 0};
    const std::string zh = "福建", en = "Fujian";
    b.push_back(0);  // level: province
    b.push_back(static_cast<unsigned char>(zh.size()));
    b.insert(b.end(), zh.begin(), zh.end());
    if (version >= 2) {
      b.push_back(static_cast<unsigned char>(en.size()));
      b.insert(b.end(), en.begin(), en.end());
    }
    for (std::int32_t v : {1190000, 260000})  // label 119.0, 26.0 (1e-4 degree)
      for (int i = 0; i < 4; ++i) b.push_back(static_cast<unsigned char>(v >> (8 * i)));
    for (int lod = 0; lod < 2; ++lod) {
      b.insert(b.end(), {1, 0, 3, 0});  // one ring of three points
      // zigzag deltas: (1190000, 260000), (+100, 0), (0, +100)
      for (std::int64_t d : {1190000LL, 260000LL, 100LL, 0LL, 0LL, 100LL}) {
        std::uint64_t z = static_cast<std::uint64_t>((d << 1) ^ (d >> 63));
        do {
          unsigned char byte = z & 0x7F;
          z >>= 7;
          b.push_back(z ? (byte | 0x80) : byte);
        } while (z);
      }
    }
    b.insert(b.end(), {0, 0, 0, 0});  // no fill triangles
    return b;
  };
  const std::vector<unsigned char> v2 = blob(2), v1 = blob(1);
  const hg::ui::stations::BaseMap two(v2.data(), v2.size()), one(v1.data(), v1.size());
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two.outlines().at(0).name, "福建");
  EXPECT_EQ(two.outlines().at(0).name_en, "Fujian");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one.outlines().at(0).name_en, "福建");
  const hg::ui::stations::BaseMap cut(v2.data(), v2.size() - 3);
  EXPECT_FALSE(cut.ok());
  // The embedded map names every outline in both languages.
  for (const auto& o : hg::ui::stations::BaseMap::embedded().outlines()) {
    EXPECT_FALSE(o.name_en.empty());
    EXPECT_NE(o.name_en, o.name) << o.name;
  }
}

TEST(StationsMap, DrawsEveryListedStationAsAPinOrInABubbleFromTheDeviceCopy) {
  Device dev("map");
  const auto stations = stations_fixture::make_stations(3000);
  stations_fixture::write_device_copy(dev.dir.string(), stations);
  long listed = 0;
  for (const auto& s : stations) listed += s.listed() ? 1 : 0;

  hg::native::NativePlatform platform("http://127.0.0.1:1", dev.dir.string(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().go(hg::ui::Screen::station_map);
  ui.frames(3);
  ASSERT_EQ(ui.trace().screen, "stations/map");
  // Zoom out until the whole province fits: then every listed station is on screen.
  ASSERT_TRUE(ui.tap("-"));
  ASSERT_TRUE(ui.tap("-"));
  MapCounts m = count_map(ui.trace(), stations);
  EXPECT_GT(m.bubbles, 0);
  EXPECT_GT(m.singles, 0) << "some stations stand alone at province zoom";
  EXPECT_EQ(m.in_bubbles + m.singles, listed) << m.bubbles << " bubbles, " << m.singles << " pins";
  // The base map's names at this zoom: the provinces, in the interface's language, none of
  // them under a bubble.
  EXPECT_TRUE(ui.has_label("福建"));
  for (const auto& n : hg::ui::stations::BaseMap::embedded().last_names())
    for (const auto& it : ui.trace().items)
      if (is_count(it.label)) {
        EXPECT_FALSE(n.box.x < it.x + it.w && it.x < n.box.z && n.box.y < it.y + it.h && it.y < n.box.w)
            << n.name << " lies under the bubble " << it.label;
      }
  ui.app().set_lang(hg::ui::Lang::en);
  ui.frames(2);
  EXPECT_TRUE(ui.has_label("Fujian"));
  EXPECT_TRUE(ui.has_label("Zhejiang"));
  EXPECT_FALSE(ui.has_label("福建"));
  ui.app().set_lang(hg::ui::Lang::zh);
  ui.frames(2);

  // Tapping a bubble zooms in around it: more, smaller groups.
  std::string biggest;
  long most = 0;
  for (const auto& it : ui.trace().items)
    if (is_count(it.label) && std::stol(it.label) > most) most = std::stol(it.label), biggest = it.label;
  ASSERT_TRUE(ui.tap(biggest));
  ui.frames(2);
  MapCounts closer = count_map(ui.trace(), stations);
  EXPECT_LT(closer.in_bubbles + closer.singles, listed) << "zoomed in, part of the province is off screen";
  int largest_after = 0;
  for (const auto& it : ui.trace().items)
    if (is_count(it.label)) largest_after = std::max(largest_after, std::stoi(it.label));
  EXPECT_LT(largest_after, most);
}

TEST(StationsMap, OfflineShowsTheDataAgeAndStillFindsTheNearestOpenStation) {
  Device dev("offline");
  const auto stations = stations_fixture::make_stations(800);
  stations_fixture::write_device_copy(dev.dir.string(), stations);
  setenv("HUIGONG_POSITION", "24.48,118.09", 1);  // Xiamen, WGS-84
  hg::native::NativePlatform platform("http://127.0.0.1:1", dev.dir.string(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().go(hg::ui::Screen::station_map);
  ASSERT_TRUE(ui.frames_until([&] { return has_label_containing(ui, "离线"); })) << "no offline banner";
  ASSERT_TRUE(ui.tap("使用我的位置"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("离您最近的开放驿站"); }));
  unsetenv("HUIGONG_POSITION");
}

// 图例 explains the pins' colours, the card rings and the bubbles, and says the offline map
// has no streets (at street zoom the map is plain land); a second tap closes it.
TEST(StationsMap, LegendSaysWhatPinsAndBubblesMean) {
  Device dev("legend");
  stations_fixture::write_device_copy(dev.dir.string(), stations_fixture::make_stations(200));
  hg::native::NativePlatform platform("http://127.0.0.1:1", dev.dir.string(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().go(hg::ui::Screen::station_map);
  ui.frames(3);
  EXPECT_FALSE(ui.has_label("智能柜驿站"));
  ASSERT_TRUE(ui.tap("图例"));
  ui.frames(2);
  for (const char* l : {"工会驿站", "智能柜驿站", "24小时自助驿站", "现在未开放", "黄牌或红牌：整改中", "数字：该处的驿站数",
                        "离线底图只到区县，不含街道"})
    EXPECT_TRUE(ui.has_label(l)) << l;
  ui.app().set_lang(hg::ui::Lang::en);
  ui.frames(2);
  EXPECT_TRUE(ui.has_label("Smart-locker station"));
  EXPECT_TRUE(ui.has_label("Key"));
  ASSERT_TRUE(ui.tap("Key"));
  ui.frames(2);
  EXPECT_FALSE(ui.has_label("Smart-locker station"));
}

int largest_bubble(const hg::ui::FrameTrace& t) {
  int most = 0;
  for (const auto& it : t.items)
    if (is_count(it.label)) most = std::max(most, std::stoi(it.label));
  return most;
}

TEST(StationsMap, WheelAndPinchZoomAroundTheFingers) {
  Device dev("zoom");
  const auto stations = stations_fixture::make_stations(3000);
  stations_fixture::write_device_copy(dev.dir.string(), stations);
  hg::native::NativePlatform platform("http://127.0.0.1:1", dev.dir.string(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().go(hg::ui::Screen::station_map);
  ui.frames(3);
  const int start = largest_bubble(ui.trace());
  ASSERT_GT(start, 1);

  // The wheel over the map: in.
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(187, 330);
  ui.frame();
  for (int i = 0; i < 4; ++i) {
    io.AddMouseWheelEvent(0, 1);
    ui.frame();
  }
  ui.frames(2);
  const int wheeled = largest_bubble(ui.trace());
  EXPECT_LT(wheeled, start) << "zooming in splits the bubbles";

  // Two fingers apart (what the runner reports from SDL finger events): in again; together: out.
  hg::ui::PinchInput& pinch = hg::ui::pinch_input();
  pinch = {true, 3.0f, 187, 330};
  ui.frames(2);
  pinch.active = false;
  const int pinched = largest_bubble(ui.trace());
  EXPECT_LT(pinched, std::max(wheeled, 2));
  pinch = {true, 1.0f / 64, 187, 330};
  ui.frames(2);
  pinch.active = false;
  EXPECT_GT(largest_bubble(ui.trace()), wheeled) << "pinching in zooms out";
  EXPECT_EQ(pinch.scale, 1.0f) << "the map consumed the pinch";
}

}  // namespace
