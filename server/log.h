// Logging to stdout: one line per request plus a few lifecycle lines. Request lines go
// through stdio's buffer and are flushed about once a second by the server (and on
// shutdown), never per request; --quiet turns them off for benchmarks.
#pragma once
#include <chrono>
#include <cstdint>
#include <string_view>

namespace hg::srv::log {

void set_quiet(bool quiet);
bool quiet();

struct RequestLine {
  std::string_view remote;   // "127.0.0.1:53412"
  std::string_view method;
  std::string_view target;
  int status = 0;
  std::uint64_t bytes = 0;   // response body bytes sent
  std::chrono::microseconds duration{0};
};

// "2026-11-29 11:07:44.123 127.0.0.1:53412 GET /api/v1/health 200 147B 312us"; time in CST.
void request(const RequestLine& line);
// A lifecycle line ("migrated to schema 1"), flushed at once.
void info(std::string_view text);
// To stderr, flushed at once.
void error(std::string_view text);
void flush();

}  // namespace hg::srv::log
