#include "server/coupons/routes.h"

#include "server/coupons/routes_parts.h"

namespace hg::srv {

void add_coupons_routes(Router& router, ApiContext& ctx) {
  // Shared by every handler of this server instance (tests run several in one process).
  auto c = std::make_shared<coupons::Ctx>(ctx);
  coupons::add_claim_routes(router, c);
  coupons::add_redemption_routes(router, c);
  coupons::add_settlement_routes(router, c);
  coupons::add_admin_routes(router, c);
  coupons::add_lottery_routes(router, c);
}

}  // namespace hg::srv
