#include "runner/sdl_gl_runner.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // ImHashData
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <cmath>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/gesture.h"
#include "ui/platform.h"
#include "ui/theme.h"

namespace hg::runner {

namespace {
// ImGui reports where the focused text field is once per frame; the SDL backend moves the
// desktop IME box there, and the platform (the browser's hidden textarea) follows too.
void (*g_sdl_ime_fn)(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData*) = nullptr;

// Two fingers on the screen (SDL finger events: touch screens natively and in the browser)
// become a pinch for the map (ui/gesture.h); ImGui itself only ever sees the first finger.
struct Finger {
  SDL_FingerID id;
  float x, y;  // normalised to the window, 0..1
};
std::vector<Finger> g_fingers;

void track_finger(const SDL_Event& e) {
  const SDL_FingerID id = e.tfinger.fingerId;
  auto it = std::find_if(g_fingers.begin(), g_fingers.end(), [id](const Finger& f) { return f.id == id; });
  const float before = g_fingers.size() >= 2 ? std::hypot(g_fingers[0].x - g_fingers[1].x, g_fingers[0].y - g_fingers[1].y) : 0.0f;
  if (e.type == SDL_FINGERUP) {
    if (it != g_fingers.end()) g_fingers.erase(it);
  } else if (it == g_fingers.end()) {
    g_fingers.push_back({id, e.tfinger.x, e.tfinger.y});
  } else {
    it->x = e.tfinger.x;
    it->y = e.tfinger.y;
  }
  ui::PinchInput& pinch = ui::pinch_input();
  const bool two = g_fingers.size() >= 2;
  if (two && before > 0 && e.type == SDL_FINGERMOTION) {
    const float after = std::hypot(g_fingers[0].x - g_fingers[1].x, g_fingers[0].y - g_fingers[1].y);
    if (after > 0) pinch.scale *= after / before;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    pinch.x = (g_fingers[0].x + g_fingers[1].x) * 0.5f * size.x;
    pinch.y = (g_fingers[0].y + g_fingers[1].y) * 0.5f * size.y;
  }
  pinch.active = two;
}

// A fingerprint of everything a frame would draw: vertices, indices, commands, textures and
// the window's size. Two frames with the same fingerprint look the same, so the second
// need not be drawn.
std::uint32_t fingerprint(const ImDrawData& d) {
  ImU32 h = ImHashData(&d.DisplaySize, sizeof d.DisplaySize);
  h = ImHashData(&d.FramebufferScale, sizeof d.FramebufferScale, h);
  for (const ImDrawList* list : d.CmdLists) {
    h = ImHashData(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.size_in_bytes()), h);
    h = ImHashData(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.size_in_bytes()), h);
    for (const ImDrawCmd& c : list->CmdBuffer) {
      h = ImHashData(&c.ClipRect, sizeof c.ClipRect, h);
      h = ImHashData(&c.TexRef, sizeof c.TexRef, h);  // which texture, uploaded or not yet
      h = ImHashData(&c.ElemCount, sizeof c.ElemCount, h);
      h = ImHashData(&c.IdxOffset, sizeof c.IdxOffset, h);
      h = ImHashData(&c.VtxOffset, sizeof c.VtxOffset, h);
    }
  }
  return h;
}

// Glyphs rasterised this frame must reach the GPU even when the picture's vertices match.
bool textures_pending(const ImDrawData& d) {
  if (!d.Textures) return false;
  for (const ImTextureData* t : *d.Textures)
    if (t->Status != ImTextureStatus_OK) return true;
  return false;
}

void set_ime_data(ImGuiContext* ctx, ImGuiViewport* viewport, ImGuiPlatformImeData* data) {
  if (g_sdl_ime_fn) g_sdl_ime_fn(ctx, viewport, data);
  auto* platform = static_cast<ui::Platform*>(ImGui::GetPlatformIO().Platform_ImeUserData);
  if (platform) platform->text_input(data->WantTextInput, {data->InputPos.x, data->InputPos.y, data->InputLineHeight});
}
}  // namespace

bool SdlGlRunner::init(const RunnerConfig& config, std::string font_bytes, ui::Platform& platform, std::string* error) {
  platform_ = &platform;
  pacer_ = FramePacer(config.draw_always);
  SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");  // show the desktop IME candidate window
#ifdef __EMSCRIPTEN__
  // Keys go to SDL only while the canvas has focus; while a text field is being edited the
  // hidden textarea has it and web/bridge.js forwards text and editing keys itself.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    *error = std::string("SDL_Init: ") + SDL_GetError();
    return false;
  }
  const char* glsl = nullptr;
  if (config.gles) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    glsl = "#version 300 es";
  } else {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    glsl = "#version 330";
  }
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  window_ = SDL_CreateWindow(config.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, config.width, config.height, flags);
  if (!window_) {
    *error = std::string("SDL_CreateWindow: ") + SDL_GetError();
    return false;
  }
  gl_ = SDL_GL_CreateContext(window_);
  if (!gl_) {
    *error = std::string("OpenGL context: ") + SDL_GetError();
    return false;
  }
  SDL_GL_MakeCurrent(window_, gl_);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is the app's, not the user's to drag around
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ui::theme::apply(ImGui::GetStyle());
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
  ImGui_ImplOpenGL3_Init(glsl);
  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
  g_sdl_ime_fn = pio.Platform_SetImeDataFn;
  pio.Platform_SetImeDataFn = set_ime_data;
  pio.Platform_ImeUserData = &platform;
  if (!ui::install_font(std::move(font_bytes))) SDL_Log("huigong: UI font missing or unreadable; using ImGui's ASCII font");
  return true;
}

bool SdlGlRunner::step(ui::App& app) {
  drew_ = false;
  // A finger that lifted last frame leaves no pointer behind: without this the last tapped
  // button would stay highlighted as if a mouse still hovered it.
  if (finger_lifted_) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    finger_lifted_ = false;
  }
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    // SDL sends no motion event for a press where its pointer already is, but ImGui's pointer
    // was moved away when the last finger lifted: a second tap on the same spot would land
    // nowhere. Every press therefore says where it is.
    if (event.type == SDL_MOUSEBUTTONDOWN) {
      ImGuiIO& io = ImGui::GetIO();
      io.AddMouseSourceEvent(event.button.which == SDL_TOUCH_MOUSEID ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
      io.AddMousePosEvent(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) running_ = false;
    if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION || event.type == SDL_FINGERUP) track_finger(event);
    if (event.type == SDL_MOUSEBUTTONUP && event.button.which == SDL_TOUCH_MOUSEID) finger_lifted_ = true;
    pacer_.wake();
  }
  if (platform_->poll()) pacer_.wake();
  const std::int64_t now = static_cast<std::int64_t>(SDL_GetTicks64());
  if (!pacer_.due(now)) return running_;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  app.frame();
  ImGui::Render();
  const ImGuiIO& io = ImGui::GetIO();
  pacer_.hold(ImGui::IsAnyMouseDown() || io.WantTextInput || !g_fingers.empty());
  ImDrawData* draw_data = ImGui::GetDrawData();
  // Drawing every frame needs no fingerprint: skip hashing the vertices then.
  const bool always = pacer_.always();
  const std::uint32_t print = always ? 0 : fingerprint(*draw_data);
  const bool changed = always || frames_ == 0 || print != shown_fingerprint_ || textures_pending(*draw_data);
  pacer_.built(now, changed);
  if (!changed) return running_;

  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui::theme::kBackground);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(draw_data);
  shown_fingerprint_ = print;
  drew_ = true;
  ++frames_;
  return running_;
}

int SdlGlRunner::idle_wait_ms() const {
  // Answers from the desktop's network thread are picked up by the next tick, so the wait
  // is capped to keep them prompt; a frame that is due waits one 60 Hz frame's time, so a
  // loop without vsync (remote desktops, Xvfb) never spins a core.
  constexpr std::int64_t kFrameMs = 16, kAnswerLatencyMs = 30;
  const std::int64_t wait = pacer_.wait_ms(static_cast<std::int64_t>(SDL_GetTicks64()));
  return static_cast<int>(std::clamp(wait, kFrameMs, kAnswerLatencyMs));
}

void SdlGlRunner::present() {
#ifndef __EMSCRIPTEN__
  SDL_GL_SwapWindow(window_);
#endif
}

std::string SdlGlRunner::read_pixels(int* width, int* height) const {
  SDL_GL_GetDrawableSize(window_, width, height);
  std::string rgba(static_cast<size_t>(*width) * static_cast<size_t>(*height) * 4, '\0');
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, *width, *height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  // GL's rows run bottom-up.
  const size_t row = static_cast<size_t>(*width) * 4;
  for (int y = 0; y < *height / 2; ++y)
    std::swap_ranges(rgba.begin() + static_cast<long>(y * row), rgba.begin() + static_cast<long>((y + 1) * row),
                     rgba.begin() + static_cast<long>((static_cast<size_t>(*height - 1 - y)) * row));
  return rgba;
}

void SdlGlRunner::shutdown() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  if (gl_) SDL_GL_DeleteContext(gl_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

}  // namespace hg::runner
