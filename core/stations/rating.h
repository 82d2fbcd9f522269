// Ratings members leave by scanning a station's QR code: 1–5 stars, tags, a short comment.
// One per member per station per CST day; rating_key is what the store keeps UNIQUE.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/error.h"

namespace hg::stations {

enum class RatingTag : std::uint8_t { clean, friendly_staff, well_equipped, easy_to_find, crowded, closed_when_listed_open };
using RatingTags = std::uint8_t;
constexpr std::size_t kMaxCommentBytes = 420;  // about 140 hanzi in UTF-8

struct Rating {
  std::string station_id;
  std::string member_id;
  UnixSeconds at = 0;
  int stars = 0;  // 1–5
  RatingTags tags = 0;
  std::string comment;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(station_id), CEREAL_NVP(member_id), CEREAL_NVP(at), CEREAL_NVP(stars), CEREAL_NVP(tags),
       CEREAL_NVP(comment));
  }
};

std::optional<Error> validate(const Rating& r);
// "<station>|<member>|2026-11-29": the same member rating the same station twice on one CST
// day collides here, so the second attempt is a conflict, not a second vote.
std::string rating_key(const Rating& r);

struct RatingSummary {
  std::uint32_t count = 0;
  std::array<std::uint32_t, 5> histogram{};  // [0] = 1 star … [4] = 5 stars
  double mean() const;                       // 0 when there are none
};
RatingSummary summarize(const std::vector<Rating>& ratings);  // invalid star values are skipped

}  // namespace hg::stations

CEREAL_CLASS_VERSION(hg::stations::Rating, 1)
