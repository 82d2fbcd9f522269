// Helpers the bookings endpoints share: answering JSON, and what a member sees of a booking.
#pragma once
#include <string>

#include "core/bookings/wire.h"
#include "core/json.h"
#include "server/api_error.h"
#include "server/body.h"
#include "server/bookings/booking_repo.h"
#include "server/http_types.h"

namespace hg::srv::bookings {

template <class T>
Response json_ok(const char* name, const T& value, int status = 200) {
  return Response::json(status, to_json(name, value));
}

// The booking with its slot's title and times, its resource's name, whether cancelling is
// still possible and the check-in code while it is confirmed.
BookingView booking_view(Db& db, const booking_repo::BookingRow& row, UnixSeconds now);

}  // namespace hg::srv::bookings
