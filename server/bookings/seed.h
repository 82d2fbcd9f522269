// --demo data of the bookings area, written inside seed_demo's transaction.
#pragma once
#include <cstdint>

#include "core/bookings/plan.h"
#include "core/cst_time.h"
#include "server/store/sqlite.h"

namespace hg::srv {

void seed_bookings(Db& db, std::uint64_t seed, UnixSeconds now);
// The gig-worker health-check plan the demo (and the benchmark) use.
Plan demo_health_plan();
Plan demo_general_plan();

}  // namespace hg::srv
