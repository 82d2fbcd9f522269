#include "core/coupons/price.h"

#include <string>

#include "core/coupons/coupon_errors.h"

namespace hg {

Result<PricePreview> preview_price(const DiscountRule& rule, const FundingSplit& funding, Fen order_fen) {
  if (order_fen <= 0 || order_fen > kMaxOrderFen)
    return coupon_error(CouponErrc::invalid_amount, "订单金额必须大于0", "the order amount must be positive");
  if (auto e = validate(rule)) return *e;
  if (auto e = validate(funding)) return *e;
  if (rule.kind == RuleKind::threshold && order_fen < rule.threshold_fen) {
    return coupon_error(CouponErrc::below_threshold, "满" + format_yuan(rule.threshold_fen) + "可用",
                        "needs an order of at least " + format_yuan(rule.threshold_fen));
  }
  PricePreview p;
  p.order_fen = order_fen;
  p.discount_fen = discount_for(rule, order_fen);
  p.worker_pays_fen = order_fen - p.discount_fen;
  const FundedDiscount f = split_discount(funding, p.discount_fen);
  p.merchant_fen = f.merchant_fen;
  p.union_fen = f.union_fen;
  return p;
}

namespace {
struct Cumulative {
  Fen discount = 0, merchant = 0;
};
Cumulative reversed_at(const PricePreview& o, Fen refunded) {
  Cumulative c;
  c.discount = o.discount_fen * refunded / o.order_fen;
  c.merchant = o.discount_fen == 0 ? 0 : o.merchant_fen * c.discount / o.discount_fen;
  return c;
}
}  // namespace

Result<RefundReversal> reverse_refund(const PricePreview& o, Fen already_refunded_fen, Fen refund_fen) {
  const bool consistent = o.order_fen > 0 && o.order_fen <= kMaxOrderFen && o.discount_fen >= 0 &&
                          o.discount_fen <= o.order_fen && o.merchant_fen >= 0 && o.union_fen >= 0 &&
                          o.merchant_fen + o.union_fen == o.discount_fen &&
                          o.worker_pays_fen == o.order_fen - o.discount_fen;
  if (!consistent)
    return coupon_error(CouponErrc::invalid_amount, "原订单金额不一致", "the original amounts do not add up");
  if (refund_fen <= 0 || already_refunded_fen < 0)
    return coupon_error(CouponErrc::invalid_amount, "退款金额必须大于0", "the refund must be positive");
  if (already_refunded_fen > o.order_fen || refund_fen > o.order_fen - already_refunded_fen) {
    const Fen left = already_refunded_fen > o.order_fen ? 0 : o.order_fen - already_refunded_fen;
    return coupon_error(CouponErrc::refund_too_large, "最多可退" + format_yuan(left),
                        "at most " + format_yuan(left) + " can be refunded");
  }
  const Cumulative before = reversed_at(o, already_refunded_fen);
  const Cumulative after = reversed_at(o, already_refunded_fen + refund_fen);
  RefundReversal r;
  r.order_refunded_fen = refund_fen;
  r.discount_reversed_fen = after.discount - before.discount;
  r.merchant_reversed_fen = after.merchant - before.merchant;
  r.union_reversed_fen = r.discount_reversed_fen - r.merchant_reversed_fen;
  r.worker_refund_fen = refund_fen - r.discount_reversed_fen;
  return r;
}

}  // namespace hg
