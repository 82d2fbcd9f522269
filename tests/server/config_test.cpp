// Flags and environment: flags win, bad values are refused with a message naming them.
#include <gtest/gtest.h>

#include <map>

#include "server/config.h"

namespace hg::test {
namespace {

using srv::ConfigResult;

ConfigResult parse(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
  return srv::parse_config(args, [env](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

TEST(Config, Defaults) {
  const ConfigResult r = parse({});
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.config.addr, "127.0.0.1");
  EXPECT_EQ(r.config.port, 8080);
  EXPECT_EQ(r.config.db, "huigong.db");
  EXPECT_EQ(r.config.site, "");
  EXPECT_GE(r.config.threads, 1);
  EXPECT_FALSE(r.config.demo);
  EXPECT_FALSE(r.config.test_now.has_value()) << "the real clock unless a test asks otherwise";
  EXPECT_FALSE(r.help);
}

TEST(Config, TestNowTakesACstTimeOrUtcSeconds) {
  EXPECT_EQ(parse({"--test-now", "2026-12-02 12:00:00"}).config.test_now, 1796184000);
  EXPECT_EQ(parse({"--test-now=1796184000"}).config.test_now, 1796184000);
  EXPECT_EQ(parse({}, {{"HUIGONG_TEST_NOW", "2027-01-01"}}).config.test_now, 1798732800);
  for (const char* bad : {"tomorrow", "2026-12-02T12:00:00", "-5", ""}) {
    const ConfigResult r = parse({"--test-now", bad});
    EXPECT_NE(r.error.find("--test-now"), std::string::npos) << bad;
  }
}

TEST(Config, FlagsInBothSpellings) {
  const ConfigResult r = parse({"--addr", "0.0.0.0", "--port=0", "--db", "/tmp/x.db", "--site=/tmp", "--threads", "3", "--demo"});
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.config.addr, "0.0.0.0");
  EXPECT_EQ(r.config.port, 0);
  EXPECT_EQ(r.config.db, "/tmp/x.db");
  EXPECT_EQ(r.config.site, "/tmp");
  EXPECT_EQ(r.config.threads, 3);
  EXPECT_TRUE(r.config.demo);
}

TEST(Config, EnvironmentAndFlagsWin) {
  const std::map<std::string, std::string> env = {{"HUIGONG_ADDR", "::1"}, {"HUIGONG_PORT", "9000"},
                                                  {"HUIGONG_DB", "env.db"}, {"HUIGONG_THREADS", "4"},
                                                  {"HUIGONG_DEMO", "1"},    {"HUIGONG_SITE_DIR", "/tmp"}};
  const ConfigResult from_env = parse({}, env);
  ASSERT_EQ(from_env.error, "");
  EXPECT_EQ(from_env.config.addr, "::1");
  EXPECT_EQ(from_env.config.port, 9000);
  EXPECT_EQ(from_env.config.db, "env.db");
  EXPECT_EQ(from_env.config.threads, 4);
  EXPECT_TRUE(from_env.config.demo);
  EXPECT_EQ(from_env.config.site, "/tmp");
  const ConfigResult flags = parse({"--port", "9100", "--db", "flag.db", "--demo=0"}, env);
  ASSERT_EQ(flags.error, "");
  EXPECT_EQ(flags.config.port, 9100);
  EXPECT_EQ(flags.config.db, "flag.db");
  EXPECT_FALSE(flags.config.demo);
  EXPECT_EQ(flags.config.addr, "::1");
}

TEST(Config, BadValuesAreNamedInTheError) {
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"--port", "99999"}, "--port"},    {{"--port", "eighty"}, "--port"},  {{"--port", "-1"}, "--port"},
      {{"--threads", "0"}, "--threads"},  {{"--addr", "localhost"}, "--addr"}, {{"--addr", "1.2.3"}, "--addr"},
      {{"--site", "/no/such/dir"}, "--site"}, {{"--bogus"}, "--bogus"},       {{"--port"}, "--port"},
      {{"--demo=maybe"}, "--demo"},       {{"stray"}, "stray"},              {{"--db="}, "--db"},
  };
  for (const auto& [args, needle] : cases) {
    const ConfigResult r = parse(args);
    EXPECT_NE(r.error, "") << args[0];
    EXPECT_NE(r.error.find(needle), std::string::npos) << r.error;
  }
  const ConfigResult env = parse({}, {{"HUIGONG_PORT", "http"}});
  EXPECT_NE(env.error.find("HUIGONG_PORT"), std::string::npos) << env.error;
}

TEST(Config, Help) {
  EXPECT_TRUE(parse({"--help"}).help);
  EXPECT_TRUE(parse({"--port", "1", "-h"}).help);
  EXPECT_NE(srv::usage().find("--port"), std::string::npos);
  EXPECT_NE(srv::usage().find("HUIGONG_DB"), std::string::npos);
}

}  // namespace
}  // namespace hg::test
