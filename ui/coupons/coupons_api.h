// The coupons API as the screens use it (server/coupons/API.md): typed answers parsed from
// core/coupons/wire.h, refusals with their reason, and the server's clock for countdowns.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/coupons/wire.h"
#include "core/error.h"
#include "core/json.h"
#include "ui/api_call.h"
#include "ui/session.h"

namespace hg::ui::coupons {

constexpr const char* kApi = "/api/v1/coupons";

// What came back: the value, or the error (zh + en) and, for a refusal, its reason.
template <class T>
struct Answer : ApiAnswer<T> {
  std::optional<CouponRefusal> refusal;
};

std::optional<CouponRefusal> refusal_of(const HttpResponse& r);

// Sends `req` with the session's token; parses a 2xx body's `name`, anything else into
// error/refusal (ui/api_call.h). Big lists are allowed (campaign lists flow server → client).
template <class T>
void call(Session& session, HttpRequest req, const char* name, std::function<void(Answer<T>)> done) {
  api_call<T, Answer<T>>(session, std::move(req), name, std::move(done),
                         [](const HttpResponse& r, Answer<T>& a) { a.refusal = refusal_of(r); });
}

// The server's clock: countdowns are target − server time, never the device's clock (a
// phone set five minutes fast must not show the rush as open).
class ServerClock {
 public:
  // `server_now` from an answer received when the device clock read `device_ms`.
  void sync(UnixSeconds server_now, std::int64_t device_ms);
  bool known() const { return known_; }
  // The server's time now; the device's own clock until an answer has been seen.
  UnixSeconds now(std::int64_t device_ms) const;
  // Whole seconds until `target`, as the server counts them.
  std::int64_t until(UnixSeconds target, std::int64_t device_ms) const { return target - now(device_ms); }
  // How far the device's clock is behind the server's (negative: ahead), as last seen.
  std::int64_t offset_ms() const { return offset_ms_; }

 private:
  bool known_ = false;
  std::int64_t offset_ms_ = 0;  // server − device
};

// A coupon's state at `now` (the server's time): the list may be the device's copy from
// hours ago, so a coupon valid then may have expired since, or become valid.
const char* state_at(const CouponView& cv, UnixSeconds now);

}  // namespace hg::ui::coupons
