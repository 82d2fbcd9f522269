// What the engine did, in order, so the server can persist and notify ("you were promoted
// from the waitlist") without diffing state. Events are delivered once each.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cstdint>
#include <string>

#include "core/cst_time.h"

namespace hg {

// Stored as numbers: append new kinds at the end only.
enum class BookingEventKind : std::uint8_t {
  held,
  confirmed,
  checked_in,
  cancelled,
  hold_expired,
  no_show,
  waitlisted,
  left_waitlist,
  promoted,          // a waitlisted member now holds a place
  waitlist_dropped,  // the head of the waitlist no longer qualified (blocked, allowance used…)
  member_blocked,
};

struct BookingEvent {
  BookingEventKind kind = BookingEventKind::held;
  std::string slot_id;
  std::string member_id;
  std::string booking_id;  // empty for waitlist-only and block events
  UnixSeconds at = 0;
  UnixSeconds until = 0;           // member_blocked: end of the block
  std::string reason_zh, reason_en;  // waitlist_dropped: why

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(kind), CEREAL_NVP(slot_id), CEREAL_NVP(member_id), CEREAL_NVP(booking_id), CEREAL_NVP(at),
       CEREAL_NVP(until), CEREAL_NVP(reason_zh), CEREAL_NVP(reason_en));
  }
};

// "promoted member M1 from the waitlist of slot S1" / "会员 M1 由候补转为占位（时段 S1）".
std::string event_text(const BookingEvent& e, bool chinese);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::BookingEvent, 1)
