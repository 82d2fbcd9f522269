// Every state-changing request carries an Idempotency-Key header (8–64 chars of
// [A-Za-z0-9_-]); a retry with the same key from the same account gets the first answer
// again instead of a second coupon or booking. Routes get this from add_idempotent_write
// (server/write_route.h): the key is read in the prepare step, used inside the write's
// transaction:
//
//   const IdempotentRequest idem = idempotent_request(req);   // on the worker
//   return [idem, …](Db& db) { return idempotent(db, idem, me.account_id, now, [&] { … }); };
//
// Only successful answers (2xx) are remembered: a refusal (sold out, not open yet) is not
// stored, so a retry after the cause has gone is decided afresh. The same key with a
// different request body is refused with 409.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/cst_time.h"
#include "server/http_types.h"
#include "server/store/sqlite.h"

namespace hg::srv {

// Throws ApiError invalid_input when the header is missing or malformed.
std::string idempotency_key(const Request& req);

// The key and the request's fingerprint (SHA-256 of method, path and body). Computed on the
// worker in the prepare step, so the single group-commit writer does not hash every body.
struct IdempotentRequest {
  std::string key;
  std::string fingerprint;
};
IdempotentRequest idempotent_request(const Request& req);  // throws like idempotency_key

Response idempotent(Db& db, const IdempotentRequest& req, const std::string& scope, UnixSeconds now,
                    const std::function<Response()>& fn);

// For writes that keep their key on their own rows (coupon claims): the answer stored in
// the shared table for this key, nullopt when there is none; a stored answer of a
// different request throws key_reused_error().
std::optional<Response> stored_answer(Db& db, const IdempotentRequest& req, const std::string& scope);
Error key_reused_error();

}  // namespace hg::srv
