// 我的预约: each booking with its state, time and place; a confirmed one shows its check-in
// code and, before the cut-off, a cancel button that asks first; a hold promoted from the
// waitlist asks to be confirmed. Waitlist places show the position; locker items their
// pickup code. The list is kept on the device: with no signal the page shows the copy and
// its age.
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/offline_note.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void MinePage::tick(const UiContext& ctx) {
  if (!s_.session.is(Role::member) || mine_.loading() || !(s_.mine_stale || mine_.due(ctx))) return;
  s_.mine_stale = false;
  mine_.fetch(ctx, std::string(kApi) + "/mine");
}

void MinePage::cancel(const std::string& id) {
  notice_.clear();
  error_ = Error{};
  call<BookingView>(s_.session, post_request(std::string(kApi) + "/" + id + "/cancel", "", s_.session.new_idempotency_key()),
                    kBookingViewJson, [this](Answer<BookingView> a) {
                      if (a.ok())
                        notice_ = "cancelled";
                      else
                        error_ = a.error;
                      mine_.invalidate();
                    });
}

void MinePage::confirm(const std::string& id) {
  notice_.clear();
  call<BookingView>(s_.session, post_request(std::string(kApi) + "/" + id + "/confirm", "", s_.session.new_idempotency_key()),
                    kBookingViewJson, [this](Answer<BookingView> a) {
                      if (!a.ok()) error_ = a.error;
                      mine_.invalidate();
                    });
}

void MinePage::leave(const std::string& slot_id) {
  notice_.clear();
  call<WaitlistView>(s_.session,
                     post_request(std::string(kApi) + "/waitlist/leave", to_json(kWaitlistRequestJson, WaitlistRequest{slot_id, ""}),
                                  s_.session.new_idempotency_key()),
                     kWaitlistViewJson, [this](Answer<WaitlistView> a) {
                       if (!a.ok()) error_ = a.error;
                       mine_.invalidate();
                     });
}

void MinePage::draw_booking(UiContext& ctx, const BookingView& b, float width) {
  const Lang lang = ctx.lang;
  const float inner = width - 24;
  ImGui::PushID(b.booking.id.c_str());
  card_begin(width);
  const std::string title = (lang == Lang::zh ? b.title_zh : b.title_en);
  const std::string where = (lang == Lang::zh ? b.resource_name_zh : b.resource_name_en);
  label(b.kind == SlotKind::health_check ? (where.c_str()) : title.c_str(), theme::kBodySize, theme::kText, inner);
  if (b.kind != SlotKind::health_check) label(where.c_str(), theme::kCaptionSize, theme::kMuted, inner);
  label(slot_text(b.start, b.end, lang).c_str(), theme::kSmallSize, theme::kMuted, inner);
  const BookingState st = b.booking.state;
  label(state_text(st, lang), theme::kSmallSize, st == BookingState::confirmed || st == BookingState::checked_in ? theme::kOnline : theme::kWarning);
  if (b.kind == SlotKind::health_check) {
    const std::string split = lang == Lang::zh ? "您付 " + money(b.booking.copay_fen) + "，工会付 " + money(b.booking.union_share_fen)
                                               : "you pay " + money(b.booking.copay_fen) + ", the union pays " +
                                                     money(b.booking.union_share_fen);
    label(split.c_str(), theme::kSmallSize, theme::kText, inner);
  }
  if (!b.checkin_code.empty()) {
    label(L(lang, "签到码（到场出示）", "Check-in code (show it on arrival)"), theme::kCaptionSize, theme::kMuted);
    label(b.checkin_code.c_str(), theme::kCodeSize, theme::kPrimary);
  }
  if (st == BookingState::held) {
    const std::string until = std::string(L(lang, "请在 ", "Confirm before ")) + clock_text(b.booking.hold_expires_at) +
                              L(lang, " 前确认，否则名额释放", "");
    label(until.c_str(), theme::kCaptionSize, theme::kWarning, inner);
    if (primary_button(L(lang, "确认占位", "Confirm"), inner)) confirm(b.booking.id);
  }
  if (b.can_cancel && st == BookingState::confirmed) {
    const std::string cut = std::string(L(lang, "取消截止：", "Cancel by ")) + day_text(b.cancel_until, lang) + " " +
                            clock_text(b.cancel_until);
    label(cut.c_str(), theme::kCaptionSize, theme::kMuted, inner);
  }
  // Cancelling needs the server: with no signal the button is not offered.
  if (b.can_cancel && !mine_.offline() && text_button(L(lang, "取消预约", "Cancel booking"), theme::kPrimary)) {
    asked_cancel_ = b.booking.id;
    asked_leave_.clear();
    const std::string when = slot_text(b.start, b.end, lang);
    confirm_.ask(L(lang, "取消这个预约？", "Cancel this booking?"),
                 lang == Lang::zh ? when + "，" + where + "。名额会立即释放给其他会员，取消后不能恢复。"
                                  : when + ", " + where + ". The place goes to other members at once; this cannot be undone.",
                 L(lang, "确认取消", "Yes, cancel it"));
  }
  card_end(width);
  ImGui::PopID();
}

void MinePage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  if (!sign_in_gate(ctx, {Role::member}, L(lang, "请先登录会员账号", "Please sign in with your member account first"), width))
    return;
  if (!error_.zh.empty()) message_box(say(error_, lang).c_str(), true, width);
  offline_note(ctx, mine_.offline(), mine_.saved_ms(),
               L(lang, "网络不可用，手机上还没有你的预约。连接后会自动刷新。",
                 "Offline, and your bookings are not on this device yet. They will load when connected."),
               width);
  if (mine_.failed() && !mine_.offline()) message_box(say(mine_.error(), lang).c_str(), true, width);
  if (confirm_.draw(lang)) {
    if (!asked_leave_.empty())
      leave(asked_leave_);
    else
      cancel(asked_cancel_);
  }
  if (!notice_.empty()) message_box(L(lang, "已取消，名额已释放", "Cancelled; the place is free again"), false, width);
  if (!mine_) {
    if (mine_.loading())
      label(L(lang, "正在加载…", "Loading…"), theme::kBodySize, theme::kMuted);
    else if (primary_button(tr(S::retry, lang), width))
      mine_.invalidate();
    return;
  }
  if (mine_->blocked_until > 0 && mine_->blocked_until > ctx.now_ms / 1000) {
    const std::string b = std::string(L(lang, "因多次爽约，预约暂停至 ", "Booking paused after no-shows until ")) +
                          day_text(mine_->blocked_until, lang) + " " + clock_text(mine_->blocked_until);
    message_box(b.c_str(), true, width);
  }
  section_title(L(lang, "预约", "Bookings"));
  if (mine_->bookings.empty()) label(L(lang, "还没有预约", "No bookings yet"), theme::kSmallSize, theme::kMuted);
  for (const BookingView& b : mine_->bookings) draw_booking(ctx, b, width);
  if (!mine_->waitlist.empty()) {
    section_title(L(lang, "候补", "Waitlist"));
    for (const WaitlistView& w : mine_->waitlist) {
      ImGui::PushID(w.slot_id.c_str());
      card_begin(width);
      const std::string title = (lang == Lang::zh ? w.resource_name_zh : w.resource_name_en) + " " +
                                day_text(w.start, lang) + " " + clock_text(w.start);
      label(title.c_str(), theme::kBodySize, theme::kText, width - 24);
      const std::string pos = lang == Lang::zh ? "候补第 " + count(w.position) + " 位" : "Waitlist position " + count(w.position);
      label(pos.c_str(), theme::kHeadingSize, theme::kWarning);
      if (!mine_.offline() && text_button(L(lang, "退出候补", "Leave the waitlist"), theme::kPrimary)) {
        asked_leave_ = w.slot_id;
        asked_cancel_.clear();
        confirm_.ask(L(lang, "退出候补？", "Leave the waitlist?"),
                     lang == Lang::zh ? title + "。您现在是第 " + count(w.position) + " 位；退出后再加入要从队尾排起。"
                                      : title + ". You are number " + count(w.position) +
                                            "; joining again puts you at the back of the queue.",
                     L(lang, "确认退出", "Yes, leave"));
      }
      card_end(width);
      ImGui::PopID();
    }
  }
  if (!mine_->pickups.empty()) {
    section_title(L(lang, "智能柜物品", "Locker items"));
    for (const LockerReservation& r : mine_->pickups) {
      card_begin(width);
      const std::string what = (lang == Lang::zh ? r.item.name_zh : r.item.name_en) + " · " +
                               (lang == Lang::zh ? "柜格 " : "compartment ") + std::to_string(r.compartment);
      label(what.c_str(), theme::kBodySize, theme::kText, width - 24);
      if (r.state == PickupState::active) {
        label(L(lang, "取件码", "Pickup code"), theme::kCaptionSize, theme::kMuted);
        label(r.code.c_str(), theme::kCodeSize, theme::kPrimary);
        const std::string until = std::string(L(lang, "有效期至 ", "Valid until ")) + day_text(r.deadline, lang) + " " +
                                  clock_text(r.deadline);
        label(until.c_str(), theme::kCaptionSize, theme::kMuted);
      } else {
        const char* st = r.state == PickupState::picked_up ? L(lang, "已取件", "Picked up")
                         : r.state == PickupState::expired ? L(lang, "已过期", "Expired")
                                                           : L(lang, "已取消", "Cancelled");
        label(st, theme::kSmallSize, theme::kMuted);
      }
      card_end(width);
    }
  }
}

}  // namespace hg::ui::bookings
