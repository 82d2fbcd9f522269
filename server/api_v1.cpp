#include "server/api_v1.h"

#include "core/json.h"
#include "core/models/app_info.h"
#include "core/models/notice.h"
#include "server/auth/auth_routes.h"
#include "server/bookings/routes.h"
#include "server/build_info.h"
#include "server/coupons/routes.h"
#include "server/stations/routes.h"
#include "server/store/notice_repo.h"

namespace hg::srv {

void add_api_v1_routes(Router& router, ApiContext& ctx) {
  // Touches the database (SELECT 1), so it runs on a worker like any other DB handler: a
  // health check that passes while every worker is stuck would be lying.
  router.add("GET", "/api/v1/health", Run::on_worker, [&ctx](const Request&) {
    HealthInfo h;
    try {
      ctx.store.read([](Db& db) { return db.query_int64("SELECT 1"); });
    } catch (const DbError& e) {
      h.status = "degraded";
      h.db = e.error().en;
    }
    h.now = ctx.now();
    h.now_cst = format_cst(h.now);
    h.uptime_s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - ctx.started).count();
    return Response::json(h.status == "ok" ? 200 : 503, to_json(kHealthJson, h));
  });

  // Memory only: answered on the IO thread.
  router.add("GET", "/api/v1/version", Run::on_io_thread, [&ctx](const Request&) {
    const BuildInfo& b = build_info();
    VersionInfo v;
    v.version = b.version;
    v.commit = b.commit;
    v.schema = ctx.store.schema_version();
    v.built_at = b.built_at > 0 ? format_cst(b.built_at) : "unknown";
    return Response::json(200, to_json(kVersionJson, v));
  });

  router.add("GET", "/api/v1/notices", Run::on_worker, [&ctx](const Request&) {
    NoticeList list;
    list.notices = ctx.store.read([](Db& db) { return notice_repo::feed(db); });
    Response r = Response::json(200, to_json(kNoticeListJson, list));
    r.set_header("Cache-Control", "no-cache");
    return r;
  });

  add_auth_routes(router, ctx);
  add_stations_routes(router, ctx);
  add_coupons_routes(router, ctx);
  add_bookings_routes(router, ctx);
}

}  // namespace hg::srv
