// Redeeming a coupon (validity to the last CST second, merchant, single use), refunds
// against a redemption, and stacking.
#include <gtest/gtest.h>

#include "core/coupons/claim.h"
#include "core/coupons/redemption.h"
#include "core/coupons/stacking.h"
#include "fixtures.h"

namespace hg {
namespace {
using test::cst;

Coupon fuel_coupon() {
  IdGenerator ids(1);
  return issue_coupons(test::fuel_batch(), "MEM-RIDER", cst(2026, 12, 1, 10), ids)[0];
}

TEST(Redeem, ValidUntilTheLastSecondOfTheCstDay) {
  const Batch b = test::fuel_batch();
  const Coupon c = fuel_coupon();
  ASSERT_EQ(c.valid_until, cst(2026, 12, 30, 23, 59, 59));
  auto last = redeem(c, b, "M-SINOPEC-1", 25000, cst(2026, 12, 30, 23, 59, 59), "R1");
  ASSERT_TRUE(last);
  EXPECT_EQ(last.value().price.discount_fen, 3000);
  EXPECT_EQ(last.value().price.worker_pays_fen, 22000);
  EXPECT_EQ(last.value().merchant_id, "M-SINOPEC-1");
  EXPECT_EQ(last.value().member_id, "MEM-RIDER");
  auto late = redeem(c, b, "M-SINOPEC-1", 25000, cst(2026, 12, 31), "R2");
  ASSERT_FALSE(late);
  EXPECT_TRUE(is_coupon_error(late.error(), CouponErrc::expired));
  auto early = redeem(c, b, "M-SINOPEC-1", 25000, cst(2026, 12, 1, 9), "R3");
  ASSERT_FALSE(early);
  EXPECT_TRUE(is_coupon_error(early.error(), CouponErrc::not_valid_yet));
}

TEST(Redeem, OnlyAtItsMerchantsOnlyOnceAndAboveThreshold) {
  const Batch b = test::fuel_batch();
  Coupon c = fuel_coupon();
  const UnixSeconds t = cst(2026, 12, 5);
  EXPECT_TRUE(is_coupon_error(redeem(c, b, "M-CINEMA", 25000, t, "R").error(), CouponErrc::wrong_merchant));
  EXPECT_TRUE(is_coupon_error(redeem(c, b, "M-SINOPEC-2", 19999, t, "R").error(), CouponErrc::below_threshold));
  EXPECT_TRUE(redeem(c, b, "M-SINOPEC-2", 20000, t, "R"));
  EXPECT_TRUE(is_coupon_error(redeem(c, b, "M-SINOPEC-2", -1, t, "R").error(), CouponErrc::invalid_amount));
  c.status = CouponStatus::redeemed;
  EXPECT_TRUE(is_coupon_error(redeem(c, b, "M-SINOPEC-2", 20000, t, "R").error(), CouponErrc::already_used));
  c.status = CouponStatus::revoked;
  EXPECT_TRUE(is_coupon_error(redeem(c, b, "M-SINOPEC-2", 20000, t, "R").error(), CouponErrc::revoked));
  c = fuel_coupon();
  c.item_index = 5;
  EXPECT_TRUE(is_coupon_error(redeem(c, b, "M-SINOPEC-2", 20000, t, "R").error(), CouponErrc::invalid_batch));
}

TEST(Refund, RecordsTheReversalAgainstTheRedemption) {
  const Batch b = test::fuel_batch();
  auto r = redeem(fuel_coupon(), b, "M-SINOPEC-1", 30000, cst(2026, 12, 5), "R1");
  ASSERT_TRUE(r);
  auto part = refund(r.value(), 0, 10000, cst(2026, 12, 6), "F1");
  ASSERT_TRUE(part);
  EXPECT_EQ(part.value().redemption_id, "R1");
  EXPECT_EQ(part.value().merchant_id, "M-SINOPEC-1");
  EXPECT_EQ(part.value().reversal.discount_reversed_fen, 1000);
  EXPECT_EQ(part.value().reversal.worker_refund_fen, 9000);
  auto rest = refund(r.value(), 10000, 20000, cst(2026, 12, 7), "F2");
  ASSERT_TRUE(rest);
  EXPECT_EQ(part.value().reversal.worker_refund_fen + rest.value().reversal.worker_refund_fen, 27000);
  EXPECT_EQ(part.value().reversal.merchant_reversed_fen + rest.value().reversal.merchant_reversed_fen, 1000);
  EXPECT_EQ(part.value().reversal.union_reversed_fen + rest.value().reversal.union_reversed_fen, 2000);
  EXPECT_TRUE(is_coupon_error(refund(r.value(), 30000, 1, 0, "F3").error(), CouponErrc::refund_too_large));
}

TEST(Stacking, ExclusiveByDefault) {
  const Batch fuel = test::fuel_batch();
  EXPECT_EQ(fuel.stacking, Stacking::exclusive);
  Batch ride = test::fuel_batch();
  ride.id = "B-RIDE";
  ride.stacking = Stacking::stackable;
  ride.items[0].rule = percentage_rule(8000, 1500);
  ride.items[0].funding = shares_split(5000, 5000);
  const StackedCoupon one{fuel.id, fuel.stacking, &fuel.items[0]};
  const StackedCoupon two{ride.id, ride.stacking, &ride.items[0]};
  EXPECT_FALSE(check_stacking({one}));
  auto e = check_stacking({one, two});
  ASSERT_TRUE(e);
  EXPECT_TRUE(is_coupon_error(*e, CouponErrc::not_stackable));
  EXPECT_TRUE(check_stacking({two, two}));  // same batch twice
  EXPECT_TRUE(check_stacking({}));
  EXPECT_TRUE(check_stacking({StackedCoupon{"B", Stacking::exclusive, nullptr}}));
}

TEST(Stacking, StackableCouponsApplyInTurn) {
  Batch a = test::fuel_batch();
  a.stacking = Stacking::stackable;
  Batch b = a;
  b.id = "B-OTHER";
  b.items[0].rule = percentage_rule(9000);
  b.items[0].funding = shares_split(10000, 0);
  auto p = preview_stacked({{a.id, a.stacking, &a.items[0]}, {b.id, b.stacking, &b.items[0]}}, 25000);
  ASSERT_TRUE(p);
  ASSERT_EQ(p.value().size(), 2u);
  EXPECT_EQ(p.value()[0].worker_pays_fen, 22000);
  EXPECT_EQ(p.value()[1].order_fen, 22000);
  EXPECT_EQ(p.value()[1].worker_pays_fen, 19800);
  // The 满减 threshold applies to the running amount: 9折 first leaves ¥198, under ¥200.
  auto q = preview_stacked({{b.id, b.stacking, &b.items[0]}, {a.id, a.stacking, &a.items[0]}}, 22000);
  ASSERT_FALSE(q);
  EXPECT_TRUE(is_coupon_error(q.error(), CouponErrc::below_threshold));
}

}  // namespace
}  // namespace hg
