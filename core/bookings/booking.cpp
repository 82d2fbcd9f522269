#include "core/bookings/booking.h"

namespace hg {

bool waitlist_before(const WaitlistEntry& a, const WaitlistEntry& b) {
  if (a.joined_at != b.joined_at) return a.joined_at < b.joined_at;
  return a.member_id < b.member_id;
}

}  // namespace hg
