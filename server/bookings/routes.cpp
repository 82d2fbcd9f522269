#include "server/bookings/routes.h"

namespace hg::srv {

void add_bookings_routes(Router& /*router*/, ApiContext& /*ctx*/) {}

}  // namespace hg::srv
