// One member's booking of one slot, and one member's place in a slot's waitlist.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cstdint>
#include <string>

#include "core/bookings/booking_state.h"
#include "core/cst_time.h"
#include "core/models/member.h"
#include "core/money.h"

namespace hg {

// Who asks for a place: what admission needs to know, nothing more.
struct Applicant {
  std::string member_id;
  Occupation occupation = Occupation::office;
  std::string package_id;  // health checks: the chosen package; empty otherwise
};

struct Booking {
  std::string id;
  std::string slot_id;
  std::string member_id;
  BookingState state = BookingState::held;
  // The package's amounts as they were when booked, so a later price change does not
  // rewrite what the union owes for this check.
  std::string package_id;
  Fen value_fen = 0;
  Fen copay_fen = 0;
  Fen union_share_fen = 0;
  Fen copay_collected_fen = 0;  // what the clinic recorded at check-in
  bool from_waitlist = false;
  UnixSeconds created_at = 0;
  UnixSeconds hold_expires_at = 0;
  UnixSeconds confirmed_at = 0;
  UnixSeconds closed_at = 0;  // when it reached a final state

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(slot_id), CEREAL_NVP(member_id), CEREAL_NVP(state), CEREAL_NVP(package_id),
       CEREAL_NVP(value_fen), CEREAL_NVP(copay_fen), CEREAL_NVP(union_share_fen), CEREAL_NVP(copay_collected_fen),
       CEREAL_NVP(from_waitlist), CEREAL_NVP(created_at), CEREAL_NVP(hold_expires_at), CEREAL_NVP(confirmed_at),
       CEREAL_NVP(closed_at));
  }
};

// Kept with the occupation and package so that promotion can re-check admission: an
// allowance used elsewhere since joining must not be bypassed by waiting.
struct WaitlistEntry {
  std::string slot_id;
  std::string member_id;
  Occupation occupation = Occupation::office;
  std::string package_id;
  UnixSeconds joined_at = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(slot_id), CEREAL_NVP(member_id), CEREAL_NVP(occupation), CEREAL_NVP(package_id),
       CEREAL_NVP(joined_at));
  }
};

// Promotion order: first come, first served; the same second goes by member id so that
// every server replaying the same waitlist promotes the same member.
bool waitlist_before(const WaitlistEntry& a, const WaitlistEntry& b);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Booking, 1)
CEREAL_CLASS_VERSION(hg::WaitlistEntry, 1)
