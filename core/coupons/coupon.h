// A coupon in a member's wallet. One claim issues one coupon per batch item (a combo pack
// issues several sharing a claim_id); each can be redeemed once, at its item's merchants.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cstdint>
#include <string>

#include "core/cst_time.h"

namespace hg {

enum class CouponStatus : std::uint8_t { issued, redeemed, revoked };

struct Coupon {
  std::string id;
  std::string claim_id;  // shared by the coupons of one combo-pack claim
  std::string batch_id;
  std::string campaign_id;
  std::string member_id;
  std::int32_t item_index = 0;  // which CouponItem of the batch
  std::string stock_key;        // the stock period the claim counted against
  std::string limit_key;        // the member-limit period it counted against
  UnixSeconds claimed_at = 0;
  UnixSeconds valid_from = 0;
  UnixSeconds valid_until = 0;  // inclusive, 23:59:59 CST for day-based validity
  CouponStatus status = CouponStatus::issued;
  UnixSeconds redeemed_at = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(claim_id), CEREAL_NVP(batch_id), CEREAL_NVP(campaign_id), CEREAL_NVP(member_id),
       CEREAL_NVP(item_index), CEREAL_NVP(stock_key), CEREAL_NVP(limit_key), CEREAL_NVP(claimed_at),
       CEREAL_NVP(valid_from), CEREAL_NVP(valid_until), CEREAL_NVP(status), CEREAL_NVP(redeemed_at));
  }
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Coupon, 1)
