// The 12-digit redemption code a coupon page shows (and its QR payload). It is signed and
// short-lived, so a screenshot passed around a chat group stops working within minutes
// and a guessed number is refused:
//
//   code = SSSSSS W MMMMM
//   SSSSSS  the coupon's serial (its rowid) mod 10^6 — the server finds the few coupons
//           sharing that slot and checks the MAC against each
//   W       the 5-minute window the code was made in, mod 10
//   MMMMM   HMAC-SHA-256(key, "hgcode|<serial>|<window>") read as a big-endian integer
//           of its first 8 bytes, mod 10^5
//
// A code is accepted in its window and the next (5–10 minutes); the client refreshes at
// refresh_after. Forging one means guessing 5 digits (1 in 100,000 per try) for a live
// slot, at a merchant the coupon is valid at, through a merchant staff account.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/coupons/wire.h"
#include "server/auth/token.h"

namespace hg::srv::coupon_code {

constexpr UnixSeconds kWindowSeconds = 300;
constexpr std::int64_t kSlots = 1000000;
constexpr const char* kQrPrefix = "HGQ1:";

CouponCode make(const TokenKey& key, std::int64_t serial, UnixSeconds now);

// "1234 5678-9012" or "HGQ1:123456789012" → the 12 digits; nullopt when malformed.
std::optional<std::string> normalise(std::string_view typed);

struct Parsed {
  std::int64_t slot = 0;
  int window_digit = 0;
  std::string mac;  // 5 digits
};
Parsed parse(const std::string& digits12);

enum class Check { ok, expired, forged };
// Whether `p` is a genuine code of `serial` that is still fresh at `now`.
Check check(const TokenKey& key, const Parsed& p, std::int64_t serial, UnixSeconds now);

}  // namespace hg::srv::coupon_code
