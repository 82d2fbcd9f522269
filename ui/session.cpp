#include "ui/session.h"

#include <cstdio>

#include "core/json.h"

namespace hg::ui {

namespace {
constexpr const char* kSessionKey = "session";
// Each own copy is kept under "own.<name>" as "<account id>\n<bytes>"; the names saved so far
// are listed, one a line, under kOwnIndexKey, so sign-out finds them all (storage has no
// listing, and a page may not have been opened since the app started).
constexpr const char* kOwnIndexKey = "own.index";
std::string own_key(const std::string& name) { return "own." + name; }
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
  if (!signed_in()) erase_own();
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
                       if (s.value().account_id != info_.account_id) erase_own();
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
  erase_own();
}

void Session::save_own(const std::string& account, const std::string& name, const std::string& bytes) {
  if (!signed_in() || account != info_.account_id) return;
  std::string index = platform_.load(kOwnIndexKey).value_or("");
  if (("\n" + index).find("\n" + name + "\n") == std::string::npos) platform_.save(kOwnIndexKey, index + name + "\n");
  platform_.save(own_key(name), account + "\n" + bytes);
}

std::optional<std::string> Session::load_own(const std::string& name) const {
  if (!signed_in()) return std::nullopt;
  std::optional<std::string> saved = platform_.load(own_key(name));
  const std::string tag = info_.account_id + "\n";
  if (!saved || saved->compare(0, tag.size(), tag) != 0) return std::nullopt;
  return saved->substr(tag.size());
}

void Session::erase_own() {
  const std::optional<std::string> index = platform_.load(kOwnIndexKey);
  if (!index || index->empty()) return;
  std::size_t from = 0;
  for (std::size_t eol; (eol = index->find('\n', from)) != std::string::npos; from = eol + 1)
    platform_.save(own_key(index->substr(from, eol - from)), std::string());
  platform_.save(kOwnIndexKey, std::string());
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
