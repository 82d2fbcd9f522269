#include "server/coupons/code.h"

namespace hg::srv::coupon_code {

CodeKey coupon_key(const TokenKey& key, std::int64_t serial) {
  return hmac_sha256(key, "hgcoupon|" + std::to_string(serial));
}

CouponCode make(const TokenKey& key, std::int64_t serial, UnixSeconds now) {
  const CodeKey k = coupon_key(key, serial);
  CouponCode c = code_at(k, serial % kSlots, now);
  c.key = code_key_hex(k);
  c.slot = serial % kSlots;
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
  const CodeKey k = coupon_key(key, serial);
  const std::int64_t now_w = code_window(now);
  // The latest window not after now whose last digit is the code's.
  const std::int64_t back = ((now_w % 10) - p.window_digit + 10) % 10;
  if (code_mac(k, now_w - back) == p.mac) return back <= 1 ? Check::ok : Check::expired;
  // An older genuine code (same last digit, whole cycles earlier, up to 10 hours) is
  // still "expired", not "forged": the member only needs to refresh the page.
  for (std::int64_t cycles = 1; cycles <= 12; ++cycles)
    if (code_mac(k, now_w - back - 10 * cycles) == p.mac) return Check::expired;
  return Check::forged;
}

}  // namespace hg::srv::coupon_code
