// A campaign: one of the six 惠工 brands, its partner merchants and its dates. Batches
// (batch.h) hang off a campaign and may only name the campaign's merchants.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/error.h"
#include "core/models/brand.h"

namespace hg {

struct Merchant {
  std::string id;
  std::string name_zh;  // 中石化福州鼓楼加油站
  std::string name_en;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(name_zh), CEREAL_NVP(name_en));
  }
};

struct Campaign {
  std::string id;
  Brand brand = Brand::gift;
  std::string title_zh, title_en;
  std::vector<Merchant> merchants;
  UnixSeconds starts_at = 0;
  UnixSeconds ends_at = 0;  // exclusive

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(brand), CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(merchants),
       CEREAL_NVP(starts_at), CEREAL_NVP(ends_at));
  }
};

// Needs an id, a known brand, a title, at least one merchant, unique non-empty merchant
// ids and ends_at after starts_at.
std::optional<Error> validate(const Campaign& c);
const Merchant* find_merchant(const Campaign& c, const std::string& merchant_id);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Merchant, 1)
CEREAL_CLASS_VERSION(hg::Campaign, 1)
