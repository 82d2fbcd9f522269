// Signing in through the account page against the real server, and staying signed in
// across an app restart on the same device.
#include <gtest/gtest.h>

#include "headless.h"
#include "native/native_platform.h"
#include "sign_in.h"
#include "tests/ui/test_server.h"

namespace {

TEST(AccountPage, WrongPasswordShowsTheServersMessage) {
  UiTestServer s("account");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(3);
  ASSERT_TRUE(ui.tap("登录"));  // the header's sign-in button
  ASSERT_EQ(ui.trace().screen, "account/sign_in");
  fill_sign_in(ui, "m001", "wrong-password");
  EXPECT_TRUE(ui.frames_until([&] { return ui.has_label("账号或密码不正确"); }));
  EXPECT_EQ(ui.trace().screen, "account/sign_in");
}

TEST(AccountPage, EmptyFieldsAreCaughtBeforeAsking) {
  UiTestServer s("account");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(3);
  ASSERT_TRUE(ui.tap("登录"));
  ui.frames(2);
  ASSERT_TRUE(ui.tap("登录"));  // now the form's button
  EXPECT_TRUE(ui.frames_until([&] { return ui.has_label("请输入账号和密码"); }));
}

TEST(AccountPage, MemberSignsInSeesTheirToolsAndStaysSignedIn) {
  UiTestServer s("account");
  {
    hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
    HeadlessUi ui(platform);
    ui.frames(3);
    ASSERT_TRUE(ui.tap("登录"));
    fill_sign_in(ui, "m001", "huigong123");
    ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "account/profile"; })) << "never signed in";
    EXPECT_TRUE(ui.has_label("工会会员"));
    EXPECT_TRUE(ui.has_label("我的惠工券"));
    EXPECT_TRUE(ui.has_label("我的预约"));
    EXPECT_FALSE(ui.has_label("核销惠工券"));  // a merchant's tool
  }
  // A restart on the same device: still signed in, the header says 我的.
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(3);
  ASSERT_TRUE(ui.tap("我的"));
  EXPECT_EQ(ui.trace().screen, "account/profile");
  ASSERT_TRUE(ui.tap("退出登录"));
  EXPECT_EQ(ui.trace().screen, "account/sign_in");
}

TEST(AccountPage, AdminSeesTheUnionsTools) {
  UiTestServer s("account");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform);
  ui.frames(3);
  ASSERT_TRUE(ui.tap("登录"));
  fill_sign_in(ui, "admin", "huigong123");
  ASSERT_TRUE(ui.frames_until([&] { return ui.trace().screen == "account/profile"; }));
  EXPECT_TRUE(ui.has_label("工会管理员"));
  EXPECT_TRUE(ui.has_label("活动与结算"));
  EXPECT_TRUE(ui.has_label("驿站管理与评价"));
  EXPECT_FALSE(ui.has_label("我的惠工券"));
}

}  // namespace
