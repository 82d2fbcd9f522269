#include "core/models/member.h"

namespace hg {

namespace {
struct OccupationText {
  const char* zh;
  const char* en;
};
constexpr OccupationText kOccupations[] = {
    {"外卖骑手", "Delivery rider"}, {"网约车司机", "Ride-hailing driver"}, {"快递员", "Courier"},
    {"港口职工", "Port worker"},     {"工厂职工", "Factory worker"},         {"机关职工", "Office staff"},
};
}  // namespace

const char* occupation_zh(Occupation o) { return kOccupations[static_cast<int>(o) % 6].zh; }
const char* occupation_en(Occupation o) { return kOccupations[static_cast<int>(o) % 6].en; }
bool is_new_employment(Occupation o) {
  return o == Occupation::delivery_rider || o == Occupation::ride_hailing_driver || o == Occupation::courier;
}

}  // namespace hg
