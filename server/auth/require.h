// Role and session checks for handlers. Every endpoint that is not public starts with one:
//
//   const Principal me = require_role(req, ctx, {Role::merchant_staff});
//
// No "Authorization: Bearer <token>" → 401; a valid token for another role → 403. Ownership
// (this coupon is mine, this merchant's) is the handler's next check, against me.subject.
#pragma once
#include <initializer_list>
#include <optional>
#include <vector>

#include "server/api_v1.h"
#include "server/auth/principal.h"

namespace hg::srv {

// Throws ApiError unauthorized.
Principal authenticate(const Request& req, const ApiContext& ctx);
// nullopt without an Authorization header; throws for a bad one.
std::optional<Principal> authenticate_optional(const Request& req, const ApiContext& ctx);
// Throws ApiError unauthorized / forbidden.
Principal require_role(const Request& req, const ApiContext& ctx, std::initializer_list<Role> allowed);
Principal require_role(const Request& req, const ApiContext& ctx, const std::vector<Role>& allowed);

Error forbidden_error();

}  // namespace hg::srv
