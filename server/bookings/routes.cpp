// /api/v1/bookings/…: health checks, classes, station duty and smart lockers on one
// capacity engine. See routes_parts.h for where each endpoint lives.
#include "server/bookings/routes.h"

#include "server/bookings/routes_parts.h"

namespace hg::srv {

void add_bookings_routes(Router& router, ApiContext& ctx) {
  bookings::add_availability_routes(router, ctx);
  bookings::add_hold_routes(router, ctx);
  bookings::add_clinic_routes(router, ctx);
  bookings::add_locker_routes(router, ctx);
  bookings::add_admin_routes(router, ctx);
}

}  // namespace hg::srv
