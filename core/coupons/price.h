// Price preview and refund reversal: every figure in fen, every split summing exactly.
//
// Preview: discount from the rule (see discount_rule.h for its rounding), split between
// merchant and union (funding.h), worker pays order − discount.
//
// Refund reversal, full or partial, possibly several partial refunds of one order. Each
// part is computed from the CUMULATIVE refunded order amount c, then differenced, so the
// refunds of one order always add up to the original figures once c reaches the order:
//   discount reversed so far = floor(discount × c / order)      — rounds down
//   worker refunded so far   = c − that = ceil(worker_paid × c / order) — worker's favour
//   merchant reversed so far = floor(merchant × discount_reversed / discount)
//   union reversed so far    = discount reversed − merchant reversed (the odd fen again)
// Each running figure only grows with c, so no single refund ever shows a negative part,
// and worker + merchant + union reversal = the refunded order amount, to the fen.
#pragma once
#include <cereal/cereal.hpp>

#include "core/coupons/discount_rule.h"
#include "core/coupons/funding.h"
#include "core/error.h"
#include "core/money.h"

namespace hg {

struct PricePreview {
  Fen order_fen = 0;
  Fen discount_fen = 0;
  Fen worker_pays_fen = 0;
  Fen merchant_fen = 0;  // discount the merchant gives up
  Fen union_fen = 0;     // discount the union pays the merchant

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(order_fen), CEREAL_NVP(discount_fen), CEREAL_NVP(worker_pays_fen), CEREAL_NVP(merchant_fen),
       CEREAL_NVP(union_fen));
  }
};

// Errors: invalid_amount (order <= 0 or above kMaxOrderFen), invalid_rule, invalid_funding,
// below_threshold (a 满减 order under X: the coupon does not apply, the client says so).
Result<PricePreview> preview_price(const DiscountRule& rule, const FundingSplit& funding, Fen order_fen);

struct RefundReversal {
  Fen order_refunded_fen = 0;   // the part of the order being returned
  Fen worker_refund_fen = 0;    // money back to the worker
  Fen discount_reversed_fen = 0;
  Fen merchant_reversed_fen = 0;
  Fen union_reversed_fen = 0;   // the union no longer pays the merchant this

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(order_refunded_fen), CEREAL_NVP(worker_refund_fen), CEREAL_NVP(discount_reversed_fen),
       CEREAL_NVP(merchant_reversed_fen), CEREAL_NVP(union_reversed_fen));
  }
};

// `already_refunded_fen`: order amount refunded by earlier refunds of the same redemption.
// Errors: invalid_amount (non-positive refund, inconsistent original), refund_too_large.
Result<RefundReversal> reverse_refund(const PricePreview& original, Fen already_refunded_fen, Fen refund_fen);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::PricePreview, 1)
CEREAL_CLASS_VERSION(hg::RefundReversal, 1)
