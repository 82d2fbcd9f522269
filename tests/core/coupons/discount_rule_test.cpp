// Each rule kind at its boundary amounts, and the percentage rounding rule.
#include <gtest/gtest.h>

#include "core/coupons/coupon_errors.h"
#include "core/coupons/discount_rule.h"

namespace hg {
namespace {

TEST(ThresholdRule, FuelManTwoHundredJianThirtyAtTheEdge) {
  const DiscountRule r = threshold_rule(20000, 3000);
  EXPECT_EQ(discount_for(r, 19999), 0);
  EXPECT_EQ(discount_for(r, 20000), 3000);
  EXPECT_EQ(discount_for(r, 20001), 3000);
  EXPECT_EQ(discount_for(r, 100000), 3000);  // not 每满: one reduction
  EXPECT_EQ(max_discount(r), 3000);
}

TEST(PercentageRule, SevenPointFiveZheIsBasisPointsOfWhatTheWorkerPays) {
  const DiscountRule r = percentage_rule(7500);
  EXPECT_EQ(discount_for(r, 10000), 2500);
  EXPECT_EQ(discount_for(r, 4000), 1000);
  EXPECT_FALSE(max_discount(r).has_value());
}

TEST(PercentageRule, WorkerPaysRoundedDownSoTheDiscountRoundsUp) {
  const DiscountRule r = percentage_rule(7500);
  // 99 fen × 0.75 = 74.25 → pays 74, discount 25.
  EXPECT_EQ(discount_for(r, 99), 25);
  // 1 fen × 0.75 = 0.75 → pays 0: the worker's favour even at one fen.
  EXPECT_EQ(discount_for(r, 1), 1);
  // 8.8折 on 333 fen = 293.04 → pays 293, discount 40.
  EXPECT_EQ(discount_for(percentage_rule(8800), 333), 40);
  // 7.25折 on 101 fen = 73.225 → pays 73.
  EXPECT_EQ(discount_for(percentage_rule(7250), 101), 28);
}

TEST(PercentageRule, CapLimitsTheDiscountExactlyAtTheEdge) {
  const DiscountRule r = percentage_rule(8000, 1500);  // 8折, at most ¥15 off
  EXPECT_EQ(discount_for(r, 7499), 1500);  // 1499.8 → pays 5999, off 1500 (rounded up, at cap)
  EXPECT_EQ(discount_for(r, 7495), 1499);  // pays 5996, off 1499
  EXPECT_EQ(discount_for(r, 7500), 1500);
  EXPECT_EQ(discount_for(r, 7505), 1500);
  EXPECT_EQ(discount_for(r, 100000), 1500);
  EXPECT_EQ(max_discount(r), 1500);
}

TEST(FreeUpToRule, CoversUpToTheFaceValueAndTheWorkerPaysTheExcess) {
  const DiscountRule r = free_up_to_rule(4000);  // a ¥40 movie ticket
  EXPECT_EQ(discount_for(r, 3999), 3999);        // below face: free
  EXPECT_EQ(discount_for(r, 4000), 4000);        // at face: free
  EXPECT_EQ(discount_for(r, 4001), 4000);        // above: pays 1 fen
  EXPECT_EQ(discount_for(r, 6500), 4000);
}

TEST(FixedPriceRule, HalfPriceAnnualPass) {
  const DiscountRule r = fixed_price_rule(10000);  // ¥200 pass for ¥100
  EXPECT_EQ(discount_for(r, 20000), 10000);
  EXPECT_EQ(discount_for(r, 10001), 1);
  EXPECT_EQ(discount_for(r, 10000), 0);
  EXPECT_EQ(discount_for(r, 8000), 0);  // already cheaper than the fixed price
  EXPECT_EQ(discount_for(fixed_price_rule(0), 500), 500);
}

TEST(DiscountRule, NoOrderNoDiscount) {
  EXPECT_EQ(discount_for(free_up_to_rule(4000), 0), 0);
  EXPECT_EQ(discount_for(percentage_rule(7500), -5), 0);
}

TEST(DiscountRule, LargestOrderDoesNotOverflow) {
  EXPECT_EQ(discount_for(percentage_rule(1), kMaxOrderFen), kMaxOrderFen - kMaxOrderFen / 10000);
}

TEST(DiscountRuleValidation, RejectsNonsense) {
  auto rejected = [](const DiscountRule& r) {
    auto e = validate(r);
    return e && is_coupon_error(*e, CouponErrc::invalid_rule) && e->code == Errc::invalid_input;
  };
  EXPECT_TRUE(rejected(threshold_rule(20000, 0)));
  EXPECT_TRUE(rejected(threshold_rule(20000, -3000)));
  EXPECT_TRUE(rejected(threshold_rule(2000, 3000)));  // more off than the threshold
  EXPECT_TRUE(rejected(percentage_rule(0)));
  EXPECT_TRUE(rejected(percentage_rule(10000)));
  EXPECT_TRUE(rejected(percentage_rule(12000)));
  EXPECT_TRUE(rejected(percentage_rule(7500, -1)));
  EXPECT_TRUE(rejected(free_up_to_rule(0)));
  EXPECT_TRUE(rejected(fixed_price_rule(-1)));
  DiscountRule unknown;
  unknown.kind = static_cast<RuleKind>(9);
  EXPECT_TRUE(rejected(unknown));
  EXPECT_FALSE(validate(threshold_rule(3000, 3000)));
  EXPECT_FALSE(validate(percentage_rule(7500, 0)));
  EXPECT_FALSE(validate(fixed_price_rule(0)));
}

TEST(DiscountRuleValidation, MessagesAreBilingual) {
  auto e = validate(threshold_rule(20000, 0));
  ASSERT_TRUE(e);
  EXPECT_NE(e->zh.find("优惠规则"), std::string::npos);
  EXPECT_NE(e->en.find("discount rule"), std::string::npos);
}

}  // namespace
}  // namespace hg
