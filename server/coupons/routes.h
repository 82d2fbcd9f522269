// /api/v1 endpoints of the coupons area.
#pragma once
#include "server/api_v1.h"

namespace hg::srv {

void add_coupons_routes(Router& router, ApiContext& ctx);

}  // namespace hg::srv
