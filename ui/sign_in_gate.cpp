#include "ui/sign_in_gate.h"

#include "ui/widgets.h"

namespace hg::ui {

bool sign_in_gate(UiContext& ctx, std::initializer_list<Role> roles, const char* message, float width) {
  for (Role role : roles)
    if (ctx.session.is(role)) return true;
  message_box(message, false, width);
  if (primary_button(L(ctx.lang, "去登录", "Sign in"), width)) ctx.go(Screen::account, "");
  return false;
}

}  // namespace hg::ui
