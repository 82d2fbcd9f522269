// HMAC-SHA-256 (RFC 2104) over core's SHA-256: the MAC of coupon codes, which the server
// and the member's device both compute (core/coupons/code.h). Tested against the RFC 4231
// vectors, and against libsodium's crypto_auth_hmacsha256 in the server tests.
#pragma once
#include <string_view>

#include "core/coupons/sha256.h"

namespace hg {

// Keys longer than SHA-256's 64-byte block are hashed first, as RFC 2104 says.
Sha256Digest hmac_sha256(std::string_view key, std::string_view message);

}  // namespace hg
