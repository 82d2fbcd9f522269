// The health-check flow on a phone-sized screen (375 × 667): each step (clinic, date, time,
// confirm) appears below the one just chosen, where it would be out of sight; the page
// scrolls it into view, so its first item can be tapped where it is.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "headless.h"
#include "native/native_platform.h"
#include "sign_in.h"
#include "tests/ui/test_server.h"
#include "tests/ui/trace_checks.h"
#include "ui/trace.h"

namespace {

using hg::ui::Screen;

constexpr float kWidth = 375, kHeight = 667;
constexpr float kHeader = 60;  // the fixed header above the scrolling page (ui/app.cpp)

// The item labelled `label` lies wholly inside the visible part of the page.
::testing::AssertionResult in_view(const std::string& label) {
  const hg::ui::TracedItem* item = hg::ui::find_item(label);
  if (!item) return ::testing::AssertionFailure() << "no item " << label;
  if (item->y < kHeader || item->y + item->h > kHeight)
    return ::testing::AssertionFailure() << label << " is at y " << item->y << "-" << item->y + item->h
                                         << ", outside " << kHeader << "-" << kHeight;
  return ::testing::AssertionSuccess();
}

TEST(BookingsHealthSteps, EachNewStepIsScrolledIntoView) {
  UiTestServer s("bookings-steps");
  hg::native::NativePlatform platform(s.url(), s.device_dir(), hg::test::test_clock_ms());
  HeadlessUi ui(platform, kWidth, kHeight);
  ui.frames(2);
  sign_in(ui, "m001");
  ui.app().go(Screen::bookings, "health");
  ASSERT_TRUE(ui.frames_until([&] { return ui.has_label("1 选择套餐"); }));

  ASSERT_TRUE(ui.tap("基础体检套餐 ¥465（自付 ¥100）"));
  ui.frames(2);
  ASSERT_TRUE(ui.has_label("2 选择体检机构"));
  const std::string clinic = item_matching(ui, std::regex(".*(中心|体检科|体检站)"));
  ASSERT_FALSE(clinic.empty()) << "no clinics";
  EXPECT_TRUE(in_view(clinic));
  ASSERT_TRUE(ui.tap(clinic));
  ui.frames(2);

  const std::string day = item_matching(ui, std::regex("[0-9]+月[0-9]+日 周.*"));
  ASSERT_FALSE(day.empty()) << "no dates";
  EXPECT_TRUE(in_view(day));
  ASSERT_TRUE(ui.tap(day));
  ui.frames(2);

  // The date chosen: the first time window is in view.
  const std::string time = item_matching(ui, std::regex("[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}  .*"));
  ASSERT_FALSE(time.empty()) << "no time windows";
  EXPECT_TRUE(in_view(time));
  ASSERT_TRUE(ui.tap(time));
  ui.frames(2);

  EXPECT_TRUE(ui.has_label("5 确认预约"));
  EXPECT_TRUE(in_view("确认预约"));
}

}  // namespace
