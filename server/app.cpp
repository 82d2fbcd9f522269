#include "server/app.h"

#include "server/error_answers.h"

namespace hg::srv {

namespace {
bool is_api(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

Response method_not_allowed(const std::string& allow, bool json) {
  Response r = json ? Response::error(405, make_error(Errc::invalid_input, "不支持该请求方法", "Method not allowed"))
                    : Response::text(405, "405 不支持该请求方法 / Method not allowed\n");
  r.set_header("Allow", allow);
  return r;
}
}  // namespace

Error not_found_error(const std::string& path) {
  const std::string shown = path.size() > 200 ? path.substr(0, 200) + "…" : path;
  return make_error(Errc::not_found, "接口不存在：" + shown, "No such API endpoint: " + shown);
}

Response App::guarded(const Request& req, const std::function<Response()>& fn) {
  try {
    return fn();
  } catch (const std::exception&) {
    return answer_current_exception(req.method + " " + req.target);
  }
}

Response App::run_handler(const Route& route, const Request& req) {
  return guarded(req, [&] { return route.handler(req); });
}

void App::handle(Request req, Responder outer) {
  if (!is_api(req.path)) {
    outer(serve_static(req));
    return;
  }
  // API answers are not cached unless a handler says otherwise.
  Responder done = [outer = std::move(outer)](Response r) {
    bool has_cache_control = false;
    for (const Header& h : r.headers) has_cache_control = has_cache_control || iequals(h.name, "Cache-Control");
    if (!has_cache_control) r.set_header("Cache-Control", "no-store");
    outer(std::move(r));
  };
  Router::Match m = router_.match(req.method, req.path);
  if (m.bad_encoding) {
    done(Response::error(make_error(Errc::invalid_input, "请求路径编码有误", "Malformed percent-encoding in the path")));
    return;
  }
  if (!m.route) {
    if (!m.allow.empty()) done(method_not_allowed(m.allow, true));
    else done(Response::error(not_found_error(req.path)));
    return;
  }
  req.params = std::move(m.params);
  const Route* route = m.route;
  if (route->run == Run::on_io_thread) {
    done(run_handler(*route, req));
    return;
  }
  // The task owns the request and the responder; if the queue is full neither was moved
  // into a running task, and the member gets "busy" at once.
  auto shared_req = std::make_shared<Request>(std::move(req));
  auto shared_done = std::make_shared<Responder>(std::move(done));
  GroupCommit* writes = writes_;
  const bool queued = workers_.try_submit([route, shared_req, shared_done, writes] {
    if (route->run != Run::group_commit) {
      (*shared_done)(run_handler(*route, *shared_req));
      return;
    }
    // Prepare here (parse, validate, check the role), then queue the write itself; the
    // worker is free again at once and the answer goes out after the batch commits.
    WriteOp op;
    Response refused = guarded(*shared_req, [&] {
      op = route->prepare(*shared_req);
      return Response{};
    });
    if (!op) {
      (*shared_done)(std::move(refused));
      return;
    }
    if (!writes) {
      (*shared_done)(Response::error(make_error(Errc::internal, "写入队列未配置", "No write queue configured")));
      return;
    }
    writes->submit(std::move(op), [shared_done](Response r) { (*shared_done)(std::move(r)); });
  });
  if (!queued)
    (*shared_done)(Response::error(busy_error()));
}

Response App::serve_static(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return method_not_allowed("GET, HEAD", false);
  std::shared_ptr<const StaticSite> s = site();
  if (!s) return Response::text(404, "404 找不到该页面 / Not found\n");
  return s->serve(req);
}

void App::set_site(std::shared_ptr<const StaticSite> site) {
  std::lock_guard<std::mutex> lock(site_mu_);
  site_ = std::move(site);
}

std::shared_ptr<const StaticSite> App::site() const {
  std::lock_guard<std::mutex> lock(site_mu_);
  return site_;
}

}  // namespace hg::srv
