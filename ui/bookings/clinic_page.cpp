// 体检签到 (clinic staff): the member shows a six-digit code; staff type it and record the
// co-pay collected (¥100 or ¥150 by package; the server checks it against the booking).
// Below, today's bookings at this clinic, with no-show marking once a slot has ended.
#include <imgui.h>

#include <cstring>

#include "ui/bookings/pages.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void ClinicPage::tick(const UiContext& ctx) {
  if (s_.session.is(Role::clinic_staff) && day_.due(ctx)) day_.fetch(ctx, std::string(kApi) + "/clinic/day", kClinicDayJson);
}

void ClinicPage::check_in(Fen copay) {
  sending_ = true;
  error_ = Error{};
  notice_.clear();
  const std::string body = to_json(kCheckInRequestJson, CheckInRequest{code_, copay});
  call<BookingView>(s_.session, post_request(std::string(kApi) + "/clinic/check-in", body, s_.session.new_idempotency_key()),
                    kBookingViewJson, [this, copay](Answer<BookingView> a) {
                      sending_ = false;
                      if (a.ok()) {
                        notice_ = a.value->member_name + " · " + money(copay);
                        std::memset(code_, 0, sizeof code_);
                      } else {
                        error_ = a.error;
                      }
                      day_.invalidate();
                    });
}

void ClinicPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  if (!sign_in_gate(ctx, {Role::clinic_staff},
                    L(lang, "请使用体检机构账号登录（如 clinic01）", "Sign in with a clinic account (e.g. clinic01)"), width))
    return;
  if (day_) label((lang == Lang::zh ? day_->clinic.name_zh : day_->clinic.name_en).c_str(), theme::kHeadingSize, theme::kText, width);
  card_begin(width);
  const float inner = width - 24;
  label(L(lang, "会员签到码", "Member's check-in code"), theme::kSmallSize, theme::kMuted);
  text_field("##code", L(lang, "6 位数字", "6 digits"), code_, sizeof code_, inner, ImGuiInputTextFlags_CharsDecimal);
  label(L(lang, "收取自付金额后签到：", "Check in after collecting the co-pay:"), theme::kSmallSize, theme::kMuted, inner);
  const bool ready = std::strlen(code_) == 6 && !sending_;
  ImGui::BeginDisabled(!ready);
  const float half = (inner - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (primary_button(L(lang, "收 ¥100 签到", "Collect ¥100, check in"), half) && ready) check_in(10000);
  ImGui::SameLine();
  if (primary_button(L(lang, "收 ¥150 签到", "Collect ¥150, check in"), half) && ready) check_in(15000);
  ImGui::EndDisabled();
  card_end(width);
  if (!error_.zh.empty()) message_box(say(error_, lang).c_str(), true, width);
  if (day_.failed()) message_box(say(day_.error(), lang).c_str(), true, width);
  if (!notice_.empty()) message_box((std::string(L(lang, "已签到：", "Checked in: ")) + notice_).c_str(), false, width);

  section_title(L(lang, "今日预约", "Today's bookings"));
  if (!day_ || day_->bookings.empty()) {
    label(L(lang, "今天没有预约", "No bookings today"), theme::kSmallSize, theme::kMuted);
    return;
  }
  const UnixSeconds now = ctx.now_ms / 1000;
  for (const BookingView& b : day_->bookings) {
    ImGui::PushID(b.booking.id.c_str());
    card_begin(width);
    const std::string who = b.member_name + "  " + clock_text(b.start) + "-" + clock_text(b.end);
    label(who.c_str(), theme::kBodySize, theme::kText, inner);
    const std::string what = std::string(state_text(b.booking.state, lang)) + " · " +
                             (lang == Lang::zh ? "自付 " : "co-pay ") + money(b.booking.copay_fen);
    label(what.c_str(), theme::kSmallSize, theme::kMuted, inner);
    if (b.booking.state == BookingState::confirmed && now >= b.end &&
        text_button(L(lang, "记为爽约", "Mark as no-show"), theme::kPrimary)) {
      call<BookingView>(s_.session,
                        post_request(std::string(kApi) + "/" + b.booking.id + "/no-show", "", s_.session.new_idempotency_key()),
                        kBookingViewJson, [this](Answer<BookingView> a) {
                          if (!a.ok()) error_ = a.error;
                          day_.invalidate();
                        });
    }
    card_end(width);
    ImGui::PopID();
  }
}

}  // namespace hg::ui::bookings
