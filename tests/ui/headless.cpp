#include "headless.h"

#include <imgui.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "ui/fonts.h"
#include "ui/theme.h"

HeadlessUi::HeadlessUi(hg::ui::Platform& platform, float width, float height) : platform_(platform) {
  ctx_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DisplayFramebufferScale = ImVec2(2, 2);  // a phone's density
  io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
  hg::ui::theme::apply(ImGui::GetStyle());
  std::ifstream in(HUIGONG_TEST_FONT, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  hg::ui::install_font(bytes.str());
  app_ = new hg::ui::App(platform);
}

HeadlessUi::~HeadlessUi() {
  delete app_;
  ImGui::DestroyContext(ctx_);
}

void HeadlessUi::frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  platform_.poll();
  ImGui::NewFrame();
  app_->frame();
  ImGui::Render();
  // Stand-in for the GPU: accept every texture request.
  for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
    if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantUpdates) {
      tex->SetTexID(static_cast<ImTextureID>(1));
      tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantDestroy) {
      tex->SetTexID(ImTextureID_Invalid);
      tex->SetStatus(ImTextureStatus_Destroyed);
    }
  }
  // Let the HTTP worker thread make progress between frames, as a real 60 Hz loop would.
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

void HeadlessUi::frames(int n) {
  for (int i = 0; i < n; ++i) frame();
}

bool HeadlessUi::tap(const std::string& label) {
  const hg::ui::TracedItem* item = hg::ui::find_item(label);
  if (!item) return false;
  const float x = item->x + item->w * 0.5f, y = item->y + item->h * 0.5f;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(touch_ ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(x, y);
  frame();
  io.AddMouseButtonEvent(0, true);
  frame();
  io.AddMouseButtonEvent(0, false);
  frame();
  frame();  // the screen the tap led to
  return true;
}

void HeadlessUi::type(const std::string& utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
  frames(2);
}

bool HeadlessUi::has_label(const std::string& label) const {
  for (const std::string& l : trace().labels)
    if (l == label) return true;
  return false;
}
