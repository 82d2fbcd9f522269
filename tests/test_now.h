// The instant every test's clock starts at unless a test sets its own: 2026-12-02 12:00:00
// CST, a Wednesday, with December's claim windows open. Test clocks start there and run on
// at the real rate (core/running_clock.h), so the suite never reads the wall clock and
// passes on any day at any time.
#pragma once
#include <cstdint>
#include <functional>

#include "core/running_clock.h"

namespace hg::test {

constexpr UnixSeconds kTestNow = 1796184000;

// The test process's one timeline: it starts at kTestNow when first read, so servers and
// devices of one test (and a device made again after a "restart") agree on the time.
inline const RunningClock& test_timeline() {
  static const RunningClock clock(kTestNow);
  return clock;
}
// That timeline as a server clock (UTC seconds) and as a device clock (UTC milliseconds).
inline std::function<UnixSeconds()> test_clock() {
  return [] { return test_timeline().now(); };
}
inline std::function<std::int64_t()> test_clock_ms() {
  return [] { return test_timeline().now_ms(); };
}

}  // namespace hg::test
