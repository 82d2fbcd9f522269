// The lifecycle of one booking as an explicit state machine. Every operation of the engine
// asks transition_allowed() first, so a retry or a stale screen can never move a booking
// backwards (e.g. a cancelled place silently becoming confirmed again).
//
//   held ──confirm──▶ confirmed ──check_in──▶ checked_in
//    │ └─lapse─▶ expired      ├──cancel (before cut-off)──▶ cancelled
//    └──release──▶ cancelled  └──mark_no_show (after the slot)──▶ no_show
#pragma once
#include <cstdint>

namespace hg {

// Stored as numbers: append new states at the end only.
enum class BookingState : std::uint8_t { held, confirmed, checked_in, cancelled, expired, no_show };

bool transition_allowed(BookingState from, BookingState to);
// Occupies a place in its slot and counts against quotas and allowances.
bool occupies_place(BookingState s);
bool is_final(BookingState s);
const char* state_key(BookingState s);  // "checked_in": stable, for JSON and logs
const char* state_zh(BookingState s);
const char* state_en(BookingState s);

}  // namespace hg
