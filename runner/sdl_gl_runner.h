// One SDL2 + OpenGL loop for both clients (hello_imgui style: the loop is shared, only the
// entry point differs). web/ drives step() from the browser's animation frame; native/
// calls it in a while loop. Depends on SDL2, ImGui and ui/, never on a platform header.
#pragma once
#include <string>

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
};

class SdlGlRunner {
 public:
  // Creates the window, GL context and ImGui; installs the font. On failure, says why.
  bool init(const RunnerConfig& config, std::string font_bytes, ui::Platform& platform, std::string* error);
  // One frame: input, platform callbacks, the app's UI, drawing. False once the window closed.
  bool step(ui::App& app);
  // Shows the frame step() drew (desktop only: the browser presents by itself).
  void present();
  void shutdown();

  SDL_Window* window() const { return window_; }
  long frames() const { return frames_; }
  // Reads the last drawn frame back as tightly packed RGBA rows, top row first.
  std::string read_pixels(int* width, int* height) const;

 private:
  SDL_Window* window_ = nullptr;
  void* gl_ = nullptr;
  ui::Platform* platform_ = nullptr;
  long frames_ = 0;
  bool running_ = true;
  bool finger_lifted_ = false;
};

}  // namespace hg::runner
