// 我的 / Me: signing in, who is signed in, and the tools each role works with (a merchant's
// redeem screen, a clinic's check-in, the union's admin pages). The tools live in their
// areas; this page only links to them, so a member never sees staff screens.
#include <imgui.h>

#include <cstring>

#include "core/models/role.h"
#include "ui/areas.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui {

namespace {

struct Tool {
  Role role;  // who sees it
  Screen screen;
  const char* route;
  const char* zh;
  const char* en;
};

// What each role can open from here. Members reach their own coupons and bookings here too.
constexpr Tool kTools[] = {
    {Role::member, Screen::coupons, "mine", "我的惠工券", "My coupons"},
    {Role::member, Screen::bookings, "mine", "我的预约", "My bookings"},
    {Role::merchant_staff, Screen::coupons, "redeem", "核销惠工券", "Redeem coupons"},
    {Role::clinic_staff, Screen::bookings, "clinic", "体检签到", "Health-check check-in"},
    {Role::locker, Screen::bookings, "locker", "智能柜取件", "Locker pickup"},
    {Role::union_admin, Screen::coupons, "admin", "活动与结算", "Campaigns and settlement"},
    {Role::union_admin, Screen::bookings, "admin", "预约计划管理", "Booking plans"},
    {Role::union_admin, Screen::station_map, "admin", "驿站管理与评价", "Stations and evaluation"},
};

const char* role_title(const std::string& role, Lang lang) {
  const std::optional<Role> r = role_from_key(role);
  return r ? L(lang, role_info(*r).zh, role_info(*r).en) : role.c_str();
}

class AccountArea : public Area {
 public:
  AccountArea(Platform& /*platform*/, Session& session) : session_(session) {}

  void draw(UiContext& ctx, float width) override {
    if (session_.signed_in())
      draw_profile(ctx, width);
    else
      draw_sign_in(ctx, width);
  }
  std::string trace_name() const override { return session_.signed_in() ? "account/profile" : "account/sign_in"; }
  const char* title(Lang lang) const override { return L(lang, "我的", "Me"); }

 private:
  void draw_sign_in(UiContext& ctx, float width) {
    const Lang lang = ctx.lang;
    section_title(L(lang, "登录惠工", "Sign in to Huigong"));
    ImGui::Dummy(ImVec2(0, 4));
    card_begin(width);
    const float inner = width - 24;
    label(L(lang, "账号", "Account"), theme::kSmallSize, theme::kMuted);
    text_field("##login", L(lang, "会员号或员工账号", "Member or staff account"), login_, sizeof login_, inner);
    ImGui::Dummy(ImVec2(0, 4));
    label(L(lang, "密码", "Password"), theme::kSmallSize, theme::kMuted);
    const bool enter = text_field("##password", L(lang, "密码", "Password"), password_, sizeof password_, inner,
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Dummy(ImVec2(0, 6));
    if (!error_.zh.empty()) message_box(error_.message(lang == Lang::zh).c_str(), true, inner);
    const char* button = session_.busy() ? L(lang, "正在登录…", "Signing in…") : L(lang, "登录", "Sign in");
    ImGui::BeginDisabled(session_.busy());
    if ((primary_button(button, inner) || enter) && !session_.busy()) submit(lang);
    ImGui::EndDisabled();
    card_end(width);
    label(L(lang, "演示账号：会员 m001–m200，管理员 admin，密码均为 huigong123。",
            "Demo accounts: members m001–m200, admin; the password is huigong123."),
          theme::kCaptionSize, theme::kMuted, width);
  }

  void submit(Lang lang) {
    error_ = Error{};
    if (login_[0] == '\0' || password_[0] == '\0') {
      error_ = make_error(Errc::invalid_input, "请输入账号和密码", "Enter your account and password");
      return;
    }
    (void)lang;
    session_.sign_in(login_, password_, [this](bool ok, const Error& e) {
      if (ok) {
        std::memset(password_, 0, sizeof password_);
        error_ = Error{};
      } else {
        error_ = e;
      }
    });
  }

  void draw_profile(UiContext& ctx, float width) {
    const Lang lang = ctx.lang;
    const SessionInfo& s = session_.info();
    card_begin(width);
    label(s.display_name.c_str(), theme::kTitleSize, theme::kText);
    label(role_title(s.role, lang), theme::kSmallSize, theme::kPrimary);
    if (!session_.is(Role::member)) label(s.subject.c_str(), theme::kCaptionSize, theme::kMuted, width - 24);
    card_end(width);
    section_title(L(lang, "常用功能", "Tools"));
    for (const Tool& t : kTools) {
      if (!session_.is(t.role)) continue;
      if (primary_button(L(lang, t.zh, t.en), width)) ctx.go(t.screen, t.route);
      ImGui::Dummy(ImVec2(0, 2));
    }
    ImGui::Dummy(ImVec2(0, 12));
    if (text_button(L(lang, "退出登录", "Sign out"), theme::kPrimary)) {
      session_.sign_out();
      // The next person on this phone starts from an empty form.
      std::memset(login_, 0, sizeof login_);
      std::memset(password_, 0, sizeof password_);
    }
  }

  Session& session_;
  char login_[65] = {};
  char password_[129] = {};
  Error error_;
};

}  // namespace

std::unique_ptr<Area> make_account_area(AreaHost& host) {
  return std::make_unique<AccountArea>(host.platform, host.session);
}

}  // namespace hg::ui
