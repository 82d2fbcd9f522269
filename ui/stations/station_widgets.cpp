#include "ui/stations/station_widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/theme.h"
#include "ui/trace.h"

namespace hg::ui::stations {

namespace {
float g_chips_left = 0, g_chips_width = 0;
bool g_chips_first = true;
}  // namespace

void chips_begin(float width) {
  g_chips_left = ImGui::GetCursorPosX();
  g_chips_width = width;
  g_chips_first = true;
}

bool chip(const char* label, bool selected) {
  const float w = std::max(theme::kTouch, ImGui::CalcTextSize(label).x + 28.0f);
  if (!g_chips_first) {
    ImGui::SameLine(0, 8);
    if (ImGui::GetCursorPosX() + w > g_chips_left + g_chips_width) {
      ImGui::NewLine();
      ImGui::SetCursorPosX(g_chips_left);
    }
  }
  g_chips_first = false;
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, theme::kTouch * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? theme::kPrimary : theme::kCard);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? theme::kPrimaryDark : theme::kPressed);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, selected ? theme::kPrimaryDark : theme::kChipActive);
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? theme::kOnColour : theme::kText);
  ImGui::PushStyleColor(ImGuiCol_Border, selected ? theme::kPrimary : theme::kBorder);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  const bool clicked = ImGui::Button(label, ImVec2(w, theme::kTouch));
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(5);
  trace_label(label);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  trace_item(label, a.x, a.y, b.x - a.x, b.y - a.y);
  return clicked;
}

void chips_end() { ImGui::SetCursorPosX(g_chips_left); }

bool map_button(const char* id, const char* glyph, ImVec2 centre, float radius) {
  ImGui::SetCursorScreenPos(ImVec2(centre.x - radius, centre.y - radius));
  const bool clicked = ImGui::InvisibleButton(id, ImVec2(2 * radius, 2 * radius));
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(ImVec2(centre.x, centre.y + 1.5f), radius, theme::kMapButtonShadow, 32);
  dl->AddCircleFilled(centre, radius, held ? theme::kPressed : theme::kCard, 32);
  ImFont* font = ImGui::GetFont();
  const float size = glyph[0] == '+' || glyph[0] == '-' ? theme::kMapGlyphSize : theme::kRowSize;
  const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, glyph);
  dl->AddText(font, size, ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f - 1), theme::kText, glyph);
  trace_item(glyph, centre.x - radius, centre.y - radius, 2 * radius, 2 * radius);
  trace_label(glyph);
  return clicked;
}

int star_row(int stars, float size) {
  int tapped = 0;
  ImFont* font = ImGui::GetFont();
  for (int i = 1; i <= 5; ++i) {
    if (i > 1) ImGui::SameLine(0, 6);
    char id[16];
    std::snprintf(id, sizeof id, "%d", i);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float box = std::max(size, theme::kTouch);
    if (ImGui::InvisibleButton(id, ImVec2(box, box))) tapped = i;
    // A drawn star (the font subset may lack the star symbol).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + box * 0.5f, p.y + box * 0.5f);
    ImVec2 pts[10];
    for (int k = 0; k < 10; ++k) {
      const float r = (k % 2 == 0 ? 0.5f : 0.21f) * box * 0.9f;
      constexpr float kPiF = 3.14159265f;
      const float a = -kPiF / 2 + static_cast<float>(k) * kPiF / 5;
      pts[k] = ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a));
    }
    const ImU32 col = i <= stars ? theme::kStar : theme::kStarEmpty;
    for (int k = 0; k < 10; ++k) dl->AddTriangleFilled(c, pts[k], pts[(k + 1) % 10], col);
    char name[24];
    std::snprintf(name, sizeof name, "%d星", i);
    trace_item(name, p.x, p.y, box, box);
    (void)font;
  }
  return tapped;
}

}  // namespace hg::ui::stations
