#include "server/config.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>

namespace hg::srv {

namespace {

std::optional<long> parse_int(const std::string& s, long lo, long hi) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  const long v = std::strtol(s.c_str(), nullptr, 10);
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

std::optional<bool> parse_bool(const std::string& s) {
  if (s == "1" || s == "true" || s == "yes" || s == "on") return true;
  if (s == "0" || s == "false" || s == "no" || s == "off" || s.empty()) return false;
  return std::nullopt;
}

bool valid_ip(const std::string& s) {
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

// Applies one setting; returns an error message or "".
std::string apply(Config& c, const std::string& key, const std::string& value, const std::string& source) {
  const std::string where = source + value + "'";
  if (key == "addr") {
    if (!valid_ip(value)) return where + ": not an IPv4 or IPv6 address (e.g. 127.0.0.1, 0.0.0.0, ::1)";
    c.addr = value;
  } else if (key == "port") {
    const auto v = parse_int(value, 0, 65535);
    if (!v) return where + ": the port must be a number from 0 to 65535 (0 picks a free port)";
    c.port = static_cast<std::uint16_t>(*v);
  } else if (key == "db") {
    if (value.empty()) return where + ": the database path must not be empty";
    c.db = value;
  } else if (key == "site") {
    if (!value.empty() && !std::filesystem::is_directory(value)) return where + ": not a directory";
    c.site = value;
  } else if (key == "threads") {
    const auto v = parse_int(value, 1, 256);
    if (!v) return where + ": the thread count must be a number from 1 to 256";
    c.threads = static_cast<int>(*v);
  } else if (key == "test-now") {
    const std::optional<UnixSeconds> t = parse_instant(value);
    if (!t) return where + ": expected a CST time like 2026-12-02 12:00:00, or UTC seconds";
    c.test_now = t;
  } else if (key == "demo" || key == "quiet") {
    const auto v = parse_bool(value);
    if (!v) return where + ": expected 1/0, true/false, yes/no or on/off";
    (key == "demo" ? c.demo : c.quiet) = *v;
  }
  return "";
}

struct Setting {
  const char* flag;
  const char* env;
  bool boolean;
};
constexpr Setting kSettings[] = {
    {"addr", "HUIGONG_ADDR", false},       {"port", "HUIGONG_PORT", false}, {"db", "HUIGONG_DB", false},
    {"site", "HUIGONG_SITE_DIR", false},   {"threads", "HUIGONG_THREADS", false},
    {"demo", "HUIGONG_DEMO", true},        {"quiet", "HUIGONG_QUIET", true},
    {"test-now", "HUIGONG_TEST_NOW", false},
};

}  // namespace

ConfigResult parse_config(const std::vector<std::string>& args, const std::function<const char*(const char*)>& getenv) {
  ConfigResult r;
  // Environment first, then flags on top.
  for (const Setting& s : kSettings) {
    if (const char* v = getenv(s.env)) {
      r.error = apply(r.config, s.flag, v, std::string(s.env) + "='");
      if (!r.error.empty()) return r;
    }
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      r.help = true;
      return r;
    }
    if (arg.rfind("--", 0) != 0) {
      r.error = "unexpected argument '" + arg + "'";
      return r;
    }
    std::string name = arg.substr(2), value;
    bool has_value = false;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
      has_value = true;
    }
    const Setting* setting = nullptr;
    for (const Setting& s : kSettings)
      if (name == s.flag) setting = &s;
    if (!setting) {
      r.error = "unknown option '--" + name + "'";
      return r;
    }
    if (!has_value) {
      if (setting->boolean) {
        value = "1";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        r.error = "option '--" + name + "' needs a value";
        return r;
      }
    }
    r.error = apply(r.config, name, value, "--" + name + " '");
    if (!r.error.empty()) return r;
  }
  if (r.config.threads == 0) r.config.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return r;
}

std::string usage() {
  return "Usage: huigong-server [options]\n"
         "\n"
         "Serves the 惠工 API (/api/v1/...) and the web client's static files.\n"
         "\n"
         "Options (each also settable by the environment variable shown; flags win):\n"
         "  --addr ADDR      address to listen on              HUIGONG_ADDR      (default 127.0.0.1)\n"
         "  --port N         port, 0 picks a free one          HUIGONG_PORT      (default 8080)\n"
         "  --db PATH        SQLite database file              HUIGONG_DB        (default huigong.db)\n"
         "  --site DIR       static site (index.html, wasm…)   HUIGONG_SITE_DIR  (default: none, API only)\n"
         "  --threads N      IO threads                        HUIGONG_THREADS   (default: CPU count)\n"
         "  --demo           seed an empty database with demo data        HUIGONG_DEMO=1\n"
         "  --quiet          no per-request log lines                     HUIGONG_QUIET=1\n"
         "  --test-now TIME  tests only: the clock starts at TIME  HUIGONG_TEST_NOW\n"
         "                   (\"2026-12-02 12:00:00\" CST, or UTC seconds) and runs on from there\n"
         "  --help           this text\n"
         "\n"
         "Prints 'listening on http://ADDR:PORT' once ready. SIGTERM or SIGINT stops it gracefully;\n"
         "SIGHUP reloads the site directory. Exit codes: 0 stopped cleanly, 1 could not start, 2 bad options.\n";
}

}  // namespace hg::srv
