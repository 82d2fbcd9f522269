#include "ui/session.h"

#include <cstdio>

#include "core/json.h"

namespace hg::ui {

namespace {
constexpr const char* kSessionKey = "session";
}  // namespace

Error error_of(const HttpResponse& r) {
  if (r.status == 0)
    return make_error(Errc::unavailable, "无法连接服务器，请检查网络后重试", "Cannot reach the server; check the connection and retry");
  return error_from_json(r.body, r.status);
}

Session::Session(Platform& platform) : platform_(platform) {
  if (std::optional<std::string> saved = platform_.load(kSessionKey)) {
    Result<SessionInfo> s = from_json<SessionInfo>(*saved, kSessionJson);
    // An expired session is dropped at once rather than failing on the first request.
    if (s.ok() && s.value().expires_at * 1000 > platform_.now_ms()) info_ = s.value();
  }
}

void Session::store() { platform_.save(kSessionKey, info_.signed_in() ? to_json(kSessionJson, info_) : std::string()); }

void Session::sign_in(const std::string& login, const std::string& password, std::function<void(bool, const Error&)> done) {
  busy_ = true;
  LoginRequest req{login, password};
  platform_.http({"POST", "/api/v1/auth/login", to_json(kLoginJson, req), {}, 15000},
                 [this, done = std::move(done)](const HttpResponse& r) {
                   busy_ = false;
                   if (r.status == 200) {
                     Result<SessionInfo> s = from_json<SessionInfo>(r.body, kSessionJson);
                     if (s.ok()) {
                       info_ = s.value();
                       store();
                       done(true, Error{});
                       return;
                     }
                   }
                   done(false, error_of(r));
                 });
}

void Session::sign_out() {
  info_ = SessionInfo{};
  store();
}

std::string Session::new_idempotency_key() {
  char buf[48];
  std::snprintf(buf, sizeof buf, "k%llx-%llx", static_cast<unsigned long long>(platform_.now_ms()),
                static_cast<unsigned long long>(++key_counter_));
  return buf;
}

void Session::api(HttpRequest request, Platform::HttpDone done) {
  if (signed_in()) request.headers.emplace_back("Authorization", "Bearer " + info_.token);
  platform_.http(request, [this, done = std::move(done)](const HttpResponse& r) {
    if (r.status == 401 && signed_in()) sign_out();
    done(r);
  });
}

}  // namespace hg::ui
