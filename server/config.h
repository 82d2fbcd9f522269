// Server settings from command-line flags and HUIGONG_* environment variables; a flag wins
// over the environment, the environment over the default.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/cst_time.h"

namespace hg::srv {

struct Config {
  std::string addr = "127.0.0.1";  // --addr / HUIGONG_ADDR
  std::uint16_t port = 8080;       // --port / HUIGONG_PORT; 0 picks a free port
  std::string db = "huigong.db";   // --db / HUIGONG_DB
  std::string site;                // --site / HUIGONG_SITE_DIR; empty: API only
  int threads = 0;                 // --threads / HUIGONG_THREADS; IO threads, 0 → hardware_concurrency
  bool demo = false;               // --demo / HUIGONG_DEMO=1: seed an empty database
  bool quiet = false;              // --quiet / HUIGONG_QUIET=1: no per-request log lines
  // --test-now / HUIGONG_TEST_NOW, for tests only: the server's clock starts at this instant
  // ("2026-12-02 12:00:00" CST, or UTC seconds) and runs on at the real rate, so a browser
  // test sees the same demo data and calendar on any day it runs.
  std::optional<UnixSeconds> test_now;
};

struct ConfigResult {
  Config config;
  bool help = false;   // --help: print usage(), exit 0
  std::string error;   // non-empty: print it and usage, exit 2
};

// `args` excludes argv[0]; `getenv` returns nullptr for unset variables.
ConfigResult parse_config(const std::vector<std::string>& args,
                          const std::function<const char*(const char*)>& getenv);
std::string usage();

}  // namespace hg::srv
