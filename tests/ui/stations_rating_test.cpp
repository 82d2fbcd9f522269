// The rating form (what a station's QR code opens): sign-in prompt, validation, a rating
// made with the server unreachable that stays queued on the device across app restarts and
// reaches the real server exactly once when it comes back, thanks only for a rating the
// server took (with the station's new numbers), and a refusal in the member's language.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <chrono>
#include <string>
#include <thread>

#include "core/json.h"
#include "core/stations/snapshot.h"
#include "core/stations/wire.h"
#include "headless.h"
#include "native/native_platform.h"
#include "server/server.h"
#include "sign_in.h"
#include "stations_fixture.h"
#include "tests/test_now.h"
#include "tests/ui/trace_checks.h"

namespace {

namespace fs = std::filesystem;

struct Dir {
  fs::path path;
  Dir() {
    path = fs::temp_directory_path() / ("huigong-stations-rate-" +
                                        std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(path);
    fs::create_directories(path / "device");
  }
  ~Dir() { fs::remove_all(path); }
  std::string device() const { return (path / "device").string(); }
};

std::unique_ptr<hg::srv::Server> start_server(const Dir& d) {
  hg::srv::Config c;
  c.port = 0;
  c.db = (d.path / "huigong.db").string();
  c.demo = true;
  c.quiet = true;
  hg::srv::ServerTuning tuning;
  tuning.clock = hg::test::test_clock();
  auto s = std::make_unique<hg::srv::Server>(c, tuning);
  s->start();
  return s;
}

// The ratings the server holds for a station, asked through a Platform like any client.
int server_rating_count(const std::string& url, const std::string& device, const std::string& station_id) {
  hg::native::NativePlatform p(url, device + "-probe", hg::test::test_clock_ms());
  bool done = false;
  int count = -1;
  p.http({"GET", "/api/v1/stations/" + station_id + "/ratings", {}, {}, 5000}, [&](const hg::ui::HttpResponse& r) {
    done = true;
    if (r.status != 200) return;
    auto page = hg::from_json<hg::stations::RatingPage>(r.body, hg::stations::kRatingPageJson, 1 << 20);
    if (page.ok()) count = static_cast<int>(page.value().aggregate.count);
  });
  for (int i = 0; i < 500 && !done; ++i) {
    p.poll();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return count;
}

TEST(StationsRating, AsksToSignInFirst) {
  Dir d;
  stations_fixture::write_device_copy(d.device(), stations_fixture::make_stations(50));
  hg::native::NativePlatform platform("http://127.0.0.1:1", d.device(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().open_path("/s/T100003");
  ui.frames(3);
  EXPECT_EQ(ui.trace().screen, "stations/rate");
  EXPECT_TRUE(ui.has_label("评价前请先登录会员账号。"));
  ASSERT_TRUE(ui.tap("去登录"));
  EXPECT_EQ(ui.trace().screen.rfind("account", 0), 0u) << ui.trace().screen;
}

// "去登录" from the form leads to the account page; once signed in, the member is back on
// the form they were filling in, not left on their profile.
TEST(StationsRating, SigningInFromTheFormComesBackToIt) {
  Dir d;
  auto server = start_server(d);
  hg::native::NativePlatform platform(server->url(), d.device(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.app().open_path("/s/fz-001");
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("评价前请先登录会员账号。"); }));
  ASSERT_TRUE(ui.tap("去登录"));
  ui.frames(2);
  ASSERT_EQ(ui.trace().screen, "account/sign_in");
  fill_sign_in(ui, "m001", "huigong123");
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "stations/rate" && ui.has_label("提交评价"); }))
      << ui.trace().screen;
  EXPECT_FALSE(ui.has_label("评价前请先登录会员账号。"));
  // Signing in from the header (no page waiting) still shows the profile.
  ui.app().session().sign_out();
  ui.app().go(hg::ui::Screen::account);
  ui.frames(2);
  fill_sign_in(ui, "m001", "huigong123");
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "account/profile"; })) << ui.trace().screen;
}

TEST(StationsRating, OfflineRatingIsQueuedAcrossRestartsAndArrivesOnce) {
  Dir d;
  auto server = start_server(d);
  std::string station_id, url = server->url();
  {
    // Online: sign in and let the app keep the server's stations on the device.
    hg::native::NativePlatform platform(url, d.device(), hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    session_sign_in(ui, "m001");
    ui.app().go(hg::ui::Screen::station_map);
    ASSERT_TRUE(ui.frames_until([&] { return fs::exists(d.path / "device" / "stations.snapshot"); }))
        << "the snapshot was never kept on the device";
    std::ifstream in(d.path / "device" / "stations.snapshot", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto snap = hg::stations::decode_snapshot(bytes);
    ASSERT_TRUE(snap.ok());
    ASSERT_FALSE(snap.value().stations.empty());
    station_id = snap.value().stations.front().id;
  }
  const int before = server_rating_count(url, d.device(), station_id);  // the demo data has some
  ASSERT_GE(before, 0);
  server->stop();
  server.reset();

  {
    // Offline: the form works from the device copy; the rating waits on the device.
    hg::native::NativePlatform platform(url, d.device(), hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    ui.app().open_path("/s/" + station_id);
    ui.frames(3);
    ASSERT_EQ(ui.trace().screen, "stations/rate");
    ASSERT_TRUE(ui.tap("提交评价"));
    EXPECT_TRUE(ui.has_label("评分须为 1–5 星")) << "no stars chosen";
    ASSERT_TRUE(ui.tap("4星"));
    ASSERT_TRUE(ui.tap("干净整洁"));
    ASSERT_TRUE(ui.tap("说说您的感受"));
    ui.type("热水很方便");
    ASSERT_TRUE(ui.tap("提交评价"));
    EXPECT_TRUE(ui.has_label("评价已保存在手机上，联网后会自动提交。"));
    ui.frames(20);  // it tries, fails (no server), keeps it
  }
  {
    // A restart, still offline: the rating is still waiting.
    hg::native::NativePlatform platform(url, d.device(), hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    ui.app().go(hg::ui::Screen::station_map, "list");
    ASSERT_TRUE(ui.frames_until([&] { return has_label_starting(ui, "离线"); }));
    EXPECT_TRUE(has_label_starting(ui, "离线：显示")) << "the data's age";
    bool waiting = false;
    for (const auto& l : ui.trace().labels) waiting |= l.find("1 条评价待提交") != std::string::npos;
    EXPECT_TRUE(waiting);
  }

  // The server comes back (same database, new port); the next start delivers the rating.
  server = start_server(d);
  url = server->url();
  {
    hg::native::NativePlatform platform(url, d.device(), hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    ui.app().go(hg::ui::Screen::station_map, "list");
    ASSERT_TRUE(ui.frames_until(
        [&] {
          for (const auto& l : ui.trace().labels)
            if (l.find("条评价待提交") != std::string::npos) return false;
          return ui.trace().frame > 5;
        },
        3000))
        << "the queued rating was never delivered";
    ui.frames(30);
  }
  EXPECT_EQ(server_rating_count(url, d.device(), station_id), before + 1);
  {
    // Another start: nothing left to send, still exactly one.
    hg::native::NativePlatform platform(url, d.device(), hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    ui.frames(30);
  }
  EXPECT_EQ(server_rating_count(url, d.device(), station_id), before + 1);
}

// The label the details page shows for a station's rating: "4.2 分（12 人评价）".
bool shows_rating_count(HeadlessUi& ui, int count) {
  const std::string tail = "（" + std::to_string(count) + " 人评价）";
  for (const auto& l : ui.trace().labels)
    if (l.size() > tail.size() && l.compare(l.size() - tail.size(), tail.size(), tail) == 0) return true;
  return false;
}

// Member m001 signed in on a device, against a real server with the demo data.
struct OnlineMember {
  Dir d;
  std::unique_ptr<hg::srv::Server> server = start_server(d);
  hg::native::NativePlatform platform{server->url(), d.device(), hg::test::test_clock_ms()};
  HeadlessUi ui{platform};
  OnlineMember() { session_sign_in(ui, "m001"); }
};

// Fills the form with four stars and submits it; true while "感谢您的评价！" never showed
// before `done` held.
template <class Pred>
bool rate_four_stars_until(HeadlessUi& ui, Pred done) {
  EXPECT_TRUE(ui.frames_until([&] { return ui.trace().screen == "stations/rate" && ui.has_label("提交评价"); }));
  EXPECT_TRUE(ui.tap("4星"));
  EXPECT_TRUE(ui.tap("提交评价"));
  bool early_thanks = false;
  const bool held = ui.frames_until([&] {
    const bool d = done();
    early_thanks |= !d && ui.has_label("感谢您的评价！");
    return d;
  });
  EXPECT_TRUE(held);
  return !early_thanks;
}

// Thanks only once the server took the rating; back on the station, its count and mean are
// the server's new ones, not the numbers shown before the rating.
TEST(StationsRating, ThanksOnceAcceptedAndTheDetailsShowTheNewCount) {
  OnlineMember m;
  HeadlessUi& ui = m.ui;
  const int before = server_rating_count(m.server->url(), m.d.device(), "fz-001");
  ASSERT_GE(before, 0);
  ui.app().open_path("/station_map/station/fz-001");
  ASSERT_TRUE(ui.frames_until([&] {
    return ui.trace().screen == "stations/details" && (shows_rating_count(ui, before) || ui.has_label("还没有人评价"));
  }));
  ASSERT_TRUE(ui.tap("评价这个驿站"));
  EXPECT_TRUE(rate_four_stars_until(ui, [&] { return ui.has_label("感谢您的评价！"); }));
  EXPECT_EQ(server_rating_count(m.server->url(), m.d.device(), "fz-001"), before + 1) << "thanked before the server had it";
  ASSERT_TRUE(ui.tap("返回驿站"));
  EXPECT_TRUE(ui.frames_until([&] { return ui.trace().screen == "stations/details" && shows_rating_count(ui, before + 1); }))
      << "the details still show the count from before the rating";
}

// A second rating of a station the same day is refused by the server: the page says so, in
// the member's language only, and never thanks them.
TEST(StationsRating, ARefusalIsShownInTheCurrentLanguageWithoutThanks) {
  OnlineMember m;
  HeadlessUi& ui = m.ui;
  ui.app().open_path("/s/fz-002");
  EXPECT_TRUE(rate_four_stars_until(ui, [&] { return ui.has_label("感谢您的评价！"); }));
  ASSERT_TRUE(ui.tap("返回驿站"));
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "stations/details" && ui.has_label("评价这个驿站"); }));
  ASSERT_TRUE(ui.tap("评价这个驿站"));
  const std::string refusal = "今天已经评价过这个驿站了，每个驿站每天只能评价一次，明天再来吧";
  EXPECT_TRUE(rate_four_stars_until(ui, [&] { return has_label_starting(ui, refusal); })) << "thanked for a refused rating";
  const auto english = [&] {
    for (const auto& l : ui.trace().labels)
      if (l.find("already rated") != std::string::npos) return true;
    return false;
  };
  EXPECT_FALSE(english()) << "the refusal in both languages at once";
  EXPECT_FALSE(ui.has_label("感谢您的评价！"));
  // Back on the station, the refusal is not repeated in both languages either.
  ASSERT_TRUE(ui.tap("返回驿站"));
  ui.frames(5);
  EXPECT_EQ(ui.trace().screen, "stations/details");
  EXPECT_FALSE(english());
}

}  // namespace
