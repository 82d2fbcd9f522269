// When the runner builds and draws a frame. A phone that redraws sixty identical pictures a
// second spends its battery and warms the member's pocket, so the loop draws only when
// something may have changed:
//   - input (touch, mouse, keys, text, a resize, a language switch) or an answer the
//     platform delivered (network, storage, position): build every frame for half a second
//     and then until two in a row come out the same. ImGui hands a tap's press, release and
//     the text that follows to successive frames, and settles a new layout within a frame
//     or two; anything animated (the map gliding to a station, a list coasting after a
//     flick) keeps changing the picture and so keeps itself drawn;
//   - while a finger or mouse button is down or a text field is being edited: every frame
//     (drags, long presses and the caret want it, and the member is right there);
//   - otherwise a quiet check once a second: the UI is built, so countdowns, "3分钟前" and
//     refresh timers run, but the picture is drawn only if it differs from the one shown.
// `always` draws every frame; the idle-CPU benchmark compares the two (the desktop's
// --draw always, the browser's ?draw=always), and the desktop's --screenshot uses it so
// every frame it counts is a drawn one.
//
// Plain logic over a millisecond clock, no SDL: tests/runner drives it directly.
#pragma once
#include <cstdint>

namespace hg::runner {

class FramePacer {
 public:
  static constexpr std::int64_t kQuietCheckMs = 1000;
  static constexpr int kSettledAfter = 2;  // unchanged frames in a row that end a busy spell
  static constexpr std::int64_t kBusyAtLeastMs = 500;

  explicit FramePacer(bool always = false) : always_(always) {}

  // Input arrived or an answer was delivered.
  void wake() {
    busy_ = true;
    unchanged_ = 0;
    woken_ = true;
  }
  void hold(bool held) { held_ = held; }         // a finger/button down or a text field active
  bool always() const { return always_; }

  // Whether to build a frame now.
  bool due(std::int64_t now_ms) const { return always_ || busy_ || held_ || now_ms >= next_check_ms_; }
  // How long the loop may sleep before a frame can be due (0: build one now).
  std::int64_t wait_ms(std::int64_t now_ms) const {
    return due(now_ms) ? 0 : next_check_ms_ - now_ms;
  }
  // After building a frame: `changed` says its picture differs from the one on screen
  // (the runner draws it only then).
  void built(std::int64_t now_ms, bool changed) {
    next_check_ms_ = now_ms + kQuietCheckMs;
    if (woken_) busy_until_ms_ = now_ms + kBusyAtLeastMs;
    woken_ = false;
    if (!busy_) return;
    unchanged_ = changed ? 0 : unchanged_ + 1;
    if (unchanged_ >= kSettledAfter && now_ms >= busy_until_ms_) busy_ = false;
  }

 private:
  bool always_;
  bool busy_ = true;  // the first frames are always drawn
  bool woken_ = true;
  bool held_ = false;
  std::int64_t busy_until_ms_ = 0;
  int unchanged_ = 0;
  std::int64_t next_check_ms_ = 0;
};

}  // namespace hg::runner
