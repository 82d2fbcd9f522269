// A coupon batch: what one claim gives (one coupon, or a combo pack of several, each for
// its own merchants), how much stock each period has, when and by whom it can be claimed,
// how long the coupons stay valid and whether they combine with others.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/coupons/campaign.h"
#include "core/coupons/discount_rule.h"
#include "core/coupons/eligibility.h"
#include "core/coupons/funding.h"
#include "core/coupons/schedule.h"
#include "core/error.h"

namespace hg {

// One coupon of a claim. A single-coupon batch has one item; a combo pack (e.g. car wash
// + cinema + gym) has one per merchant group, each redeemable only where it says.
struct CouponItem {
  std::string title_zh, title_en;  // 加油满200减30
  DiscountRule rule;
  FundingSplit funding;
  std::vector<std::string> merchant_ids;  // where it can be used; all from the campaign

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(rule), CEREAL_NVP(funding), CEREAL_NVP(merchant_ids));
  }
};

// Exclusive by default: a coupon paid for by the union should not be layered on another.
enum class Stacking : std::uint8_t { exclusive, stackable };

struct Batch {
  std::string id;
  std::string campaign_id;
  std::string title_zh, title_en;
  std::vector<CouponItem> items;
  StockPolicy stock;  // counts claims (packs), not coupons
  ClaimWindow window;
  MemberLimit limit;
  Eligibility eligibility;
  Validity validity;
  Stacking stacking = Stacking::exclusive;
  // Scarce items (e.g. 7,000 free movie tickets) are drawn by lottery.h, not rushed.
  bool by_lottery = false;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(campaign_id), CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(items),
       CEREAL_NVP(stock), CEREAL_NVP(window), CEREAL_NVP(limit), CEREAL_NVP(eligibility), CEREAL_NVP(validity),
       CEREAL_NVP(stacking), CEREAL_NVP(by_lottery));
  }
};

// Everything that can be checked without the campaign: items, rules, funding, stock,
// limit, window, validity.
std::optional<Error> validate(const Batch& b);
// The same plus: the batch belongs to `c` and every merchant id is one of c's merchants.
std::optional<Error> validate(const Batch& b, const Campaign& c);
bool usable_at(const CouponItem& item, const std::string& merchant_id);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::CouponItem, 1)
CEREAL_CLASS_VERSION(hg::Batch, 1)
