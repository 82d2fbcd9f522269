// The gate in front of a page that needs an account of a given role: while the session has
// none of the roles, the page shows why and a 去登录 / Sign in button instead of its content.
#pragma once
#include <initializer_list>

#include "core/models/role.h"
#include "ui/area.h"

namespace hg::ui {

// True when the signed-in account has one of `roles` and the page may draw on. Otherwise
// draws `message` in a notice box and the sign-in button (which opens the account screen;
// App returns to the page once the member has signed in) and returns false.
bool sign_in_gate(UiContext& ctx, std::initializer_list<Role> roles, const char* message, float width);

}  // namespace hg::ui
