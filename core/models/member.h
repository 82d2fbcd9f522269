// A union member as the app knows them. Phone numbers are stored masked for display;
// the full number never leaves the server.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cstdint>
#include <string>

#include "core/cst_time.h"
#include "core/models/enum_field.h"

namespace hg {

// Eligibility groups used by campaigns and plans.
enum class MemberGroup : std::uint8_t { general, new_employment, young, model_worker };
// What the member does; riders, drivers and couriers are the "new employment forms".
enum class Occupation : std::uint8_t { delivery_rider, ride_hailing_driver, courier, port_worker, factory_worker, office };

const char* occupation_zh(Occupation o);
const char* occupation_en(Occupation o);
bool is_new_employment(Occupation o);

struct Member {
  std::string id;
  std::string name;          // 张伟
  std::string phone_masked;  // 138****5678
  Occupation occupation = Occupation::factory_worker;
  MemberGroup group = MemberGroup::general;
  std::string union_name;  // 福州市鼓楼区总工会
  std::string city;        // 福州市
  UnixSeconds joined_at = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(phone_masked), CEREAL_NVP(occupation), CEREAL_NVP(group),
       CEREAL_NVP(union_name), CEREAL_NVP(city), CEREAL_NVP(joined_at));
    check_enum<Archive>(occupation, Occupation::office, "occupation");
    check_enum<Archive>(group, MemberGroup::model_worker, "group");
  }
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Member, 1)
