// /api/v1: the foundation's endpoints here; each area adds its own from
// server/<area>/routes.cpp (auth, stations, coupons, bookings), all registered by
// add_api_v1_routes.
//
//   GET /api/v1/health   {"health": HealthInfo}      200, or 503 with status "degraded"
//   GET /api/v1/version  {"version": VersionInfo}
//   GET /api/v1/notices  {"notices_page": NoticeList} pinned first, then newest
//
// The top-level names are part of the wire format, defined next to the models in core
// (kHealthJson, kVersionJson, kNoticeListJson): clients read them with hg::from_json<T>.
#pragma once
#include <chrono>
#include <functional>

#include "core/cst_time.h"
#include "server/auth/token.h"
#include "server/router.h"
#include "server/store/store.h"

namespace hg::srv {

struct ApiContext {
  Store& store;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::function<UnixSeconds()> now;  // wall clock, UTC seconds
  TokenKey token_key;                // signs session tokens (server/auth/token.h)
};

void add_api_v1_routes(Router& router, ApiContext& ctx);

}  // namespace hg::srv
