#include "ui/theme.h"

namespace hg::ui::theme {

ImU32 brand_color(Brand b) {
  static const ImU32 kColors[kBrandCount] = {rgb(0xE0483E), rgb(0x8B5CF6), rgb(0x2563EB),
                                             rgb(0x16A34A), rgb(0xF59E0B), rgb(0xDB2777)};
  return kColors[static_cast<int>(b) % kBrandCount];
}

const char* brand_glyph(Brand b) {
  static const char* kGlyphs[kBrandCount] = {"礼", "旅", "行", "运", "递", "购"};
  return kGlyphs[static_cast<int>(b) % kBrandCount];
}

void apply(ImGuiStyle& s) {
  ImGui::StyleColorsLight(&s);
  s.FontSizeBase = kBodySize;
  s.WindowPadding = ImVec2(0, 0);
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 0;
  s.FrameRounding = 8;
  s.ChildRounding = kRadius;
  s.FramePadding = ImVec2(12, (kTouch - kBodySize) * 0.5f);  // frames reach the touch size
  s.ItemSpacing = ImVec2(kGap, kGap);
  s.ScrollbarSize = 6;
  s.ScrollbarRounding = 3;
  s.TouchExtraPadding = ImVec2(2, 2);
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kText);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(kMuted);
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(kCard);
  c[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(kFieldHover);
  c[ImGuiCol_FrameBgActive] = ImGui::ColorConvertU32ToFloat4(kCard);
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(kPrimary);
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(kPrimaryHover);
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(kPrimaryDark);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(kBorder);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_NavCursor] = ImGui::ColorConvertU32ToFloat4(kPrimary);
}

}  // namespace hg::ui::theme
