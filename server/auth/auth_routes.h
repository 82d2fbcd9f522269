// /api/v1/auth: signing in.
//
//   POST /api/v1/auth/login  {"login":{"login","password"}} → {"session": SessionInfo}
//                            401 for a wrong login or password (the same message for both)
//   GET  /api/v1/auth/me     {"session": SessionInfo} for the caller's token (token echoed)
#pragma once
#include "server/api_v1.h"

namespace hg::srv {

void add_auth_routes(Router& router, ApiContext& ctx);

}  // namespace hg::srv
