#include "server/log.h"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <string>

#include "core/cst_time.h"

namespace hg::srv::log {

namespace {
std::atomic<bool> g_quiet{false};

std::string timestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::string s = format_cst(static_cast<UnixSeconds>(ms / 1000));
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(ms % 1000));
  return s + frac;
}

// Keeps control characters out of the log, so a crafted target cannot forge lines.
void append_clean(std::string& out, std::string_view s) {
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
}
}  // namespace

void set_quiet(bool quiet) { g_quiet = quiet; }
bool quiet() { return g_quiet; }

void request(const RequestLine& l) {
  if (g_quiet) return;
  std::string line = timestamp();
  line.reserve(128);
  line += ' ';
  append_clean(line, l.remote);
  line += ' ';
  append_clean(line, l.method);
  line += ' ';
  append_clean(line, l.target.substr(0, 2048));
  line += ' ';
  line += std::to_string(l.status);
  line += ' ';
  line += std::to_string(l.bytes);
  line += "B ";
  line += std::to_string(l.duration.count());
  line += "us\n";
  std::fwrite(line.data(), 1, line.size(), stdout);  // one call: stdio locks it, lines never interleave
}

void info(std::string_view text) {
  std::string line = timestamp() + " " + std::string(text) + "\n";
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
}

void error(std::string_view text) {
  std::string line = timestamp() + " error: " + std::string(text) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

void flush() { std::fflush(stdout); }

}  // namespace hg::srv::log
