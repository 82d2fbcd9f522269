// Every way a coupon request can be refused or rejected, as one hg::Error each (code +
// 中文 + English). Claim refusals are what a member sees in the monthly rush; the server
// sends the same error the client's preview showed, because both call the same rules.
#pragma once
#include <cstdint>
#include <string>

#include "core/cst_time.h"
#include "core/error.h"

namespace hg {

enum class CouponErrc : std::uint8_t {
  // claim refusals
  not_open_yet,
  window_closed,
  sold_out,
  limit_reached,
  not_eligible,
  // redemption refusals
  not_valid_yet,
  expired,
  already_used,
  revoked,
  wrong_merchant,
  below_threshold,
  not_stackable,
  // refunds
  refund_too_large,
  // lottery
  registration_closed,
  seed_not_revealed,
  seed_mismatch,
  // set-up and input errors (the detail says which field)
  invalid_rule,
  invalid_funding,
  invalid_batch,
  invalid_campaign,
  invalid_amount,
  invalid_lottery,
};

// Its Error::reason, the word clients and servers tell refusals apart by ("sold_out", …).
const char* coupon_reason(CouponErrc reason);
Error coupon_error(CouponErrc reason);
// The same error with a detail appended ("：…" / ": …"), e.g. which field is wrong.
Error coupon_error(CouponErrc reason, const std::string& zh_detail, const std::string& en_detail);
// Refusals that name the moment the member can try again, in CST.
Error not_open_yet_error(UnixSeconds opens_at);
// True when `e` is `reason`, with or without detail (by its reason, never its text).
bool is_coupon_error(const Error& e, CouponErrc reason);

}  // namespace hg
