// 预约 home: the services on one capacity engine, and the member's own bookings. Staff see
// their tool first (clinic check-in, locker keypad, plans).
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/services.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void MenuPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const Session& ss = s_.session;
  if (ss.is(Role::clinic_staff) && primary_button(L(lang, "体检签到", "Health-check check-in"), width)) s_.open(Page::clinic);
  if (ss.is(Role::locker) && primary_button(L(lang, "智能柜取件", "Locker pickup"), width)) s_.open(Page::pickup);
  if (ss.is(Role::union_admin) && primary_button(L(lang, "预约计划管理", "Booking plans"), width)) s_.open(Page::admin);
  const float gap = theme::kGap;
  const float w = (width - gap) / 2;
  int i = 0;
  for (const ServiceEntry& e : kBookingServices) {
    if (i++ % 2) ImGui::SameLine(0, gap);
    if (tile(e.zh, e.glyph, e.color, L(lang, e.zh, e.en), L(lang, e.sub_zh, e.sub_en), ImVec2(w, 96)))
      ctx.go(e.screen, e.route);
  }
}

}  // namespace hg::ui::bookings
