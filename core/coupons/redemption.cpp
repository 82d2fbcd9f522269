#include "core/coupons/redemption.h"

#include "core/coupons/coupon_errors.h"

namespace hg {

Result<Redemption> redeem(const Coupon& coupon, const Batch& batch, const std::string& merchant_id, Fen order_fen,
                          UnixSeconds now, const std::string& redemption_id) {
  if (coupon.batch_id != batch.id || coupon.item_index < 0 ||
      static_cast<std::size_t>(coupon.item_index) >= batch.items.size())
    return coupon_error(CouponErrc::invalid_batch, "券与批次不符", "the coupon does not belong to this batch");
  if (coupon.status == CouponStatus::revoked) return coupon_error(CouponErrc::revoked);
  if (coupon.status != CouponStatus::issued) return coupon_error(CouponErrc::already_used);
  if (now < coupon.valid_from) {
    Error e = coupon_error(CouponErrc::not_valid_yet);
    e.zh += "，" + format_cst(coupon.valid_from) + "起可用";
    e.en += "; usable from " + format_cst(coupon.valid_from);
    return e;
  }
  if (now > coupon.valid_until) return coupon_error(CouponErrc::expired);
  const CouponItem& item = batch.items[static_cast<std::size_t>(coupon.item_index)];
  if (!usable_at(item, merchant_id)) return coupon_error(CouponErrc::wrong_merchant);
  Result<PricePreview> price = preview_price(item.rule, item.funding, order_fen);
  if (!price) return price.error();
  Redemption r;
  r.id = redemption_id;
  r.coupon_id = coupon.id;
  r.batch_id = batch.id;
  r.campaign_id = batch.campaign_id;
  r.member_id = coupon.member_id;
  r.merchant_id = merchant_id;
  r.redeemed_at = now;
  r.price = price.value();
  return r;
}

Result<RefundRecord> refund(const Redemption& r, Fen already_refunded_fen, Fen refund_fen, UnixSeconds now,
                            const std::string& refund_id) {
  Result<RefundReversal> rev = reverse_refund(r.price, already_refunded_fen, refund_fen);
  if (!rev) return rev.error();
  RefundRecord rec;
  rec.id = refund_id;
  rec.redemption_id = r.id;
  rec.merchant_id = r.merchant_id;
  rec.refunded_at = now;
  rec.reversal = rev.value();
  return rec;
}

}  // namespace hg
