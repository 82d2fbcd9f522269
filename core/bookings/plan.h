// A subsidised service plan, e.g. the gig-worker health check: a yearly number of places,
// packages the union pays most of, who may book, and how often one member may.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/error.h"
#include "core/models/member.h"
#include "core/money.h"

namespace hg {

// ¥465 package, worker pays ¥100: the union's share is what the clinic bills the union.
struct Package {
  std::string id;
  std::string name_zh, name_en;
  Fen value_fen = 0;
  Fen copay_fen = 0;

  Fen union_share_fen() const { return value_fen - copay_fen; }

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(name_zh), CEREAL_NVP(name_en), CEREAL_NVP(value_fen), CEREAL_NVP(copay_fen));
  }
};

struct Plan {
  std::string id;
  std::string name_zh, name_en;
  // Places per CST year, counted by the year the booked slot starts in (2,000 → 10,000).
  std::int32_t yearly_quota = 0;
  std::vector<Package> packages;
  // Who may book; empty means every member.
  std::vector<Occupation> eligible;
  // Bookings one member may hold per CST period of the slot's start: 1 per Year.
  Period allowance_period = Period::Year;
  std::int32_t allowance = 1;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(name_zh), CEREAL_NVP(name_en), CEREAL_NVP(yearly_quota), CEREAL_NVP(packages),
       CEREAL_NVP(eligible), CEREAL_NVP(allowance_period), CEREAL_NVP(allowance));
  }
};

// Delivery riders, ride-hailing drivers, couriers: the plan's usual `eligible` list.
std::vector<Occupation> new_employment_occupations();
bool plan_admits(const Plan& plan, Occupation occupation);
const Package* find_package(const Plan& plan, const std::string& package_id);
// Empty ids, negative amounts, a co-pay above the value or a duplicate package id.
std::optional<Error> validate_plan(const Plan& plan);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Package, 1)
CEREAL_CLASS_VERSION(hg::Plan, 1)
