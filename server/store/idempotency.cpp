#include "server/store/idempotency.h"

#include <sodium.h>

#include "core/coupons/sha256.h"
#include "server/api_error.h"

namespace hg::srv {

std::string idempotency_key(const Request& req) {
  const std::string* h = req.header("idempotency-key");
  if (!h) fail(Errc::invalid_input, "请求缺少幂等键（Idempotency-Key）", "The request needs an Idempotency-Key header");
  bool ok = h->size() >= 8 && h->size() <= 64;
  for (char c : *h) ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
  if (!ok)
    fail(Errc::invalid_input, "幂等键格式有误（8–64 个字母、数字、- 或 _）",
         "Malformed Idempotency-Key (8–64 letters, digits, - or _)");
  return *h;
}

IdempotentRequest idempotent_request(const Request& req) {
  IdempotentRequest r;
  r.key = idempotency_key(req);
  // libsodium's SHA-256 (the same digest as core's portable one, which the clients use):
  // every write of a rush hashes its request here.
  crypto_hash_sha256_state h;
  crypto_hash_sha256_init(&h);
  const std::string head = req.method + " " + req.path + "\n";
  crypto_hash_sha256_update(&h, reinterpret_cast<const unsigned char*>(head.data()), head.size());
  crypto_hash_sha256_update(&h, reinterpret_cast<const unsigned char*>(req.body.data()), req.body.size());
  Sha256Digest digest{};
  static_assert(sizeof digest == crypto_hash_sha256_BYTES);
  crypto_hash_sha256_final(&h, digest.data());
  r.fingerprint = to_hex(digest);
  return r;
}

Error key_reused_error() {
  return make_error(Errc::conflict, "该幂等键已用于另一个请求", "This Idempotency-Key was already used for a different request");
}

std::optional<Response> stored_answer(Db& db, const IdempotentRequest& req, const std::string& scope) {
  Stmt& find = db.cached("SELECT request_hash, status, body FROM idempotency WHERE scope = ?1 AND key = ?2");
  const StmtReset reset_find(find);
  find.bind(1, scope).bind(2, req.key);
  if (!find.step()) return std::nullopt;
  if (find.column_text(0) != req.fingerprint) fail(key_reused_error());
  Response r = Response::json(find.column_int(1), find.column_text(2));
  r.set_header("Idempotent-Replay", "true");
  return r;
}

Response idempotent(Db& db, const IdempotentRequest& req, const std::string& scope, UnixSeconds now,
                    const std::function<Response()>& fn) {
  if (std::optional<Response> first = stored_answer(db, req, scope)) return std::move(*first);
  Response r = fn();
  if (r.status >= 200 && r.status < 300) {
    Stmt& put = db.cached(
        "INSERT INTO idempotency (scope, key, request_hash, status, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    put.bind(1, scope).bind(2, req.key).bind(3, req.fingerprint).bind(4, r.status).bind(5, r.body_view());
    put.bind(6, static_cast<std::int64_t>(now));
    put.run();
  }
  return r;
}

}  // namespace hg::srv
