// Price preview (discount, worker pays, merchant and union shares) and refund reversal:
// every figure in fen, every split summing exactly.
#include <gtest/gtest.h>

#include "core/coupons/coupon_errors.h"
#include "core/coupons/price.h"

namespace hg {
namespace {

void expect_sums(const PricePreview& p) {
  EXPECT_EQ(p.worker_pays_fen + p.discount_fen, p.order_fen);
  EXPECT_EQ(p.merchant_fen + p.union_fen, p.discount_fen);
  EXPECT_GE(p.merchant_fen, 0);
  EXPECT_GE(p.union_fen, 0);
  EXPECT_GE(p.worker_pays_fen, 0);
}

TEST(PricePreview, FuelWithFixedMerchantPart) {
  // 满200减30: the station gives ¥10, the union ¥20, the worker pays ¥170 on ¥200.
  auto p = preview_price(threshold_rule(20000, 3000), fixed_split(Funder::merchant, 1000), 20000);
  ASSERT_TRUE(p);
  EXPECT_EQ(p.value().discount_fen, 3000);
  EXPECT_EQ(p.value().worker_pays_fen, 17000);
  EXPECT_EQ(p.value().merchant_fen, 1000);
  EXPECT_EQ(p.value().union_fen, 2000);
  expect_sums(p.value());
}

TEST(PricePreview, BelowThresholdIsATypedRefusal) {
  auto p = preview_price(threshold_rule(20000, 3000), fixed_split(Funder::merchant, 1000), 19999);
  ASSERT_FALSE(p);
  EXPECT_TRUE(is_coupon_error(p.error(), CouponErrc::below_threshold));
  EXPECT_NE(p.error().zh.find("¥200.00"), std::string::npos);
}

TEST(PricePreview, FixedUnionPartWithSmallerDiscount) {
  // The union pays its first ¥5; a ¥3 discount is all union, nothing from the merchant.
  auto p = preview_price(free_up_to_rule(4000), fixed_split(Funder::labour_union, 500), 300);
  ASSERT_TRUE(p);
  EXPECT_EQ(p.value().union_fen, 300);
  EXPECT_EQ(p.value().merchant_fen, 0);
  auto q = preview_price(free_up_to_rule(4000), fixed_split(Funder::labour_union, 500), 5000);
  ASSERT_TRUE(q);
  EXPECT_EQ(q.value().worker_pays_fen, 1000);
  EXPECT_EQ(q.value().union_fen, 500);
  EXPECT_EQ(q.value().merchant_fen, 3500);
  expect_sums(q.value());
}

TEST(PricePreview, SharesRoundTheMerchantDownAndTheUnionTakesTheOddFen) {
  // 7.5折 on ¥0.99: discount 25 fen; merchant 30% = 7.5 → 7, union 18.
  auto p = preview_price(percentage_rule(7500), shares_split(3000, 7000), 99);
  ASSERT_TRUE(p);
  EXPECT_EQ(p.value().discount_fen, 25);
  EXPECT_EQ(p.value().worker_pays_fen, 74);
  EXPECT_EQ(p.value().merchant_fen, 7);
  EXPECT_EQ(p.value().union_fen, 18);
  expect_sums(p.value());
}

TEST(PricePreview, SharesSumExactlyForEveryAmount) {
  const FundingSplit thirds = shares_split(3333, 6667);
  for (Fen order = 1; order <= 3000; ++order) {
    auto p = preview_price(percentage_rule(7700, 1000), thirds, order);
    ASSERT_TRUE(p);
    expect_sums(p.value());
    EXPECT_LE(p.value().discount_fen, 1000);
  }
}

TEST(PricePreview, AllMerchantOrAllUnion) {
  auto m = preview_price(percentage_rule(8000), shares_split(10000, 0), 1234);
  ASSERT_TRUE(m);
  EXPECT_EQ(m.value().union_fen, 0);
  EXPECT_EQ(m.value().merchant_fen, m.value().discount_fen);
  auto u = preview_price(percentage_rule(8000), shares_split(0, 10000), 1234);
  ASSERT_TRUE(u);
  EXPECT_EQ(u.value().merchant_fen, 0);
}

TEST(PricePreview, FreeMovieTicketAboveAndBelowFace) {
  const FundingSplit half = shares_split(5000, 5000);
  auto below = preview_price(free_up_to_rule(4000), half, 3500);
  ASSERT_TRUE(below);
  EXPECT_EQ(below.value().worker_pays_fen, 0);
  EXPECT_EQ(below.value().discount_fen, 3500);
  auto above = preview_price(free_up_to_rule(4000), half, 4550);
  ASSERT_TRUE(above);
  EXPECT_EQ(above.value().worker_pays_fen, 550);
  EXPECT_EQ(above.value().merchant_fen, 2000);
  EXPECT_EQ(above.value().union_fen, 2000);
}

TEST(PricePreview, BadInputIsTypedNotACrash) {
  const FundingSplit ok = shares_split(5000, 5000);
  auto zero = preview_price(percentage_rule(7500), ok, 0);
  ASSERT_FALSE(zero);
  EXPECT_TRUE(is_coupon_error(zero.error(), CouponErrc::invalid_amount));
  auto negative = preview_price(percentage_rule(7500), ok, -100);
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().code, Errc::invalid_input);
  EXPECT_FALSE(preview_price(percentage_rule(7500), ok, kMaxOrderFen + 1));
  auto over = preview_price(percentage_rule(7500), shares_split(6000, 5000), 100);
  ASSERT_FALSE(over);
  EXPECT_TRUE(is_coupon_error(over.error(), CouponErrc::invalid_funding));
  auto under = preview_price(percentage_rule(7500), shares_split(4000, 5000), 100);
  ASSERT_FALSE(under);
  EXPECT_TRUE(is_coupon_error(under.error(), CouponErrc::invalid_funding));
  EXPECT_FALSE(preview_price(percentage_rule(7500), shares_split(-1, 10001), 100));
  EXPECT_FALSE(preview_price(percentage_rule(7500), fixed_split(Funder::merchant, -1), 100));
  auto bad_rule = preview_price(percentage_rule(0), ok, 100);
  ASSERT_FALSE(bad_rule);
  EXPECT_TRUE(is_coupon_error(bad_rule.error(), CouponErrc::invalid_rule));
}

PricePreview sample(Fen order, Fen discount, Fen merchant) {
  PricePreview p;
  p.order_fen = order;
  p.discount_fen = discount;
  p.worker_pays_fen = order - discount;
  p.merchant_fen = merchant;
  p.union_fen = discount - merchant;
  return p;
}

void expect_reversal_sums(const RefundReversal& r) {
  EXPECT_EQ(r.worker_refund_fen + r.discount_reversed_fen, r.order_refunded_fen);
  EXPECT_EQ(r.merchant_reversed_fen + r.union_reversed_fen, r.discount_reversed_fen);
  EXPECT_GE(r.worker_refund_fen, 0);
  EXPECT_GE(r.merchant_reversed_fen, 0);
  EXPECT_GE(r.union_reversed_fen, 0);
}

TEST(RefundReversal, FullRefundReversesEverything) {
  const PricePreview p = sample(20000, 3000, 1000);
  auto r = reverse_refund(p, 0, 20000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().worker_refund_fen, 17000);
  EXPECT_EQ(r.value().merchant_reversed_fen, 1000);
  EXPECT_EQ(r.value().union_reversed_fen, 2000);
}

TEST(RefundReversal, PartialRefundsRoundInTheWorkersFavourAndReconcile) {
  // Order 100 fen, discount 25 (merchant 7, union 18), worker paid 75. Refund 1 fen three
  // times: discount reversed floor(25·c/100) stays 0, so the worker gets each fen back.
  const PricePreview p = sample(100, 25, 7);
  Fen refunded = 0;
  RefundReversal sum;
  for (Fen step : {1, 1, 1, 37, 60}) {
    auto r = reverse_refund(p, refunded, step);
    ASSERT_TRUE(r) << refunded;
    expect_reversal_sums(r.value());
    if (refunded < 3) {
      EXPECT_EQ(r.value().worker_refund_fen, 1);
    }
    refunded += step;
    sum.order_refunded_fen += r.value().order_refunded_fen;
    sum.worker_refund_fen += r.value().worker_refund_fen;
    sum.merchant_reversed_fen += r.value().merchant_reversed_fen;
    sum.union_reversed_fen += r.value().union_reversed_fen;
  }
  EXPECT_EQ(sum.order_refunded_fen, 100);
  EXPECT_EQ(sum.worker_refund_fen, 75);
  EXPECT_EQ(sum.merchant_reversed_fen, 7);
  EXPECT_EQ(sum.union_reversed_fen, 18);
}

TEST(RefundReversal, EveryFenByFenRefundSequenceReconcilesWithNoNegativePart) {
  // The case a naive per-part floor gets wrong: shares whose rounding carries flip.
  const PricePreview cases[] = {sample(10, 6, 5), sample(3, 3, 1), sample(7, 7, 3), sample(97, 41, 13),
                                sample(1, 1, 0), sample(50, 0, 0)};
  for (const PricePreview& p : cases) {
    Fen worker = 0, merchant = 0, onion = 0;
    for (Fen c = 0; c < p.order_fen; ++c) {
      auto r = reverse_refund(p, c, 1);
      ASSERT_TRUE(r);
      expect_reversal_sums(r.value());
      worker += r.value().worker_refund_fen;
      merchant += r.value().merchant_reversed_fen;
      onion += r.value().union_reversed_fen;
    }
    EXPECT_EQ(worker, p.worker_pays_fen);
    EXPECT_EQ(merchant, p.merchant_fen);
    EXPECT_EQ(onion, p.union_fen);
  }
}

TEST(RefundReversal, HalfRefundOfTheFuelOrder) {
  const PricePreview p = sample(20001, 3000, 1000);
  auto r = reverse_refund(p, 0, 10000);
  ASSERT_TRUE(r);
  // discount reversed floor(3000·10000/20001) = 1499; merchant floor(1000·1499/3000) = 499.
  EXPECT_EQ(r.value().discount_reversed_fen, 1499);
  EXPECT_EQ(r.value().worker_refund_fen, 8501);
  EXPECT_EQ(r.value().merchant_reversed_fen, 499);
  EXPECT_EQ(r.value().union_reversed_fen, 1000);
}

TEST(RefundReversal, TooMuchOrBadInputIsTyped) {
  const PricePreview p = sample(20000, 3000, 1000);
  auto over = reverse_refund(p, 15000, 5001);
  ASSERT_FALSE(over);
  EXPECT_TRUE(is_coupon_error(over.error(), CouponErrc::refund_too_large));
  EXPECT_NE(over.error().en.find("¥50.00"), std::string::npos);
  EXPECT_TRUE(reverse_refund(p, 15000, 5000));
  EXPECT_TRUE(is_coupon_error(reverse_refund(p, 0, 0).error(), CouponErrc::invalid_amount));
  EXPECT_TRUE(is_coupon_error(reverse_refund(p, 0, -5).error(), CouponErrc::invalid_amount));
  EXPECT_TRUE(is_coupon_error(reverse_refund(p, -1, 5).error(), CouponErrc::invalid_amount));
  EXPECT_TRUE(is_coupon_error(reverse_refund(p, 20001, 1).error(), CouponErrc::refund_too_large));
  PricePreview broken = p;
  broken.union_fen += 1;  // shares no longer add up
  EXPECT_TRUE(is_coupon_error(reverse_refund(broken, 0, 100).error(), CouponErrc::invalid_amount));
  EXPECT_TRUE(is_coupon_error(reverse_refund(PricePreview{}, 0, 1).error(), CouponErrc::invalid_amount));
}

}  // namespace
}  // namespace hg
