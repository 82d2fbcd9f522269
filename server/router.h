// A small router: method + path pattern → handler. Later issues add endpoints with one
// line each, e.g.
//
//   router.add("POST", "/api/v1/coupons/{id}/claim", Run::on_worker, [&](const Request& r) { … });
//
// "{name}" matches one non-empty path segment, handed to the handler percent-decoded as
// r.param("name"). HEAD is answered by the GET route (the server drops the body).
//
// Writes that must be durable before they are acknowledged use add_write: the prepare step
// runs on a worker (parse, validate, check the caller's role; it may read the store) and
// returns the operation, which then runs inside a group-committed transaction (see
// server/store/group_commit.h). A signed-in account's write goes through
// add_idempotent_write (server/write_route.h), which takes the role, Idempotency-Key and body
// steps itself; add_write directly is for a write that keeps its idempotency on its own
// rows (the coupon claim):
//
//   router.add_write("POST", "/api/v1/coupons/claim", [&](const Request& r) -> WriteOp {
//     ClaimInput in = parse(r);                       // throws ApiError on bad input
//     return [in](Db& db) { return claim(db, in); };  // throws ApiError to refuse
//   });
//
// Where handlers run: Run::on_io_thread for handlers that only touch memory (version,
// static data): they must never block. Run::on_worker for anything that touches the
// database: those run on a small worker pool, each worker borrowing its own SQLite
// connection, so a slow query or a busy writer never stalls the IO threads that keep
// thousands of connections moving.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_types.h"

namespace hg::srv {

class Db;

enum class Run { on_io_thread, on_worker, group_commit };

using Handler = std::function<Response(const Request&)>;
using WriteOp = std::function<Response(Db&)>;
using WritePrepare = std::function<WriteOp(const Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;  // of the pattern; "{x}" marks a parameter
  Run run = Run::on_worker;
  Handler handler;        // on_io_thread, on_worker
  WritePrepare prepare;   // group_commit
};

class Router {
 public:
  // Not thread-safe: add every route before the server starts.
  void add(std::string method, std::string pattern, Run run, Handler handler);
  void add_write(std::string method, std::string pattern, WritePrepare prepare);

  struct Match {
    const Route* route = nullptr;                              // null: no route for this method
    std::vector<std::pair<std::string, std::string>> params;  // when route is set
    std::string allow;  // when the path exists for other methods only: "GET, HEAD" (→ 405)
    bool bad_encoding = false;  // a parameter held a malformed %XX (→ 400)
  };
  Match match(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace hg::srv
