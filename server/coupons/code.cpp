#include "server/coupons/code.h"

#include <cstdio>

namespace hg::srv::coupon_code {

namespace {
std::string mac_digits(const TokenKey& key, std::int64_t serial, std::int64_t window) {
  const auto h = hmac_sha256(key, "hgcode|" + std::to_string(serial) + "|" + std::to_string(window));
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | h[static_cast<size_t>(i)];
  char buf[8];
  std::snprintf(buf, sizeof buf, "%05llu", static_cast<unsigned long long>(v % 100000));
  return buf;
}

std::int64_t window_of(UnixSeconds t) { return t / kWindowSeconds; }
}  // namespace

CouponCode make(const TokenKey& key, std::int64_t serial, UnixSeconds now) {
  const std::int64_t w = window_of(now);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06lld%d", static_cast<long long>(serial % kSlots), static_cast<int>(w % 10));
  CouponCode c;
  c.code = std::string(buf) + mac_digits(key, serial, w);
  c.qr_payload = kQrPrefix + c.code;
  c.refresh_after = (w + 1) * kWindowSeconds;
  c.expires_at = (w + 2) * kWindowSeconds;
  return c;
}

std::optional<std::string> normalise(std::string_view typed) {
  if (typed.substr(0, 5) == kQrPrefix) typed.remove_prefix(5);
  std::string digits;
  for (char ch : typed) {
    if (ch >= '0' && ch <= '9') digits.push_back(ch);
    else if (ch != ' ' && ch != '-') return std::nullopt;
    if (digits.size() > 12) return std::nullopt;
  }
  if (digits.size() != 12) return std::nullopt;
  return digits;
}

Parsed parse(const std::string& d) {
  Parsed p;
  p.slot = std::stoll(d.substr(0, 6));
  p.window_digit = d[6] - '0';
  p.mac = d.substr(7, 5);
  return p;
}

Check check(const TokenKey& key, const Parsed& p, std::int64_t serial, UnixSeconds now) {
  if (serial % kSlots != p.slot) return Check::forged;
  const std::int64_t now_w = window_of(now);
  // The latest window not after now whose last digit is the code's.
  const std::int64_t back = ((now_w % 10) - p.window_digit + 10) % 10;
  if (mac_digits(key, serial, now_w - back) == p.mac) return back <= 1 ? Check::ok : Check::expired;
  // An older genuine code (same last digit, whole cycles earlier, up to 10 hours) is
  // still "expired", not "forged": the member only needs to refresh the page.
  for (std::int64_t cycles = 1; cycles <= 12; ++cycles)
    if (mac_digits(key, serial, now_w - back - 10 * cycles) == p.mac) return Check::expired;
  return Check::forged;
}

}  // namespace hg::srv::coupon_code
