#include "core/bookings/no_show_policy.h"

#include <algorithm>

namespace hg {

std::optional<UnixSeconds> record_no_show(MemberStanding& st, const NoShowPolicy& policy, UnixSeconds missed_at,
                                          UnixSeconds now) {
  st.no_shows.insert(std::upper_bound(st.no_shows.begin(), st.no_shows.end(), missed_at), missed_at);
  // Only strikes within the window before the newest one count; older ones are forgiven.
  const UnixSeconds newest = st.no_shows.back();
  st.no_shows.erase(st.no_shows.begin(),
                    std::find_if(st.no_shows.begin(), st.no_shows.end(),
                                 [&](UnixSeconds t) { return t > newest - policy.window_seconds; }));
  if (policy.strikes_to_block < 1 || static_cast<std::int64_t>(st.no_shows.size()) < policy.strikes_to_block)
    return std::nullopt;
  st.blocked_until = std::max(st.blocked_until, now + policy.block_seconds);
  return st.blocked_until;
}

}  // namespace hg
