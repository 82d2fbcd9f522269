// Runs the real App frame by frame without a window or GPU: ImGui builds its draw lists
// and font atlas as usual, and "uploading" a texture just marks it done. Taps and typing
// go through ImGui's input queue exactly as the SDL backend would send them.
#pragma once
#include <string>

#include "ui/app.h"
#include "ui/platform.h"
#include "ui/trace.h"

struct ImGuiContext;

class HeadlessUi {
 public:
  explicit HeadlessUi(hg::ui::Platform& platform, float width = 375, float height = 667);
  ~HeadlessUi();

  void frame();
  void frames(int n);
  // Frames until `done` holds or `max` frames have passed; returns whether it held.
  template <class Pred>
  bool frames_until(Pred done, int max = 400);

  // Taps the centre of the item labelled `label` in the last frame; false when there is none.
  bool tap(const std::string& label);
  void type(const std::string& utf8);
  void set_touch(bool touch) { touch_ = touch; }

  hg::ui::App& app() { return *app_; }
  const hg::ui::FrameTrace& trace() const { return hg::ui::last_trace(); }
  bool has_label(const std::string& label) const;

 private:
  hg::ui::Platform& platform_;
  ImGuiContext* ctx_ = nullptr;
  hg::ui::App* app_ = nullptr;
  bool touch_ = true;
};

template <class Pred>
bool HeadlessUi::frames_until(Pred done, int max) {
  for (int i = 0; i < max; ++i) {
    frame();
    if (done()) return true;
  }
  return false;
}
