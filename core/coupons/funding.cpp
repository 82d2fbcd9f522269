#include "core/coupons/funding.h"

#include <algorithm>

#include "core/coupons/coupon_errors.h"
#include "core/coupons/discount_rule.h"

namespace hg {

const char* funder_zh(Funder f) { return f == Funder::merchant ? "商户" : "工会"; }
const char* funder_en(Funder f) { return f == Funder::merchant ? "merchant" : "union"; }

FundingSplit shares_split(std::int32_t merchant_bp, std::int32_t union_bp) {
  FundingSplit s;
  s.mode = FundingMode::shares;
  s.merchant_bp = merchant_bp;
  s.union_bp = union_bp;
  return s;
}

FundingSplit fixed_split(Funder first, Fen fixed_fen) {
  FundingSplit s;
  s.mode = FundingMode::fixed;
  s.fixed_funder = first;
  s.fixed_fen = fixed_fen;
  return s;
}

std::optional<Error> validate(const FundingSplit& s) {
  auto bad = [](const char* zh, const char* en) { return coupon_error(CouponErrc::invalid_funding, zh, en); };
  switch (s.mode) {
    case FundingMode::shares:
      if (s.merchant_bp < 0 || s.union_bp < 0) return bad("分摊比例不能为负", "a share must not be negative");
      if (s.merchant_bp + s.union_bp != kFullBp)
        return bad("商户与工会分摊比例之和必须为100%", "merchant and union shares must add up to exactly 100%");
      return std::nullopt;
    case FundingMode::fixed:
      if (s.fixed_fen < 0 || s.fixed_fen > kMaxOrderFen) return bad("固定出资金额不能为负", "a fixed amount must not be negative");
      if (s.fixed_funder != Funder::merchant && s.fixed_funder != Funder::labour_union)
        return bad("未知的出资方", "unknown funder");
      return std::nullopt;
  }
  return bad("未知的分摊方式", "unknown funding mode");
}

FundedDiscount split_discount(const FundingSplit& s, Fen discount_fen) {
  FundedDiscount f;
  if (discount_fen <= 0) return f;
  if (s.mode == FundingMode::shares) {
    f.merchant_fen = discount_fen * s.merchant_bp / kFullBp;
    f.union_fen = discount_fen - f.merchant_fen;
    return f;
  }
  const Fen first = std::min(s.fixed_fen, discount_fen);
  if (s.fixed_funder == Funder::merchant) {
    f.merchant_fen = first;
    f.union_fen = discount_fen - first;
  } else {
    f.union_fen = first;
    f.merchant_fen = discount_fen - first;
  }
  return f;
}

}  // namespace hg
