// The coupons area's endpoint groups, one file each; routes.cpp registers them all with
// one shared Ctx (catalogue cache, id generator).
#pragma once
#include <memory>
#include <string>

#include "server/coupons/common.h"
#include "server/router.h"

namespace hg::srv::coupons {

// The claim answer without cereal's writer (same JSON); claims.cpp.
std::string claim_result_json(const ClaimResult& r);

void add_claim_routes(Router& router, const std::shared_ptr<Ctx>& ctx);       // claims.cpp
void add_redemption_routes(Router& router, const std::shared_ptr<Ctx>& ctx);  // redemption.cpp
void add_settlement_routes(Router& router, const std::shared_ptr<Ctx>& ctx);  // settlement.cpp
void add_admin_routes(Router& router, const std::shared_ptr<Ctx>& ctx);       // admin.cpp
void add_lottery_routes(Router& router, const std::shared_ptr<Ctx>& ctx);     // lottery.cpp

}  // namespace hg::srv::coupons
