// Saving and loading a SlotBook. Loading re-derives every counter from the bookings
// themselves instead of trusting stored totals, and refuses data that breaks an invariant.
#include <algorithm>

#include "core/bookings/booking_errors.h"
#include "core/bookings/slot_book.h"

namespace hg {

namespace {
Error inconsistent(const std::string& what) {
  return make_error(Errc::internal, "预约数据不一致：" + what, "The booking data is inconsistent: " + what);
}
}  // namespace

SlotBookSnapshot SlotBook::snapshot() const {
  SlotBookSnapshot s;
  for (const auto& kv : plans_) s.plans.push_back(kv.second);
  s.slots = slots();
  for (const auto& kv : by_slot_)
    for (const std::string& id : kv.second) s.bookings.push_back(bookings_.at(id));
  for (const auto& kv : waitlists_) s.waitlist.insert(s.waitlist.end(), kv.second.begin(), kv.second.end());
  for (const auto& kv : standings_) s.standings.push_back(kv.second);
  return s;
}

Result<SlotBook> SlotBook::restore(const SlotBookSnapshot& snap, NoShowPolicy policy, std::uint64_t id_seed) {
  SlotBook book(policy, id_seed);
  for (const Plan& p : snap.plans) {
    Result<Plan> r = book.add_plan(p);
    if (!r) return inconsistent("plan " + p.id + ": " + r.error().en);
  }
  for (const Slot& s : snap.slots) {
    Result<Slot> r = book.add_slot(s);
    if (!r) return inconsistent("slot " + s.id + ": " + r.error().en);
  }
  std::vector<const Booking*> order;
  for (const Booking& b : snap.bookings) order.push_back(&b);
  std::stable_sort(order.begin(), order.end(), [](const Booking* a, const Booking* b) {
    return a->created_at != b->created_at ? a->created_at < b->created_at : a->id < b->id;
  });
  for (const Booking* bp : order) {
    const Booking& b = *bp;
    auto slot = book.slots_.find(b.slot_id);
    if (b.id.empty() || b.member_id.empty() || book.bookings_.count(b.id) || slot == book.slots_.end())
      return inconsistent("booking " + b.id);
    if (occupies_place(b.state)) {
      if (book.has_place(slot->second, b.member_id)) return inconsistent("member booked twice: " + b.id);
      if (book.taken(b.slot_id) >= slot->second.capacity) return inconsistent("slot over capacity: " + b.slot_id);
    }
    const Booking& stored = book.bookings_.emplace(b.id, b).first->second;
    book.by_slot_[b.slot_id].push_back(b.id);
    if (stored.state == BookingState::held) book.hold_deadlines_.insert({stored.hold_expires_at, stored.id});
    if (occupies_place(stored.state)) book.account(stored, 1);
  }
  for (const WaitlistEntry& e : snap.waitlist) {
    if (!book.slots_.count(e.slot_id) || e.member_id.empty()) return inconsistent("waitlist of " + e.slot_id);
    auto& wl = book.waitlists_[e.slot_id];
    for (const WaitlistEntry& other : wl)
      if (other.member_id == e.member_id) return inconsistent("waitlisted twice: " + e.member_id);
    wl.insert(std::upper_bound(wl.begin(), wl.end(), e, waitlist_before), e);
  }
  for (const MemberStanding& st : snap.standings) {
    if (st.member_id.empty() || book.standings_.count(st.member_id)) return inconsistent("standing " + st.member_id);
    MemberStanding sorted = st;
    std::sort(sorted.no_shows.begin(), sorted.no_shows.end());
    book.standings_.emplace(st.member_id, std::move(sorted));
  }
  return book;
}

}  // namespace hg
