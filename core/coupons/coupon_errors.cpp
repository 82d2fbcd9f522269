#include "core/coupons/coupon_errors.h"

#include <string_view>

namespace hg {

namespace {
struct Text {
  CouponErrc reason;
  Errc code;
  const char* zh;
  const char* en;
};
constexpr Text kTexts[] = {
    {CouponErrc::not_open_yet, Errc::conflict, "还未开抢", "Claiming has not opened yet"},
    {CouponErrc::window_closed, Errc::conflict, "本期领取已结束", "Claiming has closed for this period"},
    {CouponErrc::sold_out, Errc::conflict, "本期已抢光，下期再来", "All gone for this period; try next period"},
    {CouponErrc::limit_reached, Errc::conflict, "您本期已领过，每人限领", "You have reached your limit for this period"},
    {CouponErrc::not_eligible, Errc::forbidden, "该券不面向您所在的会员群体",
     "This coupon is not offered to your member group"},
    {CouponErrc::not_valid_yet, Errc::conflict, "该券尚未到使用时间", "This coupon cannot be used yet"},
    {CouponErrc::expired, Errc::conflict, "该券已过期", "This coupon has expired"},
    {CouponErrc::already_used, Errc::conflict, "该券已使用", "This coupon has already been used"},
    {CouponErrc::revoked, Errc::conflict, "该券已作废", "This coupon has been withdrawn"},
    {CouponErrc::wrong_merchant, Errc::forbidden, "该券不能在本商户使用", "This coupon cannot be used at this merchant"},
    {CouponErrc::below_threshold, Errc::conflict, "订单金额未达到使用门槛", "The order is below the coupon's threshold"},
    {CouponErrc::not_stackable, Errc::conflict, "该券不能与其他优惠券同时使用",
     "This coupon cannot be combined with other coupons"},
    {CouponErrc::refund_too_large, Errc::invalid_input, "退款金额超过可退金额",
     "The refund is more than what is left to refund"},
    {CouponErrc::registration_closed, Errc::conflict, "不在报名时间内", "Registration is not open"},
    {CouponErrc::seed_not_revealed, Errc::conflict, "抽签种子尚未公布", "The draw seed has not been revealed yet"},
    {CouponErrc::seed_mismatch, Errc::conflict, "公布的种子与事先公示的承诺值不符",
     "The revealed seed does not match the published commitment"},
    {CouponErrc::invalid_rule, Errc::invalid_input, "优惠规则设置有误", "The discount rule is not set up correctly"},
    {CouponErrc::invalid_funding, Errc::invalid_input, "出资分摊设置有误", "The funding split is not set up correctly"},
    {CouponErrc::invalid_batch, Errc::invalid_input, "券批次设置有误", "The coupon batch is not set up correctly"},
    {CouponErrc::invalid_campaign, Errc::invalid_input, "活动设置有误", "The campaign is not set up correctly"},
    {CouponErrc::invalid_amount, Errc::invalid_input, "金额有误", "The amount is not valid"},
    {CouponErrc::invalid_lottery, Errc::invalid_input, "抽签设置有误", "The lottery is not set up correctly"},
};

const Text& text(CouponErrc reason) {
  for (const Text& t : kTexts)
    if (t.reason == reason) return t;
  return kTexts[0];
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
}  // namespace

Error coupon_error(CouponErrc reason) {
  const Text& t = text(reason);
  return make_error(t.code, t.zh, t.en);
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
  return e.code == t.code && starts_with(e.zh, t.zh) && starts_with(e.en, t.en);
}

}  // namespace hg
