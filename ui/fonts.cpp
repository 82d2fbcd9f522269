#include "ui/fonts.h"

#include <imgui.h>

#include "ui/theme.h"

namespace hg::ui {

bool install_font(std::string ttf_bytes) {
  // The atlas reads from this buffer for as long as it rasterises glyphs: keep it alive.
  static std::string g_bytes;
  g_bytes = std::move(ttf_bytes);
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;
  cfg.OversampleH = 1;  // CJK strokes gain nothing from horizontal oversampling; it costs atlas space
  ImFont* font = g_bytes.size() > 12
                     ? io.Fonts->AddFontFromMemoryTTF(g_bytes.data(), static_cast<int>(g_bytes.size()), theme::kBodySize, &cfg)
                     : nullptr;
  if (!font) {
    io.Fonts->AddFontDefault();
    return false;
  }
  io.FontDefault = font;
  return true;
}

}  // namespace hg::ui
