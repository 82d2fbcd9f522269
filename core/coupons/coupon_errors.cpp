#include "core/coupons/coupon_errors.h"

#include "core/coupons/wire.h"

namespace hg {

namespace {
struct Text {
  CouponErrc reason;
  Errc code;
  const char* key;  // Error::reason: the refusal word on the wire where there is one
  const char* zh;
  const char* en;
};
constexpr Text kTexts[] = {
    {CouponErrc::not_open_yet, Errc::conflict, refusal::kNotOpenYet, "还未开抢", "Claiming has not opened yet"},
    {CouponErrc::window_closed, Errc::conflict, refusal::kClosed, "本期领取已结束", "Claiming has closed for this period"},
    {CouponErrc::sold_out, Errc::conflict, refusal::kSoldOut, "本期已抢光，下期再来", "All gone for this period; try next period"},
    {CouponErrc::limit_reached, Errc::conflict, refusal::kLimitReached, "您本期已领过，每人限领", "You have reached your limit for this period"},
    {CouponErrc::not_eligible, Errc::forbidden, refusal::kNotEligible, "该券不面向您所在的会员群体",
     "This coupon is not offered to your member group"},
    {CouponErrc::not_valid_yet, Errc::conflict, refusal::kNotValidYet, "该券尚未到使用时间", "This coupon cannot be used yet"},
    {CouponErrc::expired, Errc::conflict, refusal::kExpired, "该券已过期", "This coupon has expired"},
    {CouponErrc::already_used, Errc::conflict, refusal::kAlreadyUsed, "该券已使用", "This coupon has already been used"},
    {CouponErrc::revoked, Errc::conflict, refusal::kRevoked, "该券已作废", "This coupon has been withdrawn"},
    {CouponErrc::wrong_merchant, Errc::forbidden, refusal::kWrongMerchant, "该券不能在本商户使用", "This coupon cannot be used at this merchant"},
    {CouponErrc::below_threshold, Errc::conflict, refusal::kBelowThreshold, "订单金额未达到使用门槛", "The order is below the coupon's threshold"},
    {CouponErrc::not_stackable, Errc::conflict, "not_stackable", "该券不能与其他优惠券同时使用",
     "This coupon cannot be combined with other coupons"},
    {CouponErrc::refund_too_large, Errc::invalid_input, refusal::kRefundTooLarge, "退款金额超过可退金额",
     "The refund is more than what is left to refund"},
    {CouponErrc::registration_closed, Errc::conflict, refusal::kRegistrationClosed, "不在报名时间内", "Registration is not open"},
    {CouponErrc::seed_not_revealed, Errc::conflict, "seed_not_revealed", "抽签种子尚未公布", "The draw seed has not been revealed yet"},
    {CouponErrc::seed_mismatch, Errc::conflict, "seed_mismatch", "公布的种子与事先公示的承诺值不符",
     "The revealed seed does not match the published commitment"},
    {CouponErrc::invalid_rule, Errc::invalid_input, "invalid_rule", "优惠规则设置有误", "The discount rule is not set up correctly"},
    {CouponErrc::invalid_funding, Errc::invalid_input, "invalid_funding", "出资分摊设置有误", "The funding split is not set up correctly"},
    {CouponErrc::invalid_batch, Errc::invalid_input, "invalid_batch", "券批次设置有误", "The coupon batch is not set up correctly"},
    {CouponErrc::invalid_campaign, Errc::invalid_input, "invalid_campaign", "活动设置有误", "The campaign is not set up correctly"},
    {CouponErrc::invalid_amount, Errc::invalid_input, "invalid_amount", "金额有误", "The amount is not valid"},
    {CouponErrc::invalid_lottery, Errc::invalid_input, "invalid_lottery", "抽签设置有误", "The lottery is not set up correctly"},
};

const Text& text(CouponErrc reason) {
  for (const Text& t : kTexts)
    if (t.reason == reason) return t;
  return kTexts[0];
}

}  // namespace

const char* coupon_reason(CouponErrc reason) { return text(reason).key; }

Error coupon_error(CouponErrc reason) {
  const Text& t = text(reason);
  return make_error(t.code, t.zh, t.en, t.key);
}

Error coupon_error(CouponErrc reason, const std::string& zh_detail, const std::string& en_detail) {
  Error e = coupon_error(reason);
  e.zh += "：" + zh_detail;
  e.en += ": " + en_detail;
  return e;
}

Error not_open_yet_error(UnixSeconds opens_at) {
  Error e = coupon_error(CouponErrc::not_open_yet);
  const std::string when = format_cst(opens_at);
  e.zh += "，开抢时间：" + when + "（北京时间）";
  e.en += "; opens " + when + " (China time)";
  return e;
}

bool is_coupon_error(const Error& e, CouponErrc reason) {
  const Text& t = text(reason);
  return e.code == t.code && e.reason == t.key;
}

}  // namespace hg
