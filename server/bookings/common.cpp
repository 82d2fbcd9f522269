#include "server/bookings/common.h"

namespace hg::srv::bookings {

BookingView booking_view(Db& db, const booking_repo::BookingRow& row, UnixSeconds now) {
  BookingView v;
  v.booking = row.booking;
  // A hold past its deadline is shown as what it already is, even before a write notices it.
  if (v.booking.state == BookingState::held && v.booking.hold_expires_at <= now) v.booking.state = BookingState::expired;
  v.checkin_code = v.booking.state == BookingState::confirmed ? row.checkin_code : "";
  if (auto s = booking_repo::find_slot(db, row.booking.slot_id)) {
    v.title_zh = s->slot.title_zh;
    v.title_en = s->slot.title_en;
    v.kind = s->slot.kind;
    v.start = s->slot.start;
    v.end = s->slot.end;
    v.cancel_until = s->slot.cancel_until;
    v.can_cancel = v.booking.state == BookingState::held ||
                   (v.booking.state == BookingState::confirmed && now < s->slot.cancel_until);
    if (auto r = booking_repo::find_resource(db, s->slot.resource_id)) {
      v.resource_name_zh = r->name_zh;
      v.resource_name_en = r->name_en;
    }
  }
  return v;
}

}  // namespace hg::srv::bookings
