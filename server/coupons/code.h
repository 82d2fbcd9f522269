// The 12-digit redemption code a coupon page shows (and its QR payload). It is signed and
// short-lived, so a screenshot passed around a chat group stops working within minutes and
// a guessed number is refused; and the member's device can make it with no signal, the way
// payment apps' offline codes and TOTP (RFC 6238) authenticators work:
//
//   code = SSSSSS W MMMMM        (core/coupons/code.h: one derivation for both sides)
//   SSSSSS  the coupon's serial (its rowid) mod 10^6 — the server finds the few coupons
//           sharing that slot and checks the MAC against each
//   W       the 5-minute window the code was made in, mod 10
//   MMMMM   HMAC-SHA-256(K_c, "hgcode|<window>"), first 8 bytes big-endian, mod 10^5
//   K_c     HMAC-SHA-256(server key, "hgcoupon|<serial>"): the coupon's own key
//
// The server key (the session-signing key in meta, shared by every server process on the
// database) never leaves the server; "hgcoupon|" cannot begin a session token's payload
// ("1|…"), so no K_c is ever a token MAC. Each code answer for the coupon's owner (GET /mine,
// GET /{id}/code) carries K_c and the slot (CouponCode::key, slot); the device keeps them
// with its copy of the list and derives the code of the current window itself, using the
// server's time as last seen (so a phone clock set wrong still makes the right window),
// for any instant within the coupon's validity. Merchants are never sent a key: the redeem
// answers name the coupon, not its code. A leaked K_c lets its holder show that one coupon
// (as the member could) until it is used or expires, nothing more.
//
// Verifying is unchanged by where the code was made: the server recomputes K_c from the
// serial and checks the MAC. A code is accepted in its window and the next (5–10 minutes),
// only while the coupon is valid (core's redeem checks validity at the server's time), and
// a coupon redeems once (the redeem's UPDATE … WHERE status = 'issued'). Forging one means
// guessing 5 digits (1 in 100,000 per try, 2 windows of 10 accepted) for a live slot, at a
// merchant the coupon is valid at, through a merchant staff account.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/coupons/code.h"
#include "core/coupons/wire.h"
#include "server/auth/token.h"

namespace hg::srv::coupon_code {

constexpr UnixSeconds kWindowSeconds = kCodeWindowSeconds;
constexpr std::int64_t kSlots = kCodeSlots;
constexpr const char* kQrPrefix = kCodeQrPrefix;

// K_c of the coupon with this serial.
CodeKey coupon_key(const TokenKey& key, std::int64_t serial);

// The code of the window `now` is in, with K_c and the slot: for the coupon's owner only.
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
