// /api/v1: the endpoints of the foundation issue. Later issues add their own
// add_*_routes(Router&, …) next to this one.
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
#include "server/router.h"
#include "server/store/store.h"

namespace hg::srv {

struct ApiContext {
  Store& store;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::function<UnixSeconds()> now;  // wall clock, UTC seconds
};

void add_api_v1_routes(Router& router, ApiContext& ctx);

}  // namespace hg::srv
