// Browser entry point: the page (shell/index.html) has fetched the font and mounted storage
// (web/pre.js) before main runs; main starts the shared runner on the animation frame.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cstdio>
#include <string>

#include "runner/sdl_gl_runner.h"
#include "ui/app.h"
#include "ui/trace.h"
#include "web/web_platform.h"

extern "C" {
void hg_js_first_frame();                  // web/bridge.js: hides the loading screen
void hg_js_fatal(const char* message);     // web/bridge.js: shows a readable error page
}

namespace {
hg::web::WebPlatform g_platform;
hg::runner::SdlGlRunner g_runner;
hg::ui::App* g_app = nullptr;

std::string read_file(const char* path) {
  std::string bytes;
  if (FILE* f = std::fopen(path, "rb")) {
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    std::fclose(f);
  }
  return bytes;
}

void step(void*) {
  g_runner.step(*g_app);
  if (g_runner.frames() == 1) hg_js_first_frame();
}
}  // namespace

int main() {
  std::string error;
  hg::runner::RunnerConfig config;
  config.gles = true;
  // The browser draws only when something changed (runner/frame_pacer.h); "?draw=always"
  // draws every animation frame, for comparing the two (make bench-idle).
  config.draw_always = emscripten_run_script_int("new URLSearchParams(location.search).get('draw') === 'always' ? 1 : 0") != 0;
  if (!g_runner.init(config, read_file("/fonts/ui.ttf"), g_platform, &error)) {
    hg_js_fatal(error.c_str());
    return 1;
  }
  static hg::ui::App app(g_platform);
  g_app = &app;
  // A deep link (the QR code on a station's door opens /s/<station-id>) opens its page.
  const std::string path = emscripten_run_script_string("location.pathname");
  if (path != "/" && path != "/index.html") app.open_path(path);
  emscripten_set_main_loop_arg(step, nullptr, 0, true);
  return 0;
}

// ---- called from web/bridge.js and the browser tests ----

extern "C" EMSCRIPTEN_KEEPALIVE const char* hg_trace_json() {
  static std::string json;
  json = hg::ui::trace_json();
  return json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE long hg_frames() { return g_runner.frames(); }

// Text committed in the hidden textarea (typed, pasted, or an IME composition finished).
extern "C" EMSCRIPTEN_KEEPALIVE void hg_on_text(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  g_runner.wake();
}

// Editing keys pressed while the textarea has focus; codes agreed with web/bridge.js.
extern "C" EMSCRIPTEN_KEEPALIVE void hg_on_key(int code) {
  static const ImGuiKey kKeys[] = {ImGuiKey_None,      ImGuiKey_Backspace,  ImGuiKey_Enter,   ImGuiKey_LeftArrow,
                                   ImGuiKey_RightArrow, ImGuiKey_UpArrow,   ImGuiKey_DownArrow, ImGuiKey_Home,
                                   ImGuiKey_End,       ImGuiKey_Delete,     ImGuiKey_Tab,     ImGuiKey_Escape};
  if (code <= 0 || code >= static_cast<int>(sizeof kKeys / sizeof kKeys[0])) return;
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(kKeys[code], true);
  io.AddKeyEvent(kKeys[code], false);
  g_runner.wake();
}

extern "C" EMSCRIPTEN_KEEPALIVE void hg_set_lang(int zh) {
  if (g_app) g_app->set_lang(zh ? hg::ui::Lang::zh : hg::ui::Lang::en);
  g_runner.wake();
}
