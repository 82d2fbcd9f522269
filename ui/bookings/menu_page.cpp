// 预约 home: the services on one capacity engine, and the member's own bookings. Staff see
// their tool first (clinic check-in, locker keypad, plans).
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void MenuPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const Session& ss = s_.session;
  if (ss.is(Role::clinic_staff) && primary_button(L(lang, "体检签到", "Health-check check-in"), width)) s_.open(Page::clinic);
  if (ss.is(Role::locker) && primary_button(L(lang, "智能柜取件", "Locker pickup"), width)) s_.open(Page::pickup);
  if (ss.is(Role::union_admin) && primary_button(L(lang, "预约计划管理", "Booking plans"), width)) s_.open(Page::admin);
  struct Entry {
    Page page;
    const char* glyph;
    ImU32 color;
    const char* zh;
    const char* en;
    const char* sub_zh;
    const char* sub_en;
  };
  static const Entry kEntries[] = {
      {Page::health, "检", theme::kHealthTile, "健康体检", "Health check", "工会补贴，自付 ¥100 起", "Union-subsidised, from ¥100"},
      {Page::lockers, "柜", theme::kLockersTile, "智能柜领物品", "Locker items", "驿站免费领取", "Free at union stations"},
      {Page::classes, "学", theme::kClassesTile, "技能培训", "Training classes", "报名职业技能课", "Sign up for skills courses"},
      {Page::duty, "站", theme::kDutyTile, "当一天站长", "Station master for a day", "工会干部报名", "For union cadres"},
      {Page::mine, "我", theme::kMineTile, "我的预约", "My bookings", "签到码、取消、候补", "Codes, cancelling, waitlist"},
  };
  const float gap = theme::kGap;
  const float w = (width - gap) / 2;
  int i = 0;
  for (const Entry& e : kEntries) {
    if (i++ % 2) ImGui::SameLine(0, gap);
    if (tile(e.zh, e.glyph, e.color, L(lang, e.zh, e.en), L(lang, e.sub_zh, e.sub_en), ImVec2(w, 96)))
      s_.open(e.page);
  }
}

}  // namespace hg::ui::bookings
