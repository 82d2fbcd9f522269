#include "core/bookings/subsidy_statement.h"

#include <algorithm>
#include <map>

namespace hg {

SubsidyStatement subsidy_statement(const std::string& clinic_id, const std::string& month_key,
                                   const std::vector<Slot>& slots, const std::vector<Booking>& bookings) {
  std::map<std::string, const Slot*> ours;
  for (const Slot& s : slots)
    if (s.kind == SlotKind::health_check && s.resource_id == clinic_id && period_key(Period::Month, s.start) == month_key)
      ours[s.id] = &s;
  SubsidyStatement st;
  st.clinic_id = clinic_id;
  st.month = month_key;
  std::map<std::string, SubsidyLine> lines;
  auto add = [](SubsidyLine& l, const Booking& b) {
    l.checks += 1;
    l.value_fen += b.value_fen;
    l.copay_fen += b.copay_collected_fen;
    l.union_share_fen += b.union_share_fen;
  };
  for (const Booking& b : bookings) {
    if (b.state != BookingState::checked_in || !ours.count(b.slot_id)) continue;
    SubsidyLine& line = lines[b.package_id];
    line.package_id = b.package_id;
    add(line, b);
    add(st.total, b);
    st.booking_ids.push_back(b.id);
  }
  for (auto& kv : lines) st.lines.push_back(kv.second);
  std::sort(st.booking_ids.begin(), st.booking_ids.end());
  return st;
}

}  // namespace hg
