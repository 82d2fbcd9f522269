// /api/v1 endpoints of the bookings area.
#pragma once
#include "server/api_v1.h"

namespace hg::srv {

void add_bookings_routes(Router& router, ApiContext& ctx);

}  // namespace hg::srv
