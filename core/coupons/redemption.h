// A merchant redeeming a coupon, and refunds against that redemption. The records carry
// the full fen split, so monthly settlement (settlement.h) only has to add them up.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <string>

#include "core/coupons/batch.h"
#include "core/coupons/coupon.h"
#include "core/coupons/price.h"
#include "core/cst_time.h"
#include "core/error.h"

namespace hg {

struct Redemption {
  std::string id;
  std::string coupon_id;
  std::string batch_id;
  std::string campaign_id;
  std::string member_id;
  std::string merchant_id;
  UnixSeconds redeemed_at = 0;
  PricePreview price;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(coupon_id), CEREAL_NVP(batch_id), CEREAL_NVP(campaign_id), CEREAL_NVP(member_id),
       CEREAL_NVP(merchant_id), CEREAL_NVP(redeemed_at), CEREAL_NVP(price));
  }
};

struct RefundRecord {
  std::string id;
  std::string redemption_id;
  std::string merchant_id;
  UnixSeconds refunded_at = 0;
  RefundReversal reversal;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(redemption_id), CEREAL_NVP(merchant_id), CEREAL_NVP(refunded_at),
       CEREAL_NVP(reversal));
  }
};

// Checks the coupon can be used here and now (issued, within validity — inclusive of the
// last second —, at one of its item's merchants) and prices the order.
Result<Redemption> redeem(const Coupon& coupon, const Batch& batch, const std::string& merchant_id, Fen order_fen,
                          UnixSeconds now, const std::string& redemption_id);

// `already_refunded_fen`: order amount refunded earlier against the same redemption.
Result<RefundRecord> refund(const Redemption& r, Fen already_refunded_fen, Fen refund_fen, UnixSeconds now,
                            const std::string& refund_id);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Redemption, 1)
CEREAL_CLASS_VERSION(hg::RefundRecord, 1)
