// huigong-server: the 惠工 API and the web client's files. See `huigong-server --help`.
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "server/config.h"
#include "server/log.h"
#include "server/server.h"

namespace {
// A flash-sale rush means thousands of open connections, one descriptor each; the usual
// soft limit of 1024 would refuse them long before memory or CPU run out.
void raise_fd_limit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
  }
}
}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const hg::srv::ConfigResult parsed = hg::srv::parse_config(args, [](const char* name) { return std::getenv(name); });
  if (parsed.help) {
    std::fputs(hg::srv::usage().c_str(), stdout);
    return 0;
  }
  if (!parsed.error.empty()) {
    std::fprintf(stderr, "huigong-server: %s\n\n%s", parsed.error.c_str(), hg::srv::usage().c_str());
    return 2;
  }
  const hg::srv::Config& config = parsed.config;

  // Request lines are buffered (flushed about once a second), not written one by one.
  static char stdout_buffer[64 * 1024];
  std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  raise_fd_limit();

  try {
    hg::srv::ServerTuning tuning;
    tuning.handle_signals = true;
    hg::srv::Server server(config, tuning);
    server.start();
    // Tests and scripts parse this line to find the port (with --port 0): flush it now.
    std::printf("listening on %s\n", server.url().c_str());
    std::fflush(stdout);
    server.wait();
    hg::srv::log::info("stopped");
  } catch (const hg::srv::StartupError& e) {
    hg::srv::log::error(e.what());
    return 1;
  } catch (const std::exception& e) {
    hg::srv::log::error(std::string("fatal: ") + e.what());
    return 1;
  }
  return 0;
}
