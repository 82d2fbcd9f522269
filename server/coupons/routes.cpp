#include "server/coupons/routes.h"

namespace hg::srv {

void add_coupons_routes(Router& /*router*/, ApiContext& /*ctx*/) {}

}  // namespace hg::srv
