#include "server/auth/token.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "server/store/sqlite.h"

namespace hg::srv {

namespace {
Error bad_session() {
  return make_error(Errc::unauthorized, "登录状态无效，请重新登录", "Your session is not valid; please sign in again");
}

Error expired_session() {
  return make_error(Errc::unauthorized, "登录已过期，请重新登录", "Your session has expired; please sign in again");
}

void need_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::vector<std::string_view> split(std::string_view s, char sep, size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    const size_t at = s.find(sep);
    if (at == std::string_view::npos) break;
    parts.push_back(s.substr(0, at));
    s.remove_prefix(at + 1);
  }
  parts.push_back(s);
  return parts;
}

bool parse_int(std::string_view s, std::int64_t& out) {
  if (s.empty() || s.size() > 18) return false;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}
}  // namespace

std::string base64url(std::string_view bytes) {
  need_sodium();
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), variant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string from_base64url(std::string_view text) {
  need_sodium();
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return {};
  out.resize(len);
  return out;
}

std::array<std::uint8_t, 32> hmac_sha256(const TokenKey& key, std::string_view message) {
  need_sodium();
  std::array<std::uint8_t, 32> mac{};
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         key.bytes.data());
  return mac;
}

TokenKey load_or_create_token_key(Db& db) {
  need_sodium();
  TokenKey fresh;
  randombytes_buf(fresh.bytes.data(), fresh.bytes.size());
  Stmt put = db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('session_key', ?1)");
  put.bind(1, base64url(std::string_view(reinterpret_cast<const char*>(fresh.bytes.data()), fresh.bytes.size())));
  put.run();
  Stmt get = db.prepare("SELECT value FROM meta WHERE key = 'session_key'");
  if (!get.step()) throw std::runtime_error("session key missing after insert");
  const std::string raw = from_base64url(get.column_text(0));
  if (raw.size() != 32) throw std::runtime_error("stored session key is malformed");
  TokenKey key;
  std::copy(raw.begin(), raw.end(), key.bytes.begin());
  return key;
}

std::string sign_token(const TokenKey& key, const Principal& p) {
  const std::string payload = "1|" + p.account_id + "|" + role_name(p.role) + "|" + p.subject + "|" +
                              std::to_string(p.expires_at) + "|" + p.display_name;
  const auto mac = hmac_sha256(key, payload);
  return base64url(payload) + "." + base64url(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

Result<Principal> verify_token(const TokenKey& key, std::string_view token, UnixSeconds now) {
  if (token.size() > 1024) return bad_session();
  const size_t dot = token.find('.');
  if (dot == std::string_view::npos) return bad_session();
  const std::string payload = from_base64url(token.substr(0, dot));
  const std::string mac = from_base64url(token.substr(dot + 1));
  if (payload.empty() || mac.size() != 32) return bad_session();
  const auto expected = hmac_sha256(key, payload);
  if (sodium_memcmp(expected.data(), mac.data(), 32) != 0) return bad_session();

  const std::vector<std::string_view> f = split(payload, '|', 6);
  if (f.size() != 6 || f[0] != "1") return bad_session();
  Principal p;
  p.account_id = std::string(f[1]);
  const std::optional<Role> role = role_from_name(f[2]);
  if (!role || p.account_id.empty() || !parse_int(f[4], p.expires_at)) return bad_session();
  p.role = *role;
  p.subject = std::string(f[3]);
  p.display_name = std::string(f[5]);
  if (p.expires_at <= now) return expired_session();
  return p;
}

}  // namespace hg::srv
