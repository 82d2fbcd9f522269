// The coupon screens' words: rules as spoken, the 12-digit code's grouping and what a
// cashier may paste, and the server clock the countdowns use.
#include <gtest/gtest.h>

#include "core/coupons/discount_rule.h"
#include "core/cst_time.h"
#include "ui/coupons/coupon_text.h"
#include "ui/coupons/coupons_api.h"

namespace {

using namespace hg;
using namespace hg::ui::coupons;
using hg::ui::Lang;

TEST(CouponText, RulesReadAsTheUnionWritesThem) {
  EXPECT_EQ(rule_text(threshold_rule(20000, 3000), Lang::zh), "满200减30");
  EXPECT_EQ(rule_text(threshold_rule(20000, 3000), Lang::en), "¥30 off ¥200");
  EXPECT_EQ(rule_text(threshold_rule(9950, 1025), Lang::zh), "满99.50减10.25");
  EXPECT_EQ(rule_text(percentage_rule(7500, 1500), Lang::zh), "7.5折 最高减¥15");
  EXPECT_EQ(rule_text(percentage_rule(7500, 1500), Lang::en), "25% off, up to ¥15");
  EXPECT_EQ(rule_text(percentage_rule(8000), Lang::zh), "8折");
  EXPECT_EQ(rule_text(percentage_rule(8850), Lang::zh), "8.85折");
  EXPECT_EQ(rule_text(percentage_rule(8850), Lang::en), "11.5% off");
  EXPECT_EQ(rule_text(free_up_to_rule(4000), Lang::zh), "免费，面值¥40以内");
  EXPECT_EQ(rule_text(fixed_price_rule(10000), Lang::en), "Pay only ¥100");
}

TEST(CouponText, HeadlineFigures) {
  EXPECT_EQ(rule_headline(threshold_rule(20000, 3000), Lang::zh).figure, "30");
  EXPECT_EQ(rule_headline(threshold_rule(20000, 3000), Lang::zh).unit, "元");
  EXPECT_EQ(rule_headline(percentage_rule(7500), Lang::zh).figure, "7.5");
  EXPECT_EQ(rule_headline(percentage_rule(7500), Lang::en).figure, "25%");
  EXPECT_EQ(rule_headline(fixed_price_rule(9990), Lang::zh).figure, "¥99.90");
}

TEST(CouponText, CodesGroupAndPaste) {
  EXPECT_EQ(group_digits("123456789012"), "1234 5678 9012");
  EXPECT_EQ(group_digits("12345"), "1234 5");
  EXPECT_EQ(code_digits(" 1234 5678-9012 ").value(), "123456789012");
  EXPECT_EQ(code_digits("1234\xE3\x80\x80" "5678").value(), "12345678");  // full-width space from an IME
  EXPECT_EQ(code_digits("").value(), "");
  EXPECT_FALSE(code_digits("1234O678").has_value()) << "a letter O is a typo, not noise";
  EXPECT_FALSE(code_digits("12.34").has_value());
}

TEST(ServerClock, CountsDownOnTheServersClockNotTheDevices) {
  ServerClock c;
  EXPECT_FALSE(c.known());
  // The device runs 5 minutes fast: its 10:05 is the server's 10:00.
  const UnixSeconds server = *parse_cst("2026-12-01 09:59:00");
  const std::int64_t device_ms = (server + 300) * 1000;
  c.sync(server, device_ms);
  ASSERT_TRUE(c.known());
  EXPECT_EQ(c.now(device_ms), server);
  const UnixSeconds opens = *parse_cst("2026-12-01 10:00:00");
  EXPECT_EQ(c.until(opens, device_ms), 60);
  EXPECT_EQ(c.until(opens, device_ms + 59'000), 1);
  EXPECT_LE(c.until(opens, device_ms + 60'000), 0) << "open when the server says so";
  c.sync(0, device_ms);  // an answer without a time changes nothing
  EXPECT_EQ(c.now(device_ms), server);
}

}  // namespace
