// Who pays for a discount: 商家让一点·工会贴一点·职工付一点. The discount is split between
// the merchant (who gives it up) and the union (which pays it to the merchant); the worker
// pays the order minus the discount.
//
// Rounding: in `shares` mode the merchant's part is rounded DOWN to the fen and the union
// takes the remaining fen, so the two always sum to the discount exactly and a merchant
// never concedes more than agreed. The union is the subsidising party; it absorbs the odd fen.
#pragma once
#include <cereal/cereal.hpp>
#include <cstdint>
#include <optional>

#include "core/error.h"
#include "core/money.h"

namespace hg {

enum class Funder : std::uint8_t { merchant, labour_union };
const char* funder_zh(Funder f);
const char* funder_en(Funder f);

enum class FundingMode : std::uint8_t {
  shares,  // merchant_bp + union_bp == 10000 of every discount
  fixed,   // `fixed_funder` pays up to fixed_fen of each discount, the other party the rest
};

struct FundingSplit {
  FundingMode mode = FundingMode::shares;
  std::int32_t merchant_bp = 0;
  std::int32_t union_bp = 10000;
  Funder fixed_funder = Funder::merchant;
  Fen fixed_fen = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(mode), CEREAL_NVP(merchant_bp), CEREAL_NVP(union_bp), CEREAL_NVP(fixed_funder),
       CEREAL_NVP(fixed_fen));
  }
};

FundingSplit shares_split(std::int32_t merchant_bp, std::int32_t union_bp);
// E.g. fuel 满200减30 with the station giving ¥10 and the union ¥20: fixed_split(merchant, 1000).
FundingSplit fixed_split(Funder first, Fen fixed_fen);

std::optional<Error> validate(const FundingSplit& split);

struct FundedDiscount {
  Fen merchant_fen = 0;
  Fen union_fen = 0;
};
// Precondition: validate(split) passed, discount_fen >= 0.
FundedDiscount split_discount(const FundingSplit& split, Fen discount_fen);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::FundingSplit, 1)
