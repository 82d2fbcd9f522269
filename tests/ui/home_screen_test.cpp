// The home screen as a member sees it, driven headlessly through the real App and the real
// desktop Platform (HTTP to a closed port here: the offline case).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/models/brand.h"
#include "headless.h"
#include "native/native_platform.h"
#include "tests/test_now.h"
#include "tests/ui/trace_checks.h"

namespace {

namespace fs = std::filesystem;

// A storage folder of its own per test, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("huigong-ui-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

// Nothing listens on port 1: every request fails fast with "connection refused".
constexpr const char* kNoServer = "http://127.0.0.1:1";

bool offline(HeadlessUi& ui) {
  for (const std::string& l : ui.trace().labels)
    if (l.find("网络不可用") != std::string::npos || l.find("Offline") != std::string::npos) return true;
  return false;
}

TEST(HomeScreen, ShowsChineseTilesAndTheOfflineBannerWithoutAServer) {
  TempDir dir;
  hg::native::NativePlatform platform(kNoServer, dir.path.string(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ASSERT_TRUE(ui.frames_until([&] { return offline(ui); })) << "no offline banner";
  EXPECT_EQ(ui.trace().screen, "home");
  EXPECT_EQ(ui.trace().lang, "zh");
  for (int i = 0; i < hg::kBrandCount; ++i) EXPECT_TRUE(ui.has_label(hg::brand_info(static_cast<hg::Brand>(i)).zh));
  for (const char* s : {"驿站地图", "预约", "福豆商城", "工会通知", "网络不可用，连接后将自动刷新", "重试"})
    EXPECT_TRUE(ui.has_label(s)) << s;
  EXPECT_FALSE(ui.trace().online);
}

TEST(HomeScreen, LanguageSwitchIsRememberedOnTheDevice) {
  TempDir dir;
  {
    hg::native::NativePlatform platform(kNoServer, dir.path.string(), hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    ui.frames(3);
    ASSERT_TRUE(ui.tap("EN"));
    EXPECT_EQ(ui.trace().lang, "en");
    EXPECT_TRUE(ui.has_label("Union Gifts"));
    EXPECT_TRUE(ui.has_label("Station map"));
    EXPECT_FALSE(ui.has_label("惠工有礼"));
  }
  hg::native::NativePlatform platform(kNoServer, dir.path.string(), hg::test::test_clock_ms());
  HeadlessUi again(platform);
  again.frames(3);
  EXPECT_EQ(again.trace().lang, "en");
  ASSERT_TRUE(again.tap("中文"));
  EXPECT_EQ(again.trace().lang, "zh");
}

// The header's slogan gives way to the sign-in and language buttons on a narrow phone
// instead of running under them.
TEST(HomeScreen, SloganShowsOnlyWhereItFitsBesideTheButtons) {
  for (float width : {320.0f, 1024.0f}) {
    TempDir dir;
    hg::native::NativePlatform platform(kNoServer, dir.path.string(), hg::test::test_clock_ms());
    HeadlessUi ui(platform, width, 700);
    ui.frames(2);
    ui.app().set_lang(hg::ui::Lang::en);
    ui.frames(2);
    EXPECT_TRUE(ui.has_label("Sign in")) << width;
    EXPECT_EQ(ui.has_label("Benefits for union members"), width > 400) << width;
  }
}

TEST(HomeScreen, ATileOpensItsScreenAndBackReturnsHome) {
  TempDir dir;
  hg::native::NativePlatform platform(kNoServer, dir.path.string(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(3);
  ASSERT_TRUE(ui.tap("福豆商城"));
  EXPECT_EQ(ui.trace().screen, "points_mall");
  EXPECT_TRUE(ui.has_label("即将开放"));
  ASSERT_TRUE(ui.tap("< 返回"));
  EXPECT_EQ(ui.trace().screen, "home");
  ASSERT_TRUE(ui.tap("惠工出行"));
  EXPECT_EQ(ui.trace().screen.rfind("coupons", 0), 0u) << ui.trace().screen;
  ASSERT_TRUE(ui.tap("< 返回"));
  EXPECT_EQ(ui.trace().screen, "home");
  ASSERT_TRUE(ui.tap("登录"));
  EXPECT_EQ(ui.trace().screen, "account/sign_in");
}

TEST(HomeScreen, SearchNarrowsToWhatMatches) {
  TempDir dir;
  hg::native::NativePlatform platform(kNoServer, dir.path.string(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(3);
  ASSERT_TRUE(ui.tap("搜索优惠、驿站、服务"));
  ui.type("出行");
  EXPECT_TRUE(ui.has_label("“出行”的搜索结果"));
  EXPECT_TRUE(ui.has_label("惠工出行"));
  EXPECT_FALSE(ui.has_label("惠工运动"));
  EXPECT_FALSE(ui.has_label("驿站地图"));
}

// On a phone every tappable thing is at least 44 CSS px in both directions and no two
// overlap, in both languages and on the narrowest phones still sold (320 px).
TEST(HomeScreen, TouchTargetsAreBigEnoughAndNeverOverlap) {
  for (float width : {320.0f, 375.0f, 414.0f, 1024.0f}) {
    for (const char* lang : {"zh", "en"}) {
      TempDir dir;
      hg::native::NativePlatform platform(kNoServer, dir.path.string(), hg::test::test_clock_ms());
      HeadlessUi ui(platform, width, 900);
      ui.app().set_lang(std::string(lang) == "en" ? hg::ui::Lang::en : hg::ui::Lang::zh);
      ASSERT_TRUE(ui.frames_until([&] { return offline(ui); }));
      ASSERT_GE(ui.trace().items.size(), 10u);
      expect_touch_targets(ui, width, lang);
    }
  }
}

}  // namespace
