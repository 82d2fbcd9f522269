// A real server for the online UI tests: the same hg::srv::Server main() runs, on a free
// loopback port with a fresh SQLite file and the demo data seeded at the test clock's start
// (tests/test_now.h), plus a device storage folder for the NativePlatform the test's App
// uses (give it hg::test::test_clock_ms(), so device and server agree on the day).
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "server/server.h"
#include "tests/test_now.h"

struct UiTestServer {
  std::filesystem::path dir;
  std::unique_ptr<hg::srv::Server> server;

  explicit UiTestServer(const char* name = "online") {
    dir = std::filesystem::temp_directory_path() /
          ("huigong-ui-" + std::string(name) + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
           "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "device");
    hg::srv::Config c;
    c.port = 0;
    c.db = (dir / "huigong.db").string();
    c.demo = true;
    c.quiet = true;
    hg::srv::ServerTuning tuning;
    tuning.clock = hg::test::test_clock();
    server = std::make_unique<hg::srv::Server>(c, tuning);
    server->start();
  }
  ~UiTestServer() {
    if (server) server->stop();
    std::filesystem::remove_all(dir);
  }
  std::string url() const { return server->url(); }
  std::string device_dir() const { return (dir / "device").string(); }
};
