// How much a coupon takes off an order: the four rule kinds the union's campaigns use.
//
// Percentages are basis points of the price the worker pays (10000 = full price), because
// that is how 折 is spoken: 7.5折 = 7500, 8.8折 = 8800. Per-mille would cover 7.5折 but
// not a merchant's 8.85折, and funding shares use basis points too, so one unit serves both.
//
// Rounding (percentage only; the other kinds are whole fen already): the worker's payable
// amount is rounded DOWN to the fen, i.e. the discount is rounded up, in the worker's
// favour. ¥0.99 at 7.5折 = 74.25 fen → the worker pays 74 fen, the discount is 25 fen.
// A cap then limits the discount.
#pragma once
#include <cereal/cereal.hpp>
#include <cstdint>
#include <optional>

#include "core/error.h"
#include "core/money.h"

namespace hg {

constexpr std::int32_t kFullBp = 10000;
// Largest order the rules accept (¥10 million): keeps every product below 2^63.
constexpr Fen kMaxOrderFen = 1'000'000'000;

enum class RuleKind : std::uint8_t {
  threshold,    // 满X减Y: an order of at least X gets Y off (fuel 满200减30)
  percentage,   // X折, optionally capped (ride-hailing 7.5折 up to ¥15)
  free_up_to,   // free up to a face value; the worker pays any excess (movie ticket, car wash)
  fixed_price,  // the worker pays a fixed price (half-price annual pass ¥100 instead of ¥200)
};

struct DiscountRule {
  RuleKind kind = RuleKind::threshold;
  Fen threshold_fen = 0;        // threshold: X
  Fen off_fen = 0;              // threshold: Y, 0 < Y <= X
  std::int32_t pay_bp = kFullBp;  // percentage: what the worker pays, 0 < pay_bp < 10000
  Fen cap_fen = 0;              // percentage: largest discount; 0 = no cap
  Fen face_fen = 0;             // free_up_to: value covered, > 0
  Fen price_fen = 0;            // fixed_price: what the worker pays, >= 0

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(kind), CEREAL_NVP(threshold_fen), CEREAL_NVP(off_fen), CEREAL_NVP(pay_bp), CEREAL_NVP(cap_fen),
       CEREAL_NVP(face_fen), CEREAL_NVP(price_fen));
  }
};

DiscountRule threshold_rule(Fen threshold_fen, Fen off_fen);
DiscountRule percentage_rule(std::int32_t pay_bp, Fen cap_fen = 0);
DiscountRule free_up_to_rule(Fen face_fen);
DiscountRule fixed_price_rule(Fen price_fen);

std::optional<Error> validate(const DiscountRule& rule);
// The largest discount the rule can ever give, or nullopt when unbounded (uncapped %).
std::optional<Fen> max_discount(const DiscountRule& rule);
// The discount on an order of `order_fen`: 0 <= result <= order_fen. A threshold order
// below X gets 0 (the caller decides whether that is a refusal; see price.h).
// Precondition: validate(rule) passed and 0 <= order_fen <= kMaxOrderFen.
Fen discount_for(const DiscountRule& rule, Fen order_fen);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::DiscountRule, 1)
