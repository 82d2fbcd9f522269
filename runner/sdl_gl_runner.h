// One SDL2 + OpenGL loop for both clients (hello_imgui style: the loop is shared, only the
// entry point differs). web/ drives step() from the browser's animation frame; native/
// calls it in a while loop. Depends on SDL2, ImGui and ui/, never on a platform header.
#pragma once
#include <cstdint>
#include <string>

#include "runner/frame_pacer.h"

struct SDL_Window;

namespace hg::ui {
class App;
class Platform;
}  // namespace hg::ui

namespace hg::runner {

struct RunnerConfig {
  const char* title = "惠工 Huigong";
  int width = 420, height = 800;  // desktop window in screen points; the browser ignores it
  bool gles = false;               // WebGL2 (OpenGL ES 3.0) instead of desktop OpenGL 3.3 core
  bool draw_always = false;        // draw every frame instead of only when something changed
};

class SdlGlRunner {
 public:
  // Creates the window, GL context and ImGui; installs the font. On failure, says why.
  bool init(const RunnerConfig& config, std::string font_bytes, ui::Platform& platform, std::string* error);
  // One tick: input and platform callbacks; then, when frame_pacer.h says so, the app's UI,
  // and drawing when the picture changed. False once the window closed.
  bool step(ui::App& app);
  // Whether the last step() drew a new picture (only then is there anything to present).
  bool drew() const { return drew_; }
  // Shows the frame step() drew (desktop only: the browser presents by itself).
  void present();
  // How long the desktop loop may wait for an event before the next tick is needed.
  int idle_wait_ms() const;
  // Something outside SDL's events changed what the UI shows (web text input, language).
  void wake() { pacer_.wake(); }
  void shutdown();

  SDL_Window* window() const { return window_; }
  long frames() const { return frames_; }  // frames drawn
  // Reads the last drawn frame back as tightly packed RGBA rows, top row first.
  std::string read_pixels(int* width, int* height) const;

 private:
  SDL_Window* window_ = nullptr;
  void* gl_ = nullptr;
  ui::Platform* platform_ = nullptr;
  FramePacer pacer_;
  std::uint32_t shown_fingerprint_ = 0;  // of the picture on screen
  long frames_ = 0;
  bool drew_ = false;
  bool running_ = true;
  bool finger_lifted_ = false;
};

}  // namespace hg::runner
