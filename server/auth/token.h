// Session tokens: the principal, signed with HMAC-SHA-256 (libsodium) under a key kept in the
// database's meta table, so every server process on one database accepts the same tokens
// and a check needs no database read (a rush of claims must not queue on session lookups).
//
//   token = base64url(payload) "." base64url(HMAC(key, payload))
//   payload = "1|<account>|<role>|<subject>|<expires_at>|<display name>"
//
// Tokens expire (default 7 days); there is no server-side session table to revoke one early.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "server/auth/principal.h"

namespace hg::srv {

class Db;

struct TokenKey {
  std::array<std::uint8_t, 32> bytes{};
};

constexpr UnixSeconds kSessionLifetime = 7 * 24 * 3600;

// Reads the signing key from meta, creating a random one on first use (INSERT OR IGNORE, so
// two servers starting together agree on one key).
TokenKey load_or_create_token_key(Db& db);

std::string sign_token(const TokenKey& key, const Principal& p);
// unauthorized when malformed, forged or expired.
Result<Principal> verify_token(const TokenKey& key, std::string_view token, UnixSeconds now);

// URL-safe base64 without padding, and HMAC-SHA-256, for other signed things (codes).
std::string base64url(std::string_view bytes);
std::string from_base64url(std::string_view text);  // "" on malformed input
std::array<std::uint8_t, 32> hmac_sha256(const TokenKey& key, std::string_view message);

}  // namespace hg::srv
