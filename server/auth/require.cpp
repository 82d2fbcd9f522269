#include "server/auth/require.h"

#include "server/api_error.h"
#include "server/auth/token.h"

namespace hg::srv {

Error forbidden_error() {
  return make_error(Errc::forbidden, "当前账号无权进行此操作", "This account is not allowed to do that");
}

std::optional<Principal> authenticate_optional(const Request& req, const ApiContext& ctx) {
  const std::string* h = req.header("authorization");
  if (!h) return std::nullopt;
  constexpr std::string_view kBearer = "Bearer ";
  if (h->size() <= kBearer.size() || h->compare(0, kBearer.size(), kBearer) != 0)
    fail(Errc::unauthorized, "登录状态无效，请重新登录", "Your session is not valid; please sign in again");
  return take(verify_token(ctx.token_key, std::string_view(*h).substr(kBearer.size()), ctx.now()));
}

Principal authenticate(const Request& req, const ApiContext& ctx) {
  std::optional<Principal> p = authenticate_optional(req, ctx);
  if (!p) fail(Errc::unauthorized, "请先登录", "Please sign in first");
  return *p;
}

namespace {
Principal require_one_of(const Request& req, const ApiContext& ctx, const Role* begin, const Role* end) {
  Principal p = authenticate(req, ctx);
  for (const Role* r = begin; r != end; ++r)
    if (p.role == *r) return p;
  fail(forbidden_error());
}
}  // namespace

Principal require_role(const Request& req, const ApiContext& ctx, std::initializer_list<Role> allowed) {
  return require_one_of(req, ctx, allowed.begin(), allowed.end());
}

Principal require_role(const Request& req, const ApiContext& ctx, const std::vector<Role>& allowed) {
  return require_one_of(req, ctx, allowed.data(), allowed.data() + allowed.size());
}

}  // namespace hg::srv
