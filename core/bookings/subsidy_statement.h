// What the union owes a clinic for a CST month: the union's share of every health check
// that clinic actually performed (checked in), per package. A pure aggregation over rows,
// so the server can feed it straight from its store.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/bookings/booking.h"
#include "core/bookings/slot.h"
#include "core/money.h"

namespace hg {

struct SubsidyLine {
  std::string package_id;
  std::int32_t checks = 0;
  Fen value_fen = 0;
  Fen copay_fen = 0;  // collected by the clinic from workers
  Fen union_share_fen = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(package_id), CEREAL_NVP(checks), CEREAL_NVP(value_fen), CEREAL_NVP(copay_fen),
       CEREAL_NVP(union_share_fen));
  }
};

struct SubsidyStatement {
  std::string clinic_id;
  std::string month;                // "2026-12", CST
  std::vector<SubsidyLine> lines;   // by package id
  SubsidyLine total;                // package_id empty
  std::vector<std::string> booking_ids;  // sorted, for audit

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(clinic_id), CEREAL_NVP(month), CEREAL_NVP(lines), CEREAL_NVP(total), CEREAL_NVP(booking_ids));
  }
};

// A check belongs to the CST month its slot starts in: the day the service was given,
// which is what the clinic's invoice lists.
SubsidyStatement subsidy_statement(const std::string& clinic_id, const std::string& month_key,
                                   const std::vector<Slot>& slots, const std::vector<Booking>& bookings);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::SubsidyLine, 1)
CEREAL_CLASS_VERSION(hg::SubsidyStatement, 1)
