#include "core/bookings/booking_state.h"

namespace hg {

namespace {
struct StateText {
  const char* key;
  const char* zh;
  const char* en;
};
constexpr StateText kStates[] = {
    {"held", "已占位", "held"},           {"confirmed", "已确认", "confirmed"}, {"checked_in", "已签到", "checked in"},
    {"cancelled", "已取消", "cancelled"}, {"expired", "已过期", "expired"},     {"no_show", "爽约", "no-show"},
};
const StateText& text(BookingState s) {
  const auto i = static_cast<unsigned>(s);
  return kStates[i < sizeof kStates / sizeof kStates[0] ? i : 0];
}
}  // namespace

bool transition_allowed(BookingState from, BookingState to) {
  using S = BookingState;
  switch (from) {
    case S::held: return to == S::confirmed || to == S::cancelled || to == S::expired;
    case S::confirmed: return to == S::checked_in || to == S::cancelled || to == S::no_show;
    default: return false;  // the rest are final
  }
}

bool occupies_place(BookingState s) {
  return s == BookingState::held || s == BookingState::confirmed || s == BookingState::checked_in;
}

bool is_final(BookingState s) { return s != BookingState::held && s != BookingState::confirmed; }

const char* state_key(BookingState s) { return text(s).key; }
const char* state_zh(BookingState s) { return text(s).zh; }
const char* state_en(BookingState s) { return text(s).en; }

}  // namespace hg
