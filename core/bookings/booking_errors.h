// Every way a booking, waitlist or locker request can be refused, as one hg::Error each
// (code + 中文 + English + a reason word, the enum's name). The reason is not a new error
// type: the screen needs code and text, and is_booking_error() tells reasons apart by the
// reason word, never by the text.
#pragma once
#include <cstdint>

#include "core/bookings/booking_state.h"
#include "core/cst_time.h"
#include "core/error.h"
#include "core/money.h"

namespace hg {

enum class BookingErrc : std::uint8_t {
  slot_not_found,
  booking_not_found,
  plan_not_found,
  package_not_found,
  invalid_slot,
  invalid_plan,
  duplicate_id,
  slot_full,
  already_booked,
  already_waitlisted,
  not_waitlisted,
  places_available,
  booking_closed,
  not_eligible,
  allowance_used,
  quota_exhausted,
  member_blocked,
  illegal_transition,
  hold_expired,
  cancel_cutoff_passed,
  slot_not_ended,
  slot_ended,
  check_in_not_open,
  wrong_copay,
  compartment_not_found,
  compartment_empty,
  compartment_taken,
  invalid_item,
  wrong_code,
  code_expired,
  code_used,
  no_code_available,
};

// Its Error::reason ("slot_full", …), as sent on the wire.
const char* booking_reason(BookingErrc reason);
Error booking_error(BookingErrc reason);
// The same errors with the detail a member needs to act on them.
Error member_blocked_error(UnixSeconds until);
Error illegal_transition_error(BookingState from, BookingState to);
Error wrong_copay_error(Fen expected);
// True when `e` is `reason` (with or without detail), by its reason word.
bool is_booking_error(const Error& e, BookingErrc reason);

}  // namespace hg
