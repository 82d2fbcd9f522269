// 技能培训 and 当一天站长: upcoming classes and duty days with their free places; one tap
// enrols (or joins the waitlist when full). Station duty is open to union cadres only; the server decides.
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void ClassesPage::tick(const UiContext& ctx) {
  if (!avail_.due(ctx)) return;
  avail_.fetch(ctx, std::string(kApi) + "/availability?kind=" + slot_kind_key(kind_), kAvailabilityJson);
}

void ClassesPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool duty = kind_ == SlotKind::station_duty;
  label(duty ? L(lang, "工会干部到驿站值守一天，服务户外劳动者。", "Union cadres serve a day at a station for outdoor workers.")
             : L(lang, "免费职业技能培训，名额有限，满员可候补。", "Free skills courses; when full, join the waitlist."),
        theme::kSmallSize, theme::kMuted, width);
  if (!error_.zh.empty()) message_box(say(error_, lang).c_str(), true, width);
  if (avail_.failed()) message_box(say(avail_.error(), lang).c_str(), true, width);
  if (!notice_.empty()) message_box(notice_.c_str(), false, width);
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
    char places[64];
    std::snprintf(places, sizeof places, lang == Lang::zh ? "余 %d / %d 个名额" : "%d of %d places left", v.free, v.slot.capacity);
    label(places, theme::kSmallSize, v.free > 0 ? theme::kOnline : theme::kWarning);
    const char* button = v.free > 0 ? (duty ? L(lang, "报名值守", "Sign up") : L(lang, "报名", "Enrol"))
                                    : L(lang, "加入候补", "Join the waitlist");
    ImGui::BeginDisabled(sending_);
    if (primary_button(button, inner) && !sending_) {
      if (!s_.session.is(Role::member)) {
        error_ = make_error(Errc::unauthorized, "请先登录会员账号", "Please sign in with your member account first");
      } else {
        sending_ = true;
        notice_.clear();
        const Lang l = lang;
        book_slot(s_, v.slot.id, "", true, [this, l](BookOutcome o) {
          sending_ = false;
          avail_.invalidate();
          if (o.booking) {
            notice_ = std::string(L(l, "报名成功，签到码 ", "Enrolled; check-in code ")) + o.booking->checkin_code;
            error_ = Error{};
          } else if (o.waitlist) {
            notice_ = std::string(L(l, "已加入候补，第 ", "On the waitlist, position ")) + count(o.waitlist->position) +
                      L(l, " 位", "");
            error_ = Error{};
          } else {
            error_ = o.error;
          }
        });
      }
    }
    ImGui::EndDisabled();
    card_end(width);
    ImGui::PopID();
  }
}

}  // namespace hg::ui::bookings
