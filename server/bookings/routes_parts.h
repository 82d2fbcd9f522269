// The bookings endpoints, split by concern; routes.cpp registers them all.
#pragma once
#include "server/api_v1.h"
#include "server/router.h"

namespace hg::srv::bookings {

void add_availability_routes(Router& router, ApiContext& ctx);  // availability, mine
void add_hold_routes(Router& router, ApiContext& ctx);          // hold, confirm, cancel, waitlist
void add_clinic_routes(Router& router, ApiContext& ctx);        // clinic day, check-in, no-show
void add_locker_routes(Router& router, ApiContext& ctx);        // lockers, reserve, pickup, restock
void add_admin_routes(Router& router, ApiContext& ctx);         // plans, subsidy statement, restock log

}  // namespace hg::srv::bookings
