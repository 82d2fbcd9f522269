#include "core/coupons/stacking.h"

#include <set>

#include "core/coupons/coupon_errors.h"

namespace hg {

std::optional<Error> check_stacking(const std::vector<StackedCoupon>& coupons) {
  if (coupons.empty())
    return coupon_error(CouponErrc::invalid_amount, "未选择优惠券", "no coupon chosen");
  for (const StackedCoupon& c : coupons)
    if (!c.item) return coupon_error(CouponErrc::invalid_batch, "缺少券信息", "a coupon is missing its rule");
  if (coupons.size() == 1) return std::nullopt;
  std::set<std::string> batches;
  for (const StackedCoupon& c : coupons) {
    if (c.stacking == Stacking::exclusive) return coupon_error(CouponErrc::not_stackable);
    if (!batches.insert(c.batch_id).second)
      return coupon_error(CouponErrc::not_stackable, "同一批次的券不能叠加", "two coupons of one batch");
  }
  return std::nullopt;
}

Result<std::vector<PricePreview>> preview_stacked(const std::vector<StackedCoupon>& coupons, Fen order_fen) {
  if (auto e = check_stacking(coupons)) return *e;
  std::vector<PricePreview> out;
  Fen running = order_fen;
  for (const StackedCoupon& c : coupons) {
    // Once an earlier coupon has made the order free, later ones have nothing to take off.
    if (running == 0 && !out.empty()) return coupon_error(CouponErrc::not_stackable, "订单已无需支付", "nothing left to pay");
    Result<PricePreview> p = preview_price(c.item->rule, c.item->funding, running);
    if (!p) return p.error();
    running = p.value().worker_pays_fen;
    out.push_back(p.value());
  }
  return out;
}

}  // namespace hg
