#include "ui/coupons/coupons_api.h"

namespace hg::ui::coupons {

std::optional<CouponRefusal> refusal_of(const HttpResponse& r) {
  if (r.status < 400 || r.body.find(kCouponRefusalJson) == std::string::npos) return std::nullopt;
  // The body is {"error":{…},"coupon_refusal":{…}}: cereal finds the member by name.
  Result<CouponRefusal> v = from_json<CouponRefusal>(r.body, kCouponRefusalJson, 1u << 20);
  if (!v.ok() || v.value().reason.empty()) return std::nullopt;
  return v.value();
}

void ServerClock::sync(UnixSeconds server_now, std::int64_t device_ms) {
  if (server_now <= 0) return;
  // The answer's second is truncated: add half a second so the average error is zero.
  offset_ms_ = server_now * 1000 + 500 - device_ms;
  known_ = true;
}

UnixSeconds ServerClock::now(std::int64_t device_ms) const {
  const std::int64_t ms = device_ms + offset_ms_;
  return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

const char* state_at(const CouponView& cv, UnixSeconds now) {
  if (cv.state != coupon_state::kValid && cv.state != coupon_state::kNotValidYet) return cv.state.c_str();
  if (now > cv.coupon.valid_until) return coupon_state::kExpired;
  return now >= cv.coupon.valid_from ? coupon_state::kValid : coupon_state::kNotValidYet;
}

}  // namespace hg::ui::coupons
