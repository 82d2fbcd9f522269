// 智能柜取件 (signed in as the locker): a keypad for the six-digit code, as the locker's own
// screen would show it; the answer names the compartment that opened, or why not.
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void PickupPage::submit() {
  sending_ = true;
  error_ = Error{};
  opened_.reset();
  const std::string locker = s_.session.info().subject;
  call<LockerReservation>(s_.session,
                          post_request(std::string(kApi) + "/lockers/" + locker + "/pickup",
                                       to_json(kPickupRequestJson, PickupRequest{code_}), s_.session.new_idempotency_key()),
                          kReservationJson, [this](Answer<LockerReservation> a) {
                            sending_ = false;
                            code_.clear();
                            if (a.ok())
                              opened_ = *a.value;
                            else
                              error_ = a.error;
                          });
}

void PickupPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  if (!sign_in_gate(ctx, {Role::locker}, L(lang, "请使用智能柜账号登录（如 locker01）", "Sign in with a locker account (e.g. locker01)"),
                    width))
    return;
  label(s_.session.info().display_name.c_str(), theme::kHeadingSize, theme::kText, width);
  card_begin(width);
  const float inner = width - 24;
  label(L(lang, "请输入取件码", "Enter your pickup code"), theme::kSmallSize, theme::kMuted);
  std::string shown = code_;
  while (shown.size() < 6) shown += "_";
  std::string spaced;
  for (char c : shown) spaced += std::string(1, c) + " ";
  label(spaced.c_str(), theme::kCodeHeroSize, theme::kText);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float key = (inner - 2 * gap) / 3;
  const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", L(lang, "清除", "Clear"), "0", L(lang, "删除", "Delete")};
  ImGui::BeginDisabled(sending_);
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    ImGui::PushID(i);
    if (choice_button("k", keys[i], false, key)) {
      if (i == 9)
        code_.clear();
      else if (i == 11) {
        if (!code_.empty()) code_.pop_back();
      } else if (code_.size() < 6) {
        code_ += keys[i];
      }
      error_ = Error{};
    }
    ImGui::PopID();
  }
  ImGui::EndDisabled();
  ImGui::BeginDisabled(code_.size() != 6 || sending_);
  if (primary_button(L(lang, "开柜取件", "Open"), inner) && code_.size() == 6 && !sending_) submit();
  ImGui::EndDisabled();
  card_end(width);
  if (!error_.zh.empty()) message_box(say(error_, lang).c_str(), true, width);
  if (opened_) {
    const std::string t = std::string(L(lang, "柜门 ", "Door ")) + std::to_string(opened_->compartment) +
                          L(lang, " 已打开：", " is open: ") + (lang == Lang::zh ? opened_->item.name_zh : opened_->item.name_en);
    message_box(t.c_str(), false, width);
  }
}

}  // namespace hg::ui::bookings
