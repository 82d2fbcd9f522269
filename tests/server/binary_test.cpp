// The huigong-server binary itself: the line scripts wait for, signals, exit codes.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "server/store/store.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

extern char** environ;

namespace hg::test {
namespace {

class Child {
 public:
  explicit Child(const std::vector<std::string>& args) {
    int out[2], err[2];
    if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, err[0]);
    std::vector<std::string> all = {HUIGONG_SERVER_BIN};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, HUIGONG_SERVER_BIN, &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);
    close(err[1]);
    if (rc != 0) throw std::runtime_error(std::string("posix_spawn: ") + std::strerror(rc));
    out_ = fdopen(out[0], "r");
    err_fd_ = err[0];
  }
  ~Child() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      wait_exit();
    }
    if (out_) fclose(out_);
    if (err_fd_ >= 0) close(err_fd_);
  }

  // Next stdout line without the newline; nullopt at end of output.
  std::optional<std::string> line() {
    char buf[4096];
    if (!std::fgets(buf, sizeof buf, out_)) return std::nullopt;
    std::string s(buf);
    if (!s.empty() && s.back() == '\n') s.pop_back();
    stdout_ += s + "\n";
    return s;
  }
  // Reads stdout up to "listening on http://127.0.0.1:PORT" and returns PORT (0 if it never came).
  std::uint16_t wait_listening() {
    const std::string prefix = "listening on http://127.0.0.1:";
    while (auto l = line())
      if (l->rfind(prefix, 0) == 0) return static_cast<std::uint16_t>(std::stoi(l->substr(prefix.size())));
    return 0;
  }
  std::string rest_of_stdout() {
    while (line()) {
    }
    return stdout_;
  }
  std::string all_stderr() {
    std::string s;
    char buf[4096];
    ssize_t n;
    while ((n = read(err_fd_, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
    return s;
  }
  void signal(int sig) { kill(pid_, sig); }
  // The exit code, or 128 + signal number when killed.
  int wait_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  int err_fd_ = -1;
  bool exited_ = false;
  std::string stdout_;
};

TEST(Binary, PrintsWhereItListensServesAndStopsCleanlyOnSigterm) {
  TempDir dir;
  const std::string site = make_test_site(dir);
  Child c({"--addr", "127.0.0.1", "--port", "0", "--db", dir.file("bin.db"), "--site", site, "--demo", "--threads", "2"});
  const std::uint16_t port = c.wait_listening();
  ASSERT_NE(port, 0) << c.all_stderr();
  EXPECT_EQ(http_get(port, "/api/v1/health").status, 200);
  EXPECT_EQ(http_get(port, "/").body, read_file(site + "/index.html"));
  HttpConnection idle(port);  // an idle keep-alive connection must not hold up the stop
  ASSERT_EQ(idle.request("GET", "/api/v1/version").status, 200);

  c.signal(SIGTERM);
  const std::string out = c.rest_of_stdout();
  EXPECT_EQ(c.wait_exit(), 0) << out << c.all_stderr();
  // One line per request: CST time, remote, method, target, status, bytes, microseconds.
  EXPECT_NE(out.find("127.0.0.1:"), std::string::npos) << out;
  EXPECT_NE(out.find(" GET /api/v1/health 200 "), std::string::npos) << out;
  EXPECT_NE(out.find(" GET / 200 "), std::string::npos) << out;
  EXPECT_NE(out.find("us\n"), std::string::npos) << out;
  EXPECT_NE(out.find("seeded demo data"), std::string::npos) << out;
  EXPECT_NE(out.find("stopped"), std::string::npos) << out;
  EXPECT_TRUE(connection_refused(port));
}

TEST(Binary, SigintAlsoStopsCleanlyAndQuietLogsNoRequests) {
  TempDir dir;
  Child c({"--port", "0", "--db", dir.file("q.db"), "--quiet"});
  const std::uint16_t port = c.wait_listening();
  ASSERT_NE(port, 0) << c.all_stderr();
  EXPECT_EQ(http_get(port, "/api/v1/notices").status, 200);
  c.signal(SIGINT);
  const std::string out = c.rest_of_stdout();
  EXPECT_EQ(c.wait_exit(), 0);
  EXPECT_EQ(out.find("/api/v1/notices"), std::string::npos) << out;
}

TEST(Binary, BadOptionsExitWithTwo) {
  Child c({"--port", "eighty"});
  EXPECT_EQ(c.wait_exit(), 2);
  const std::string err = c.all_stderr();
  EXPECT_NE(err.find("--port"), std::string::npos) << err;
  EXPECT_NE(err.find("Usage"), std::string::npos) << err;
}

TEST(Binary, HelpExitsWithZero) {
  Child c({"--help"});
  const std::string out = c.rest_of_stdout();
  EXPECT_EQ(c.wait_exit(), 0);
  EXPECT_NE(out.find("--demo"), std::string::npos);
}

TEST(Binary, RefusesADatabaseFromANewerServer) {
  TempDir dir;
  const std::string db = dir.file("newer.db");
  {
    auto store = srv::Store::open({db, 1, 5000}, 0);
    store->write([](srv::Db& d) { d.exec("INSERT INTO schema_migrations VALUES (9999, 'future', 0)"); });
  }
  Child c({"--port", "0", "--db", db});
  EXPECT_EQ(c.wait_exit(), 1);
  const std::string err = c.all_stderr();
  EXPECT_NE(err.find("9999"), std::string::npos) << err;
  EXPECT_NE(err.find("newer"), std::string::npos) << err;
}

TEST(Binary, PortInUseExitsWithOne) {
  TestServer running;
  TempDir dir;
  Child c({"--port", std::to_string(running.port()), "--db", dir.file("p.db")});
  EXPECT_EQ(c.wait_exit(), 1);
  EXPECT_NE(c.all_stderr().find("cannot listen"), std::string::npos);
}

}  // namespace
}  // namespace hg::test
