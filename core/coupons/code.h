// The coupon's 12-digit redemption code, derived one way by both sides: the server (to give
// and to verify it, server/coupons/code.h) and the member's device (to show it with no
// signal), in the manner of TOTP (RFC 6238):
//
//   code = SSSSSS W MMMMM
//   SSSSSS  the coupon's slot: its serial mod 10^6
//   W       the 5-minute window (unix seconds / 300) mod 10
//   MMMMM   HMAC-SHA-256(K_c, "hgcode|<window>") read as a big-endian integer of its first
//           8 bytes, mod 10^5
//
// K_c is the coupon's own 32-byte key. The server derives it from its secret and gives it
// (CouponCode::key, hex) only to the coupon's owner; with it the device makes the code of
// any window itself. The QR code holds "HGQ1:" + the 12 digits.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/coupons/sha256.h"
#include "core/coupons/wire.h"

namespace hg {

using CodeKey = Sha256Digest;

constexpr UnixSeconds kCodeWindowSeconds = 300;
constexpr std::int64_t kCodeSlots = 1000000;
constexpr const char* kCodeQrPrefix = "HGQ1:";

std::int64_t code_window(UnixSeconds t);
// MMMMM: the five MAC digits of `window`.
std::string code_mac(const CodeKey& key, std::int64_t window);
// The code of the window `now` is in: code, qr_payload, refresh_after (the next window's
// start) and expires_at (the end of the next window: a code is accepted in its window and
// the next). key and slot are left empty.
CouponCode code_at(const CodeKey& key, std::int64_t slot, UnixSeconds now);

// 64 lower-case hex digits, and back (nullopt unless exactly that).
std::string code_key_hex(const CodeKey& key);
std::optional<CodeKey> code_key_from_hex(std::string_view hex);

// The code a member's device shows at `now` (the server's time as the device last saw it)
// for a coupon whose code came with its key: derived on the device, with the given key and
// slot kept. nullopt without a usable key, or when `now` is outside the coupon's validity.
std::optional<CouponCode> device_code(const CouponCode& given, const Coupon& coupon, UnixSeconds now);

}  // namespace hg
