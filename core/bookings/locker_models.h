// What a union station's smart locker holds and who is picking what up: free items
// (instant noodles, raincoats, gloves, welcome packs) stocked weekly into 18 compartments.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cstdint>
#include <string>

#include "core/cst_time.h"
#include "core/money.h"

namespace hg {

enum class LockerItemKind : std::uint8_t { instant_noodles, raincoat, gloves, welcome_pack, other };

struct LockerItem {
  LockerItemKind kind = LockerItemKind::other;
  std::string name_zh, name_en;
  Fen value_fen = 0;  // what the union paid: counts toward the monthly stock value

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(kind), CEREAL_NVP(name_zh), CEREAL_NVP(name_en), CEREAL_NVP(value_fen));
  }
};

// Stored as numbers: append new states at the end only.
enum class PickupState : std::uint8_t { active, picked_up, expired, cancelled };

struct LockerReservation {
  std::string id;  // the booking id in the locker's SlotBook
  std::string locker_id;
  std::int32_t compartment = 0;  // 1-based, as printed on the door
  std::string member_id;
  std::string code;  // six digits, unique among the locker's active reservations
  LockerItem item;
  PickupState state = PickupState::active;
  UnixSeconds reserved_at = 0;
  UnixSeconds deadline = 0;  // the code works before this instant
  UnixSeconds closed_at = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(locker_id), CEREAL_NVP(compartment), CEREAL_NVP(member_id), CEREAL_NVP(code),
       CEREAL_NVP(item), CEREAL_NVP(state), CEREAL_NVP(reserved_at), CEREAL_NVP(deadline), CEREAL_NVP(closed_at));
  }
};

struct RestockEntry {
  std::string locker_id;
  std::int32_t compartment = 0;
  LockerItem item;
  UnixSeconds at = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(locker_id), CEREAL_NVP(compartment), CEREAL_NVP(item), CEREAL_NVP(at));
  }
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::LockerItem, 1)
CEREAL_CLASS_VERSION(hg::LockerReservation, 1)
CEREAL_CLASS_VERSION(hg::RestockEntry, 1)
