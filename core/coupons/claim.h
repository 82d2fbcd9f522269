// The claim decision: may this member claim this batch at this instant, given how many
// claims the current stock period and the member's limit period already hold? The server
// calls it inside the transaction whose UNIQUE/CHECK constraints make it binding; the
// client calls it to grey out the button and say why. Same inputs, same answer.
//
// Checks run in the order a member can act on: eligibility (never changes), then the
// window (come back later), then the member's own limit (you already have one), then stock.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/coupons/batch.h"
#include "core/coupons/coupon.h"
#include "core/coupons/coupon_errors.h"
#include "core/error.h"
#include "core/ids.h"
#include "core/models/member.h"

namespace hg {

// The buckets a claim at t counts against; the server reads its counts under these keys.
struct ClaimKeys {
  std::string stock_key;
  std::string limit_key;
};
ClaimKeys claim_keys(const Batch& b, UnixSeconds t);

struct ClaimCounts {
  std::int64_t issued_in_period = 0;   // claims already made against stock_key
  std::int64_t member_in_period = 0;   // this member's claims under limit_key
};

struct ClaimDecision {
  // nullopt: the claim may proceed. Otherwise not_open_yet, window_closed, not_eligible,
  // limit_reached, sold_out, or invalid_batch / invalid_amount for bad input.
  std::optional<CouponErrc> refusal;
  Error error;                  // zh + en, set when refused
  ClaimKeys keys;
  std::int64_t stock = 0;       // for keys.stock_key
  std::int64_t remaining = 0;   // stock left before this claim, never negative
  UnixSeconds next_open = 0;    // not_open_yet / window_closed: when to come back (0 = never)

  bool ok() const { return !refusal; }
};

ClaimDecision decide_claim(const Batch& b, const Member& m, UnixSeconds now, const ClaimCounts& counts);

// Coupon `item` of claim `claim_id` on `b`, all but its id (the caller's id source gives
// it): what every way of issuing (a claim, a lottery prize) writes.
Coupon claimed_coupon(const Batch& b, std::size_t item, const std::string& claim_id, const std::string& member_id,
                      const ClaimKeys& keys, const ValidSpan& span, UnixSeconds now);

// The coupons one claim issues: one per item, ids from `ids` at `now`, validity from the
// batch. Does not decide; call decide_claim first (claim() does both).
std::vector<Coupon> issue_coupons(const Batch& b, const std::string& member_id, UnixSeconds now, IdGenerator& ids);
Result<std::vector<Coupon>> claim(const Batch& b, const Member& m, UnixSeconds now, const ClaimCounts& counts,
                                  IdGenerator& ids);

}  // namespace hg
