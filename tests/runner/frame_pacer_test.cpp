#include "runner/frame_pacer.h"

#include <gtest/gtest.h>

namespace hg::runner {
namespace {

// Builds frames the way the runner does for `ms` milliseconds of 60 Hz ticks; `picture`
// says whether the frame built at a tick differs from the last one drawn. Returns how
// many frames were built.
template <class Picture>
int run(FramePacer& p, std::int64_t& now, std::int64_t ms, Picture picture) {
  int built = 0;
  for (std::int64_t end = now + ms; now < end; now += 16) {
    if (!p.due(now)) continue;
    ++built;
    p.built(now, picture(now));
  }
  return built;
}

TEST(FramePacer, SettlesAfterInputThenOnlyChecksOnceASecond) {
  FramePacer p;
  std::int64_t now = 0;
  // The first frame draws; the picture then stays the same, so after half a second of
  // frames the loop goes quiet.
  int n = run(p, now, 1000, [&](std::int64_t t) { return t == 0; });
  EXPECT_EQ(n, FramePacer::kBusyAtLeastMs / 16 + 2);  // ticks at 0, 16 … 496, then 512 ends it
  n = run(p, now, 60'000, [](std::int64_t) { return false; });
  EXPECT_GE(n, 59);
  EXPECT_LE(n, 61);  // one quiet check a second instead of 3,600 frames
}

TEST(FramePacer, InputWakesItAndAnAnimationKeepsItDrawing) {
  FramePacer p;
  std::int64_t now = 0;
  run(p, now, 1000, [](std::int64_t) { return false; });
  ASSERT_FALSE(p.due(now));
  p.wake();  // a tap
  EXPECT_TRUE(p.due(now));
  EXPECT_EQ(p.wait_ms(now), 0);
  // The map glides for two seconds: every frame differs, so every tick builds one.
  const std::int64_t glide_end = now + 2000;
  const int n = run(p, now, 2100, [&](std::int64_t t) { return t < glide_end; });
  EXPECT_GE(n, 2000 / 16 + 2);
  EXPECT_LE(n, 2000 / 16 + 4);
  EXPECT_FALSE(p.due(now));
}

TEST(FramePacer, HeldPointerOrTextFieldDrawsEveryFrame) {
  FramePacer p;
  std::int64_t now = 0;
  run(p, now, 1000, [](std::int64_t) { return false; });
  p.hold(true);
  EXPECT_EQ(run(p, now, 160, [](std::int64_t) { return false; }), 10);
  p.hold(false);
  EXPECT_LE(run(p, now, 900, [](std::int64_t) { return false; }), 1);
}

TEST(FramePacer, QuietCheckComesDueAfterASecondAndSaysHowLongToWait) {
  FramePacer p;
  std::int64_t now = 0;
  run(p, now, 1000, [](std::int64_t) { return false; });
  const std::int64_t last = now;
  EXPECT_FALSE(p.due(last));
  EXPECT_GT(p.wait_ms(last), 0);
  EXPECT_LE(p.wait_ms(last), FramePacer::kQuietCheckMs);
  EXPECT_TRUE(p.due(last + p.wait_ms(last)));
}

TEST(FramePacer, AlwaysDrawsEveryFrame) {
  FramePacer p(true);
  std::int64_t now = 0;
  EXPECT_EQ(run(p, now, 1600, [](std::int64_t) { return false; }), 100);
}

}  // namespace
}  // namespace hg::runner
