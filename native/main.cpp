// Desktop entry point: the same screens as the browser, in an SDL2 + OpenGL 3.3 window.
//   huigong-desktop [--server http://127.0.0.1:8080] [--font FILE] [--data DIR] [--lang zh|en]
//                   [--open PATH] [--size 420x800] [--screenshot OUT.ppm [--frames N]]
//                   [--draw changes|always] [--test-now "2026-12-02 12:00:00"]
// --open opens a page as a deep link would: "/s/<station-id>", "/coupons/mine", "/account".
// --screenshot draws N frames (default 90), writes the last one as a PPM image, prints the
// frame trace as JSON on stdout and exits: the desktop check under Xvfb uses it.
// --draw always draws every frame; by default the window is drawn only when something
// changed (runner/frame_pacer.h).
// --test-now (tests only) starts the device clock at that CST instant (or UTC seconds); it
// runs on at the real rate, as the server's --test-now does.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "core/running_clock.h"
#include "native/native_platform.h"
#include "runner/sdl_gl_runner.h"
#include "ui/app.h"
#include "ui/trace.h"

namespace {

struct Options {
  std::string server = "http://127.0.0.1:8080";
  std::string font;
  std::string data;
  std::string lang;
  std::string screenshot;
  std::string open;  // a page to open at start, as a deep-link path ("/s/<id>", "/coupons/mine")
  int frames = 90;
  bool draw_always = false;  // --draw always: every frame, as the idle-CPU benchmark's peer
  int width = 420, height = 800;
  std::optional<hg::UnixSeconds> test_now;
};

[[noreturn]] void usage(const char* problem) {
  if (problem) std::fprintf(stderr, "huigong-desktop: %s\n", problem);
  std::fprintf(stderr,
               "usage: huigong-desktop [--server URL] [--font FILE] [--data DIR] [--lang zh|en]\n"
               "                       [--open PATH] [--size WxH] [--screenshot OUT.ppm [--frames N]]\n"
               "                       [--draw changes|always]\n"
               "                       [--test-now \"YYYY-MM-DD HH:MM:SS\" (CST) | UTC-SECONDS]\n");
  std::exit(problem ? 2 : 0);
}

Options parse(int argc, char** argv) {
  Options o;
  if (const char* s = std::getenv("HUIGONG_SERVER")) o.server = s;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value for " + a).c_str());
      return argv[++i];
    };
    if (a == "--server") o.server = value();
    else if (a == "--font") o.font = value();
    else if (a == "--data") o.data = value();
    else if (a == "--lang") o.lang = value();
    else if (a == "--screenshot") o.screenshot = value();
    else if (a == "--open") o.open = value();
    else if (a == "--frames") o.frames = std::atoi(value().c_str());
    else if (a == "--draw") {
      const std::string v = value();
      if (v != "changes" && v != "always") usage("--draw is changes (the default) or always");
      o.draw_always = v == "always";
    }
    else if (a == "--test-now") {
      const std::string v = value();
      o.test_now = hg::parse_instant(v);
      if (!o.test_now) usage("--test-now wants a CST time like \"2026-12-02 12:00:00\" or UTC seconds");
    }
    else if (a == "--size") {
      const std::string v = value();
      if (std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 200)
        usage("--size wants WxH, at least 200x200");
    } else if (a == "--help" || a == "-h") usage(nullptr);
    else usage(("unknown option " + a).c_str());
  }
  if (o.lang != "" && o.lang != "zh" && o.lang != "en") usage("--lang is zh or en");
  if (o.frames < 1) usage("--frames must be at least 1");
  return o;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The font is installed next to the binary by the build.
std::string default_font(const char* argv0) {
  char* base = SDL_GetBasePath();
  std::string dir = base ? base : std::filesystem::path(argv0).parent_path().string() + "/";
  SDL_free(base);
  return dir + "huigong-ui.ttf";
}

bool write_ppm(const std::string& path, const std::string& rgba, int w, int h) {
  std::ofstream out(path, std::ios::binary);
  out << "P6\n" << w << " " << h << "\n255\n";
  for (size_t i = 0; i + 3 < rgba.size(); i += 4) out.write(&rgba[i], 3);
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse(argc, argv);
  hg::native::NativePlatform::Clock clock;
  if (opt.test_now) clock = [c = hg::RunningClock(*opt.test_now)] { return c.now_ms(); };
  hg::native::NativePlatform platform(
      opt.server, opt.data.empty() ? hg::native::NativePlatform::default_storage_dir() : opt.data, clock);
  hg::runner::SdlGlRunner runner;
  hg::runner::RunnerConfig config;
  config.width = opt.width;
  config.height = opt.height;
  // A screenshot counts drawn frames, so it draws every one.
  config.draw_always = opt.draw_always || !opt.screenshot.empty();
  std::string error;
  if (!runner.init(config, read_file(opt.font.empty() ? default_font(argv[0]) : opt.font), platform, &error)) {
    std::fprintf(stderr, "huigong-desktop: %s\n", error.c_str());
    return 1;
  }
  {
    hg::ui::App app(platform);
    if (!opt.lang.empty()) app.set_lang(opt.lang == "en" ? hg::ui::Lang::en : hg::ui::Lang::zh);
    if (!opt.open.empty()) app.open_path(opt.open);
    if (opt.screenshot.empty()) {
      // Input that is already there is handled at once; otherwise the loop sleeps until an
      // event or the next tick the runner needs.
      while (runner.step(app)) {
        if (runner.drew()) runner.present();
        SDL_WaitEventTimeout(nullptr, runner.idle_wait_ms());
      }
    } else {
      for (int i = 0; i < opt.frames; ++i) {
        runner.step(app);
        if (i + 1 < opt.frames) runner.present();
        if (i == opt.frames / 2) SDL_Delay(300);  // let the first server answers arrive
      }
      int w = 0, h = 0;
      const std::string rgba = runner.read_pixels(&w, &h);
      if (!write_ppm(opt.screenshot, rgba, w, h)) {
        std::fprintf(stderr, "huigong-desktop: cannot write %s\n", opt.screenshot.c_str());
        return 1;
      }
      std::printf("%s\n", hg::ui::trace_json().c_str());
    }
  }
  runner.shutdown();
  return 0;
}
