// Which members a batch is for: all members, or some of the union's groups (new-employment
// -form workers, young workers, model workers). Riders, drivers and couriers qualify as new
// employment by their occupation even when their record's group says general, because
// the group is set once at joining while the occupation is kept current.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/vector.hpp>
#include <string>
#include <vector>

#include "core/models/member.h"

namespace hg {

struct Eligibility {
  // Empty, or containing MemberGroup::general, means every member.
  std::vector<MemberGroup> groups;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(groups));
  }
};

bool is_eligible(const Eligibility& e, const Member& m);
// "全体会员" / "新就业形态劳动者、青年职工": for the batch card.
std::string eligibility_zh(const Eligibility& e);
std::string eligibility_en(const Eligibility& e);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Eligibility, 1)
