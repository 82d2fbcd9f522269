// /api/v1 endpoints of the stations area.
#pragma once
#include "server/api_v1.h"

namespace hg::srv {

void add_stations_routes(Router& router, ApiContext& ctx);

}  // namespace hg::srv
