#include "server/stations/routes.h"

namespace hg::srv {

void add_stations_routes(Router& /*router*/, ApiContext& /*ctx*/) {}

}  // namespace hg::srv
