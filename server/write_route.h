// The one way to add a write that a signed-in account makes. Every such route takes the
// same steps, in this order, before its own logic:
//
//   role (401/403) → Idempotency-Key (400) → JSON body (400/413) → prepare → the write, once
//   per key, inside the group-committed transaction with the instant it runs at.
//
//   add_idempotent_write<HoldRequest>(router, ctx, {"POST", "/api/v1/bookings/hold", {Role::member}, kHoldRequestJson},
//       [](const Request& req, const Principal& me, HoldRequest in) {   // on a worker: validate
//         return [me, in](Db& db, UnixSeconds now) { return hold(db, in, me.subject, now); };
//       });
//
// With In = NoBody no body is read and prepare is called as prepare(req, me). The write
// prepare returns is kept by value inside the router's WriteOp: no further allocation.
// A retry with the same key gets the first (2xx) answer again (server/store/idempotency.h).
#pragma once
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "server/api_v1.h"
#include "server/auth/require.h"
#include "server/body.h"
#include "server/store/idempotency.h"

namespace hg::srv {

struct NoBody {};

struct WriteRoute {
  std::string method;
  std::string pattern;
  std::vector<Role> roles;      // who may call it; anyone else gets 401 / 403
  const char* body = nullptr;   // the body's top-level name (unused with NoBody)
};

template <class In = NoBody, class Prepare>
void add_idempotent_write(Router& router, ApiContext& ctx, WriteRoute route, Prepare prepare) {
  router.add_write(
      std::move(route.method), std::move(route.pattern),
      [&ctx, roles = std::move(route.roles), name = route.body, prepare = std::move(prepare)](const Request& req) -> WriteOp {
        const Principal me = require_role(req, ctx, roles);
        IdempotentRequest idem = idempotent_request(req);  // hashed here, not by the single writer
        auto op = [&] {
          if constexpr (std::is_same_v<In, NoBody>) return prepare(req, me);
          else return prepare(req, me, body<In>(req, name));
        }();
        return [&ctx, idem = std::move(idem), account = me.account_id, op = std::move(op)](Db& db) {
          const UnixSeconds now = ctx.now();
          return idempotent(db, idem, account, now, [&] { return op(db, now); });
        };
      });
}

}  // namespace hg::srv
