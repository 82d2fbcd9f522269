#include "core/coupons/discount_rule.h"

#include <algorithm>

#include "core/coupons/coupon_errors.h"

namespace hg {

DiscountRule threshold_rule(Fen threshold_fen, Fen off_fen) {
  DiscountRule r;
  r.kind = RuleKind::threshold;
  r.threshold_fen = threshold_fen;
  r.off_fen = off_fen;
  return r;
}

DiscountRule percentage_rule(std::int32_t pay_bp, Fen cap_fen) {
  DiscountRule r;
  r.kind = RuleKind::percentage;
  r.pay_bp = pay_bp;
  r.cap_fen = cap_fen;
  return r;
}

DiscountRule free_up_to_rule(Fen face_fen) {
  DiscountRule r;
  r.kind = RuleKind::free_up_to;
  r.face_fen = face_fen;
  return r;
}

DiscountRule fixed_price_rule(Fen price_fen) {
  DiscountRule r;
  r.kind = RuleKind::fixed_price;
  r.price_fen = price_fen;
  return r;
}

std::optional<Error> validate(const DiscountRule& r) {
  auto bad = [](const char* zh, const char* en) { return coupon_error(CouponErrc::invalid_rule, zh, en); };
  switch (r.kind) {
    case RuleKind::threshold:
      if (r.off_fen <= 0) return bad("减免金额必须大于0", "the amount off must be positive");
      if (r.threshold_fen < r.off_fen || r.threshold_fen > kMaxOrderFen)
        return bad("门槛金额必须不小于减免金额", "the threshold must be at least the amount off");
      return std::nullopt;
    case RuleKind::percentage:
      if (r.pay_bp <= 0 || r.pay_bp >= kFullBp)
        return bad("折扣必须在0折与10折之间", "the rate must be between 0 and 10 折 (exclusive)");
      if (r.cap_fen < 0 || r.cap_fen > kMaxOrderFen) return bad("封顶金额不能为负", "the cap must not be negative");
      return std::nullopt;
    case RuleKind::free_up_to:
      if (r.face_fen <= 0 || r.face_fen > kMaxOrderFen)
        return bad("面值必须大于0", "the face value must be positive");
      return std::nullopt;
    case RuleKind::fixed_price:
      if (r.price_fen < 0 || r.price_fen > kMaxOrderFen) return bad("一口价不能为负", "the fixed price must not be negative");
      return std::nullopt;
  }
  return bad("未知的规则类型", "unknown rule kind");
}

std::optional<Fen> max_discount(const DiscountRule& r) {
  switch (r.kind) {
    case RuleKind::threshold: return r.off_fen;
    case RuleKind::percentage: return r.cap_fen > 0 ? std::optional<Fen>(r.cap_fen) : std::nullopt;
    case RuleKind::free_up_to: return r.face_fen;
    case RuleKind::fixed_price: return std::nullopt;
  }
  return std::nullopt;
}

Fen discount_for(const DiscountRule& r, Fen order_fen) {
  if (order_fen <= 0) return 0;
  switch (r.kind) {
    case RuleKind::threshold: return order_fen >= r.threshold_fen ? std::min(r.off_fen, order_fen) : 0;
    case RuleKind::percentage: {
      // Integer division truncates toward zero; both factors are non-negative, so this
      // is floor: the worker's payable amount rounds down.
      const Fen pays = order_fen * r.pay_bp / kFullBp;
      const Fen off = order_fen - pays;
      return r.cap_fen > 0 ? std::min(off, r.cap_fen) : off;
    }
    case RuleKind::free_up_to: return std::min(order_fen, r.face_fen);
    case RuleKind::fixed_price: return std::max<Fen>(0, order_fen - r.price_fen);
  }
  return 0;
}

}  // namespace hg
