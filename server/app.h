// Glue between the HTTP server and what answers: /api/… goes through the Router (on the
// IO thread or the worker pool, as each route says), everything else to the static site.
// Every exception a handler throws becomes a JSON error here; nothing escapes to the server.
#pragma once
#include <functional>
#include <memory>
#include <mutex>

#include "server/http_server.h"
#include "server/router.h"
#include "server/static_files.h"
#include "server/store/group_commit.h"
#include "server/worker_pool.h"

namespace hg::srv {

class App : public RequestHandler {
 public:
  App(const Router& router, WorkerPool& workers, GroupCommit* writes = nullptr)
      : router_(router), workers_(workers), writes_(writes) {}

  void handle(Request req, Responder done) override;

  // The site can be swapped while serving (SIGHUP reload); null serves no static files.
  void set_site(std::shared_ptr<const StaticSite> site);
  std::shared_ptr<const StaticSite> site() const;

  // Runs a route's handler, turning exceptions into error responses.
  static Response run_handler(const Route& route, const Request& req);
  // Runs fn, turning ApiError, DbError and any other exception into an error response.
  static Response guarded(const Request& req, const std::function<Response()>& fn);

 private:
  Response serve_static(const Request& req) const;

  const Router& router_;
  WorkerPool& workers_;
  GroupCommit* writes_;
  mutable std::mutex site_mu_;
  std::shared_ptr<const StaticSite> site_;
};

Error not_found_error(const std::string& path);

}  // namespace hg::srv
