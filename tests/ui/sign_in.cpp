#include "sign_in.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include "core/error.h"
#include "ui/area.h"

namespace {
constexpr const char* kDemoPassword = "huigong123";  // every demo account's (server/auth/seed.h)
}

void retype(HeadlessUi& ui, const std::string& hint, const std::string& text) {
  ASSERT_TRUE(ui.tap(hint)) << hint;
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiKey_End, true);  // the tap may have put the cursor mid-text
  ui.frame();
  io.AddKeyEvent(ImGuiKey_End, false);
  ui.frame();
  for (int i = 0; i < 24; ++i) {
    io.AddKeyEvent(ImGuiKey_Backspace, true);
    ui.frame();
    io.AddKeyEvent(ImGuiKey_Backspace, false);
    ui.frame();
  }
  ui.type(text);
}

void fill_sign_in(HeadlessUi& ui, const std::string& login, const std::string& password) {
  retype(ui, "会员号或员工账号", login);
  ASSERT_TRUE(ui.tap("密码"));
  ui.type(password);
  ASSERT_TRUE(ui.tap("登录"));
}

void sign_in(HeadlessUi& ui, const std::string& login) {
  ui.app().session().sign_out();
  ui.app().go(hg::ui::Screen::account);
  ui.frames(2);
  fill_sign_in(ui, login, kDemoPassword);
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "account/profile"; })) << login << " never signed in";
}

void session_sign_in(HeadlessUi& ui, const std::string& login) {
  bool done = false, ok = false;
  ui.app().session().sign_in(login, kDemoPassword, [&](bool success, const hg::Error&) { done = true, ok = success; });
  ASSERT_TRUE(ui.frames_until([&] { return done; }));
  ASSERT_TRUE(ok) << login;
}
