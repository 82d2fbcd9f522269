// A clock that starts at a chosen instant and runs on at the real rate (steady clock): what
// tests and the test-only --test-now flags of the server and the desktop client use, so a
// run sees the same calendar (month, weekday, claim windows) on whatever day it starts.
#pragma once
#include <chrono>
#include <cstdint>

#include "core/cst_time.h"

namespace hg {

class RunningClock {
 public:
  explicit RunningClock(UnixSeconds start) : start_ms_(start * 1000), started_(std::chrono::steady_clock::now()) {}
  std::int64_t now_ms() const {
    return start_ms_ +
           std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_).count();
  }
  UnixSeconds now() const { return now_ms() / 1000; }

 private:
  std::int64_t start_ms_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace hg
