// 技能培训 and 当一天站长: upcoming classes and duty days with their free places; one tap
// enrols (or joins the waitlist when full). Station duty is open to union cadres only: the
// page says so up front and, once it knows the member is not one, offers no sign-up button
// (the server decides in the end).
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/format.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void ClassesPage::tick(const UiContext& ctx) {
  if (kind_ == SlotKind::station_duty && s_.session.is(Role::member) && me_.due(ctx))
    me_.fetch(ctx, std::string(kApi) + "/mine", kMyBookingsJson);
  if (!avail_.due(ctx)) return;
  avail_.fetch(ctx, std::string(kApi) + "/availability?kind=" + slot_kind_key(kind_), kAvailabilityJson);
}

bool ClassesPage::cadre_refused(const SlotView& v) const {
  return v.cadre_only && s_.session.is(Role::member) && me_ && !me_->cadre;
}

void ClassesPage::sign_up(const SlotView& v, Lang lang) {
  notice_.clear();
  error_ = Error{};
  if (!s_.session.is(Role::member)) {
    error_ = make_error(Errc::unauthorized, "请先登录会员账号", "Please sign in with your member account first");
    return;
  }
  sending_ = true;
  book_slot(s_, v.slot.id, "", true, [this, lang](BookOutcome o) {
    sending_ = false;
    avail_.invalidate();
    if (o.booking)
      notice_ = std::string(L(lang, "报名成功，签到码 ", "Enrolled; check-in code ")) + o.booking->checkin_code;
    else if (o.waitlist)
      notice_ = std::string(L(lang, "已加入候补，第 ", "On the waitlist, position ")) + count(o.waitlist->position) +
                L(lang, " 位", "");
    else
      error_ = o.error;
  });
}

void ClassesPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool duty = kind_ == SlotKind::station_duty;
  // Who may sign up is said before anyone taps.
  label(duty ? L(lang, "仅限工会干部报名：到驿站值守一天，服务户外劳动者。",
                 "Open to union cadres only: serve a day at a station for outdoor workers.")
             : L(lang, "免费职业技能培训，名额有限，满员可候补。", "Free skills courses; when full, join the waitlist."),
        theme::kSmallSize, theme::kMuted, width);
  const char* ok = L(lang, "知道了", "OK");
  if (duty && s_.session.is(Role::member) && me_ && !me_->cadre)
    message_box(L(lang, "您的账号不是工会干部，不能报名值守；如需报名，请联系所在基层工会登记。",
                  "Your account is not a union cadre's, so you cannot sign up; ask your local union to register you."),
                true, width);
  if (!error_.zh.empty() && message_box_dismissible(say(error_, lang).c_str(), true, ok, width)) error_ = Error{};
  if (avail_.failed()) message_box(say(avail_.error(), lang).c_str(), true, width);
  if (!notice_.empty() && message_box_dismissible(notice_.c_str(), false, ok, width)) notice_.clear();
  if (!avail_) {
    label(L(lang, "正在加载…", "Loading…"), theme::kBodySize, theme::kMuted);
    return;
  }
  for (const SlotView& v : avail_->slots) {
    ImGui::PushID(v.slot.id.c_str());
    card_begin(width);
    const float inner = width - 24;
    std::string where;
    for (const ResourceView& r : avail_->resources)
      if (r.id == v.slot.resource_id) where = lang == Lang::zh ? r.name_zh : r.name_en;
    label((duty ? where : (lang == Lang::zh ? v.slot.title_zh : v.slot.title_en)).c_str(), theme::kBodySize, theme::kText, inner);
    if (!duty) label(where.c_str(), theme::kCaptionSize, theme::kMuted, inner);
    label(slot_text(v.slot.start, v.slot.end, lang).c_str(), theme::kSmallSize, theme::kMuted, inner);
    const std::string places = lang == Lang::zh ? "余 " + count(v.free) + " / " + count(v.slot.capacity) + " 个名额"
                                                : count(v.free) + " of " + count(v.slot.capacity) + " places left";
    label(places.c_str(), theme::kSmallSize, v.free > 0 ? theme::kOnline : theme::kWarning);
    const char* button = v.free > 0 ? (duty ? L(lang, "报名值守", "Sign up") : L(lang, "报名", "Enrol"))
                                    : L(lang, "加入候补", "Join the waitlist");
    if (cadre_refused(v))
      inactive_button(L(lang, "仅工会干部可报名", "Union cadres only"), inner);
    else if (sending_)
      inactive_button(button, inner);
    else if (primary_button(button, inner))
      sign_up(v, lang);
    card_end(width);
    ImGui::PopID();
  }
}

}  // namespace hg::ui::bookings
