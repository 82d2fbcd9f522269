#include "ui/coupons/coupon_widgets.h"

#include <algorithm>

#include "ui/format.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {
void trace_last(const char* text) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  trace_label(text);
  trace_item(text, a.x, a.y, b.x - a.x, b.y - a.y);
}
ImU32 tint(ImU32 c, int alpha) { return (c & 0x00FFFFFFu) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }
}  // namespace

bool tabs(const char* id, const char* const* labels, int count, int* current, float width) {
  ImGui::PushID(id);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + theme::kTouch), theme::kCard, theme::kRadius);
  const float w = width / static_cast<float>(count);
  bool changed = false;
  for (int i = 0; i < count; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(p.x + w * static_cast<float>(i), p.y));
    ImGui::PushID(i);
    if (ImGui::InvisibleButton("##tab", ImVec2(w, theme::kTouch)) && *current != i) {
      *current = i;
      changed = true;
    }
    ImGui::PopID();
    trace_item(labels[i], p.x + w * static_cast<float>(i), p.y, w, theme::kTouch);
    trace_label(labels[i]);
    const bool on = *current == i;
    ImFont* font = ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(theme::kRowSize, FLT_MAX, 0, labels[i]);
    const float cx = p.x + w * (static_cast<float>(i) + 0.5f);
    dl->AddText(font, theme::kRowSize, ImVec2(cx - ts.x * 0.5f, p.y + (theme::kTouch - ts.y) * 0.5f - 1),
                on ? theme::kPrimary : theme::kMuted, labels[i]);
    if (on)
      dl->AddRectFilled(ImVec2(cx - 14, p.y + theme::kTouch - 5), ImVec2(cx + 14, p.y + theme::kTouch - 2),
                        theme::kPrimary, 1.5f);
  }
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + theme::kTouch));
  ImGui::Dummy(ImVec2(width, 2));
  ImGui::PopID();
  return changed;
}

namespace {
// Lays out `count` buttons in rows; `pressed(i)` is called for a tap, `active(i)` colours it.
template <class Active, class Pressed>
bool grid(const char* id, const char* const* labels, int count, float width, Active active, Pressed pressed) {
  ImGui::PushID(id);
  float widest = theme::kTouch;
  for (int i = 0; i < count; ++i) widest = std::max(widest, ImGui::CalcTextSize(labels[i]).x + 20.0f);
  const float gap = 6.0f;
  int cols = std::max(1, std::min(count, static_cast<int>((width + gap) / (widest + gap))));
  const int rows = (count + cols - 1) / cols;
  cols = (count + rows - 1) / rows;  // balance: 4 options in 2+2 rather than 3+1
  const float w = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  bool changed = false;
  const float x0 = ImGui::GetCursorPosX();
  for (int i = 0; i < count; ++i) {
    if (i % cols != 0) ImGui::SameLine(0, gap);
    else ImGui::SetCursorPosX(x0);
    ImGui::PushID(i);
    const bool on = active(i);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(on ? theme::kPrimary : theme::kCard));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(on ? theme::kPrimary : theme::kHoverTint));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(on ? theme::kOnPrimary : theme::kText));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(on ? theme::kPrimary : theme::kBorder));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    if (ImGui::Button(labels[i], ImVec2(w, theme::kTouch))) {
      pressed(i);
      changed = true;
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    ImGui::PopID();
    trace_last(labels[i]);
  }
  ImGui::PopID();
  return changed;
}
}  // namespace

bool choice_grid(const char* id, const char* const* labels, int count, int* current, float width) {
  return grid(id, labels, count, width, [&](int i) { return *current == i; }, [&](int i) { *current = i; });
}

bool toggle_grid(const char* id, const char* const* labels, int count, bool* on, float width) {
  return grid(id, labels, count, width, [&](int i) { return on[i]; }, [&](int i) { on[i] = !on[i]; });
}

void chip(const char* text, ImU32 color) {
  ImFont* font = ImGui::GetFont();
  const ImVec2 ts = font->CalcTextSizeA(theme::kCaptionSize, FLT_MAX, 0, text);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + ts.x + 12, p.y + ts.y + 6), tint(color, 30), 6.0f);
  dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + 6, p.y + 3), color, text);
  ImGui::Dummy(ImVec2(ts.x + 12, ts.y + 6));
  trace_label(text);
}

void key_value(const char* key, const char* value, float width) {
  const float x = ImGui::GetCursorPosX();
  label(key, theme::kSmallSize, theme::kMuted);
  ImGui::SameLine();
  ImGui::PushFont(nullptr, theme::kSmallSize);
  const float vw = ImGui::CalcTextSize(value).x;
  ImGui::PopFont();
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), x + width - vw));
  label(value, theme::kSmallSize, theme::kText);
}

void amount_row(const char* name, Fen fen, float width, ImU32 color, bool strong) {
  const float size = strong ? theme::kSubtitleSize : theme::kBodySize;
  const std::string v = money(fen);
  const float x = ImGui::GetCursorPosX();
  const float y = ImGui::GetCursorPosY();
  label(name, theme::kRowSize, strong ? theme::kText : theme::kMuted);
  ImGui::PushFont(nullptr, size);
  const float vw = ImGui::CalcTextSize(v.c_str()).x;
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::SetCursorPos(ImVec2(std::max(ImGui::GetCursorPosX(), x + width - vw), y - (size - theme::kRowSize) * 0.5f));
  label(v.c_str(), size, color);
}

void stock_bar(float fraction, float width, ImU32 color) {
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + 6), theme::kTrack, 3.0f);
  if (fraction > 0) dl->AddRectFilled(p, ImVec2(p.x + std::max(6.0f, width * fraction), p.y + 6), color, 3.0f);
  ImGui::Dummy(ImVec2(width, 6));
}

void centred_label(const char* text, float size, ImU32 color, float width) {
  ImGui::PushFont(nullptr, size);
  const float w = ImGui::CalcTextSize(text).x;
  ImGui::PopFont();
  if (w < width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
  label(text, size, color, w < width ? 0.0f : width);
}

bool first_answer_pending(const Error& error, Lang lang, float width) {
  if (error.zh.empty()) {
    label(tr(S::loading, lang), theme::kBodySize, theme::kMuted);
    return false;
  }
  message_box(error.message(lang == Lang::zh).c_str(), true, width);
  return primary_button(tr(S::retry, lang), width);
}

bool month_switcher(YearMonth& month, Lang lang, float width) {
  const float bw = 64.0f;
  const float x0 = ImGui::GetCursorPosX();
  const float y = ImGui::GetCursorPosY();
  const YearMonth was = month;
  if (outline_button(L(lang, "上月", "Prev"), bw, theme::kPrimary)) month = add_months(month, -1);
  const std::string m = month_key(month) + L(lang, "（北京时间）", " (CST)");
  const float mw = ImGui::CalcTextSize(m.c_str()).x;
  ImGui::SetCursorPos(ImVec2(x0 + std::max(bw + 4, (width - mw) * 0.5f), y + (theme::kTouch - theme::kBodySize) * 0.5f - 1));
  label(m.c_str(), theme::kBodySize, theme::kText);
  ImGui::SetCursorPos(ImVec2(x0 + width - bw, y));
  if (outline_button(L(lang, "下月", "Next"), bw, theme::kPrimary)) month = add_months(month, 1);
  return !(month == was);
}

}  // namespace hg::ui::coupons
