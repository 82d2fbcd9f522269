// Whether several coupons can be used on one order, and what the order then costs.
// Exclusive coupons stand alone; stackable ones combine with stackable coupons of OTHER
// batches (two of the same batch would let one member double one subsidy).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/coupons/batch.h"
#include "core/coupons/price.h"
#include "core/error.h"

namespace hg {

struct StackedCoupon {
  std::string batch_id;
  Stacking stacking = Stacking::exclusive;
  const CouponItem* item = nullptr;
};

std::optional<Error> check_stacking(const std::vector<StackedCoupon>& coupons);

// Applies the coupons in the given order, each to what the worker still pays after the
// ones before it (a 满减 threshold is checked against that running amount too). Each
// preview's order_fen is that running amount, so every preview sums exactly on its own
// and the last one's worker_pays_fen is what the worker pays.
Result<std::vector<PricePreview>> preview_stacked(const std::vector<StackedCoupon>& coupons, Fen order_fen);

}  // namespace hg
