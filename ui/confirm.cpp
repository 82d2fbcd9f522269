#include "ui/confirm.h"

#include <imgui.h>

#include <algorithm>
#include <utility>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui {

void ConfirmSheet::ask(std::string title, std::string body, std::string action) {
  title_ = std::move(title);
  body_ = std::move(body);
  action_ = std::move(action);
  opening_ = true;
}

bool ConfirmSheet::draw(Lang lang) {
  ImGui::PushID(this);
  if (opening_) {
    ImGui::OpenPopup("##confirm");
    opening_ = false;
    open_ = true;
  }
  bool go = false;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float width = std::min(display.x - 2 * theme::kGap, 440.0f);
  // A sheet at the foot of the screen, where the thumb is; wide screens get a narrow one.
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - theme::kGap), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 20));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 14.0f);
  ImGui::PushStyleColor(ImGuiCol_PopupBg, theme::kCard);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::BeginPopupModal("##confirm", nullptr, flags)) {
    const float inner = width - 40;
    label(title_.c_str(), theme::kHeadingSize, theme::kText, inner);
    ImGui::Dummy(ImVec2(0, 2));
    label(body_.c_str(), theme::kBodySize, theme::kMuted, inner);
    ImGui::Dummy(ImVec2(0, 8));
    if (primary_button(action_.c_str(), inner)) {
      go = true;
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
    if (outline_button(L(lang, "再想想", "Not now"), inner, theme::kText)) {
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  } else {
    open_ = false;
  }
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
  ImGui::PopID();
  return go;
}

void UndoBar::offer(std::string text, std::function<void()> undo, std::int64_t now_ms) {
  text_ = std::move(text);
  undo_ = std::move(undo);
  until_ms_ = now_ms + kShowMs;
}

void UndoBar::clear() {
  text_.clear();
  undo_ = nullptr;
  until_ms_ = 0;
}

void UndoBar::draw(Lang lang, std::int64_t now_ms, float width) {
  if (!undo_ || now_ms >= until_ms_) return;
  ImGui::PushID(this);
  const char* undo = L(lang, "撤销", "Undo");
  const float button = std::max(theme::kTouch, ImGui::CalcTextSize(undo).x + 24.0f);
  card_begin(width);
  const float x = ImGui::GetCursorPosX();
  const float y = ImGui::GetCursorPosY();
  // One row: the text centred on the height of the 撤销 button at the right.
  ImGui::PushFont(nullptr, theme::kBodySize);
  const float line = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(x, y + std::max(0.0f, (theme::kTouch - line) * 0.5f)));
  label(text_.c_str(), theme::kBodySize, theme::kText, width - 24 - button - theme::kGap);
  const float below = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(x + width - 24 - button, y));
  if (text_button(undo, theme::kPrimary)) {
    std::function<void()> fn = std::move(undo_);
    clear();
    fn();
  }
  ImGui::SetCursorPos(ImVec2(x, std::max(below, y + theme::kTouch)));
  card_end(width);
  ImGui::PopID();
}

}  // namespace hg::ui
