// The home screen with a real server (the same hg::srv::Server main() runs, on a free
// loopback port with a fresh SQLite file and the demo data): notices arrive, are kept on
// the device, and are still shown with an age banner once the server is gone.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "headless.h"
#include "native/native_platform.h"
#include "tests/ui/test_server.h"
#include "tests/ui/trace_checks.h"

namespace {

namespace fs = std::filesystem;

using Fixture = UiTestServer;

TEST(HomeScreenOnline, ShowsTheServersNoticesAndVersionThenKeepsThemOffline) {
  Fixture f;
  std::string first_title;
  {
    hg::native::NativePlatform platform(f.server->url(), (f.dir / "device").string(), hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    ASSERT_TRUE(ui.frames_until([&] { return ui.trace().online && has_label_containing(ui, "服务器 0.1.0"); }))
        << "never online with the server's version";
    EXPECT_FALSE(has_label_containing(ui, "网络不可用"));
    // The demo notices: the first one drawn after the section title is pinned.
    EXPECT_TRUE(ui.has_label("置顶"));
    auto& labels = ui.trace().labels;
    auto at = std::find(labels.begin(), labels.end(), "工会通知");
    ASSERT_NE(at, labels.end());
    ASSERT_GE(labels.end() - at, 3);
    first_title = *(at + 3);  // section title, brand chip, 置顶, title
  }
  f.server->stop();
  f.server.reset();

  hg::native::NativePlatform platform("http://127.0.0.1:1", (f.dir / "device").string(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ASSERT_TRUE(ui.frames_until([&] { return has_label_containing(ui, "网络不可用，显示"); })) << "no offline banner with an age";
  EXPECT_TRUE(has_label_containing(ui, "刚刚的内容"));
  EXPECT_TRUE(ui.has_label(first_title)) << first_title << " was not kept on the device";
}

}  // namespace
