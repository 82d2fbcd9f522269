// Strikes for no-shows: a place a member confirmed and left empty was a place another
// worker could have used, so repeated no-shows pause booking for a while.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cst_time.h"

namespace hg {

struct NoShowPolicy {
  std::int32_t strikes_to_block = 2;           // this many no-shows …
  std::int64_t window_seconds = 90LL * 86400;  // … within this long …
  std::int64_t block_seconds = 30LL * 86400;   // … pause booking this long from the last one
};

struct MemberStanding {
  std::string member_id;
  std::vector<UnixSeconds> no_shows;  // when each missed slot started, oldest first
  UnixSeconds blocked_until = 0;      // may book again from this instant

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(member_id), CEREAL_NVP(no_shows), CEREAL_NVP(blocked_until));
  }
};

// Records a no-show of a slot that started at `missed_at`, noticed at `now`. Strikes older
// than the window are forgotten. Returns the new end of the block when this one trips it.
std::optional<UnixSeconds> record_no_show(MemberStanding& standing, const NoShowPolicy& policy, UnixSeconds missed_at,
                                          UnixSeconds now);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::MemberStanding, 1)
