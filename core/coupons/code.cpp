#include "core/coupons/code.h"

#include <cstdio>

#include "core/coupons/hmac.h"

namespace hg {

std::int64_t code_window(UnixSeconds t) {
  // Floor division, so an instant before 1970 (never a real one) still falls in one window.
  return t >= 0 ? t / kCodeWindowSeconds : -((-t + kCodeWindowSeconds - 1) / kCodeWindowSeconds);
}

std::string code_mac(const CodeKey& key, std::int64_t window) {
  const Sha256Digest h = hmac_sha256(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()),
                                     "hgcode|" + std::to_string(window));
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | h[i];
  char buf[8];
  std::snprintf(buf, sizeof buf, "%05llu", static_cast<unsigned long long>(v % 100000));
  return buf;
}

CouponCode code_at(const CodeKey& key, std::int64_t slot, UnixSeconds now) {
  const std::int64_t w = code_window(now);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06lld%d", static_cast<long long>(slot % kCodeSlots),
                static_cast<int>(((w % 10) + 10) % 10));
  CouponCode c;
  c.code = std::string(buf) + code_mac(key, w);
  c.qr_payload = kCodeQrPrefix + c.code;
  c.refresh_after = (w + 1) * kCodeWindowSeconds;
  c.expires_at = (w + 2) * kCodeWindowSeconds;
  return c;
}

std::string code_key_hex(const CodeKey& key) { return to_hex(key); }

std::optional<CodeKey> code_key_from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  auto nibble = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
  };
  CodeKey key{};
  for (std::size_t i = 0; i < key.size(); ++i) {
    const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    key[i] = static_cast<std::uint8_t>(hi << 4 | lo);
  }
  return key;
}

std::optional<CouponCode> device_code(const CouponCode& given, const Coupon& coupon, UnixSeconds now) {
  const std::optional<CodeKey> key = code_key_from_hex(given.key);
  if (!key || now < coupon.valid_from || now > coupon.valid_until) return std::nullopt;
  CouponCode c = code_at(*key, given.slot, now);
  c.key = given.key;
  c.slot = given.slot;
  return c;
}

}  // namespace hg
