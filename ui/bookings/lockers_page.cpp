// 智能柜: the station lockers, each with its 18 compartments (item or empty, reserved or free);
// tapping a free item reserves it and shows the six-digit pickup code with its deadline.
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void LockersPage::tick(const UiContext& ctx) {
  if (list_.due(ctx)) list_.fetch(ctx, std::string(kApi) + "/lockers", kLockerListJson);
}

void LockersPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  if (!error_.zh.empty()) message_box(say(error_, lang).c_str(), true, width);
  if (list_.failed()) message_box(say(list_.error(), lang).c_str(), true, width);
  if (reserved_) {
    card_begin(width);
    const float inner = width - 24;
    label(L(lang, "预约成功，请到柜前输入取件码", "Reserved: enter the code at the locker"), theme::kBodySize, theme::kOnline, inner);
    const std::string what = (lang == Lang::zh ? reserved_->item.name_zh : reserved_->item.name_en) + " · " +
                             (lang == Lang::zh ? "柜格 " : "compartment ") + std::to_string(reserved_->compartment);
    label(what.c_str(), theme::kBodySize, theme::kText, inner);
    label(L(lang, "取件码", "Pickup code"), theme::kCaptionSize, theme::kMuted);
    label(reserved_->code.c_str(), theme::kPickupCodeSize, theme::kPrimary);
    const std::string until = std::string(L(lang, "有效期至 ", "Valid until ")) + day_text(reserved_->deadline, lang) + " " +
                              clock_text(reserved_->deadline);
    label(until.c_str(), theme::kCaptionSize, theme::kMuted);
    card_end(width);
    if (primary_button(L(lang, "返回柜子", "Back to the locker"), width)) reserved_.reset();
    return;
  }
  if (!list_) {
    label(L(lang, "正在加载…", "Loading…"), theme::kBodySize, theme::kMuted);
    return;
  }
  if (!wanted_.empty()) {
    not_online_ = true;
    for (size_t i = 0; i < list_->lockers.size(); ++i)
      if (list_->lockers[i].locker.id == wanted_) {
        chosen_ = static_cast<int>(i);
        not_online_ = false;
      }
    wanted_.clear();
  }
  if (not_online_)
    message_box(L(lang, "这个驿站的智能柜暂未开放线上预约，以下驿站可以预约：",
                  "This station's locker takes no online reservations yet; these stations do:"),
                false, width);
  if (list_->lockers.empty()) return;
  for (size_t i = 0; i < list_->lockers.size(); ++i) {
    const ResourceView& r = list_->lockers[i].locker;
    if (choice_button(r.id.c_str(), (lang == Lang::zh ? r.name_zh : r.name_en).c_str(), chosen_ == static_cast<int>(i), width)) {
      chosen_ = static_cast<int>(i);
      not_online_ = false;
    }
  }
  if (chosen_ >= static_cast<int>(list_->lockers.size())) chosen_ = 0;
  const LockerView& l = list_->lockers[static_cast<size_t>(chosen_)];
  label((lang == Lang::zh ? l.locker.address_zh : l.locker.address_en).c_str(), theme::kCaptionSize, theme::kMuted, width);
  section_title(L(lang, "选择物品（每人每柜限领一件待取）", "Choose an item (one waiting item per locker)"));
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = (width - 2 * gap) / 3;
  for (size_t i = 0; i < l.compartments.size(); ++i) {
    const CompartmentView& c = l.compartments[i];
    if (i % 3) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    const std::string name = !c.stocked ? std::string(L(lang, "空", "Empty"))
                             : (lang == Lang::zh ? c.item.name_zh : c.item.name_en);
    const std::string text = std::to_string(c.number) + " " + name + (c.reserved ? L(lang, "（已约）", " (taken)") : "");
    const bool can = c.stocked && !c.reserved && !sending_;
    ImGui::BeginDisabled(!can);
    if (choice_button("c", text.c_str(), false, w) && can) {
      if (!s_.session.is(Role::member)) {
        error_ = make_error(Errc::unauthorized, "请先登录会员账号", "Please sign in with your member account first");
      } else {
        sending_ = true;
        const std::string body = to_json(kLockerReserveJson, LockerReserveRequest{c.number});
        call<LockerReservation>(s_.session,
                                post_request(std::string(kApi) + "/lockers/" + l.locker.id + "/reserve", body,
                                             s_.session.new_idempotency_key()),
                                kReservationJson, [this](Answer<LockerReservation> a) {
                                  sending_ = false;
                                  if (a.ok())
                                    reserved_ = *a.value, error_ = Error{}, s_.mine_stale = true;
                                  else
                                    error_ = a.error;
                                  list_.invalidate();
                                });
      }
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
}

}  // namespace hg::ui::bookings
