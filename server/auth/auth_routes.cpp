#include "server/auth/auth_routes.h"

#include "core/json.h"
#include "core/models/session.h"
#include "server/api_error.h"
#include "server/auth/account_repo.h"
#include "server/auth/password.h"
#include "server/auth/require.h"
#include "server/auth/token.h"
#include "server/body.h"

namespace hg::srv {

namespace {
SessionInfo session_of(const Principal& p, std::string token) {
  SessionInfo s;
  s.token = std::move(token);
  s.account_id = p.account_id;
  s.role = role_name(p.role);
  s.subject = p.subject;
  s.display_name = p.display_name;
  s.expires_at = p.expires_at;
  return s;
}
}  // namespace

void add_auth_routes(Router& router, ApiContext& ctx) {
  // Argon2id takes ~0.1 s and 64 MiB: on a worker, never on an IO thread.
  router.add("POST", "/api/v1/auth/login", Run::on_worker, [&ctx](const Request& req) {
    const LoginRequest in = body<LoginRequest>(req, kLoginJson);
    if (in.login.empty() || in.password.empty() || in.login.size() > 64 || in.password.size() > 256)
      fail(Errc::invalid_input, "请输入账号和密码", "Enter your account and password");
    const std::optional<account_repo::Account> a =
        ctx.store.read([&](Db& db) { return account_repo::find_by_login(db, in.login); });
    // Hash even for an unknown login, so the answer's timing does not reveal which logins exist.
    static const std::string kDecoy = hash_password("decoy-password-for-timing");
    const bool ok = verify_password(a ? a->password_hash : kDecoy, in.password) && a;
    if (!ok) fail(Errc::unauthorized, "账号或密码不正确", "Wrong account or password");
    Principal p;
    p.account_id = a->id;
    p.role = a->role;
    p.subject = a->subject;
    p.display_name = a->display_name;
    p.expires_at = ctx.now() + kSessionLifetime;
    return Response::json(200, to_json(kSessionJson, session_of(p, sign_token(ctx.token_key, p))));
  });

  router.add("GET", "/api/v1/auth/me", Run::on_io_thread, [&ctx](const Request& req) {
    const Principal p = authenticate(req, ctx);
    const std::string* h = req.header("authorization");
    return Response::json(200, to_json(kSessionJson, session_of(p, h->substr(7))));
  });
}

}  // namespace hg::srv
