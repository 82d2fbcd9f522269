// What the coupon routes share (see common.h).
//
// Sections:
//   Catalog     campaigns and batches cached by id, the request context, ids and seeds
//   brands      the brand's protocol word
//   views       a coupon's state and view, a batch's view for a member
//   answers     refusal bodies and the refusal ladder
#include "server/coupons/common.h"

#include <sodium.h>

#include <random>

#include "core/coupons/claim.h"
#include "core/json.h"
#include "server/api_error.h"
#include "server/coupons/code.h"

namespace hg::srv::coupons {

namespace {
std::uint64_t random_seed() {
  std::random_device rd;
  return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}

Error stored_batch_error(const std::string& id) {
  return make_error(Errc::internal, "券批次数据有误", "A stored coupon batch is malformed: " + id);
}
}  // namespace

// ---- Catalog ----

std::shared_ptr<const CampaignEntry> Catalog::campaign(Db& db, const std::string& id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = campaigns_.find(id);
    if (it != campaigns_.end()) return it->second;
  }
  std::optional<coupon_repo::StoredCampaign> row = coupon_repo::find_campaign(db, id);
  if (!row) return nullptr;
  auto e = std::make_shared<CampaignEntry>(std::move(*row));
  std::lock_guard<std::mutex> lock(mu_);
  return campaigns_.emplace(id, std::move(e)).first->second;
}

std::shared_ptr<const BatchEntry> Catalog::batch(Db& db, const std::string& id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = batches_.find(id);
    if (it != batches_.end()) return it->second;
  }
  std::optional<Batch> b = coupon_repo::find_batch(db, id);
  if (!b) return nullptr;
  auto e = std::make_shared<BatchEntry>();
  e->batch = std::move(*b);
  e->campaign = campaign(db, e->batch.campaign_id);
  if (!e->campaign) fail(stored_batch_error(id));  // its campaign is missing
  std::lock_guard<std::mutex> lock(mu_);
  return batches_.emplace(id, std::move(e)).first->second;
}

Ctx::Ctx(ApiContext& a) : api(a), ids_(random_seed()) {}

std::string Ctx::new_id(UnixSeconds now) {
  std::lock_guard<std::mutex> lock(id_mu_);
  return id_to_string(ids_.next(std::max<UnixSeconds>(now, 0) * 1000));
}

std::string random_seed_hex() {
  if (sodium_init() < 0) fail(Errc::internal, "随机数初始化失败", "The random source failed");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

// ---- brands ----

std::optional<Brand> brand_from_key(const std::string& key) {
  const BrandInfo* b = hg::brand_from_key(key.c_str());
  if (!b) return std::nullopt;
  return b->brand;
}

// ---- views ----

const char* coupon_state(const Coupon& c, UnixSeconds now) {
  if (c.status == CouponStatus::redeemed) return coupon_state::kUsed;
  if (c.status == CouponStatus::revoked) return coupon_state::kRevoked;
  if (now > c.valid_until) return coupon_state::kExpired;
  if (now < c.valid_from) return coupon_state::kNotValidYet;
  return coupon_state::kValid;
}

CouponView coupon_view(Ctx& ctx, const BatchEntry& b, const Coupon& c, std::int64_t serial, UnixSeconds now) {
  CouponView v;
  v.coupon = c;
  v.state = coupon_state(c, now);
  v.brand = b.campaign->campaign.brand;
  v.campaign_title_zh = b.campaign->campaign.title_zh;
  v.campaign_title_en = b.campaign->campaign.title_en;
  if (c.item_index >= 0 && static_cast<size_t>(c.item_index) < b.batch.items.size())
    v.item = b.batch.items[static_cast<size_t>(c.item_index)];
  for (const std::string& id : v.item.merchant_ids)
    if (const Merchant* m = find_merchant(b.campaign->campaign, id)) v.merchants.push_back(*m);
  v.stacking = b.batch.stacking;
  // A coupon not valid yet gets its key too: the device shows its code from valid_from on.
  if (v.state == std::string(coupon_state::kValid) || v.state == std::string(coupon_state::kNotValidYet))
    v.code = coupon_code::make(ctx.api.token_key, serial, now);
  return v;
}

BatchView batch_view(Db& db, const BatchEntry& e, const Member* member, UnixSeconds now) {
  const Batch& b = e.batch;
  BatchView v;
  v.batch = b;
  const ClaimKeys keys = claim_keys(b, now);
  v.period_key = keys.stock_key;
  v.stock = stock_for(b.stock, keys.stock_key);
  v.remaining = coupon_repo::stock_remaining(db, b.id, keys.stock_key).value_or(v.stock);
  const WindowStatus w = window_status(b.window, now);
  v.next_open = w.next_open;
  v.closes = w.closes;
  const bool campaign_over = now >= e.campaign->campaign.ends_at;
  if (w.phase == WindowPhase::before && !campaign_over) v.state = batch_state::kNotOpenYet;
  else if (w.phase == WindowPhase::after || campaign_over) v.state = batch_state::kClosed;
  else if (v.remaining <= 0 && !b.by_lottery) v.state = batch_state::kSoldOut;
  else v.state = batch_state::kOpen;
  if (b.by_lottery) {
    v.lottery_id = coupon_repo::latest_lottery_of(db, b.id);
  }
  if (member) {
    v.member_claimed = static_cast<std::int32_t>(coupon_repo::member_claims(db, b.id, member->id, keys.limit_key));
    if (!is_eligible(b.eligibility, *member)) v.member_state = refusal::kNotEligible;
    else if (b.by_lottery) v.member_state = refusal::kByLottery;
    else if (v.member_claimed >= b.limit.per_member) v.member_state = refusal::kLimitReached;
    else v.member_state = kCanClaim;
  }
  return v;
}

// ---- answers ----

const char* reason_of(CouponErrc e) {
  switch (e) {
    case CouponErrc::not_open_yet:
    case CouponErrc::window_closed:
    case CouponErrc::sold_out:
    case CouponErrc::limit_reached:
    case CouponErrc::not_eligible:
    case CouponErrc::not_valid_yet:
    case CouponErrc::expired:
    case CouponErrc::already_used:
    case CouponErrc::revoked:
    case CouponErrc::wrong_merchant:
    case CouponErrc::below_threshold:
    case CouponErrc::refund_too_large:
    case CouponErrc::registration_closed: return coupon_reason(e);  // core's word for it
    default: return "";
  }
}

Response refusal(const Error& e, const std::string& reason, UnixSeconds next_open, std::int64_t remaining) {
  CouponRefusal r;
  r.reason = reason;
  r.next_open = next_open;
  r.remaining = remaining;
  std::string body = error_to_json(e);
  const std::string extra = to_json(kCouponRefusalJson, r);
  // {"error":{…}} + {"coupon_refusal":{…}} → {"error":{…},"coupon_refusal":{…}}
  body.pop_back();
  body += "," + extra.substr(1);
  return Response::json(e.http_status(), std::move(body));
}

Response refusal_from(const Error& e, CouponErrc why) {
  const char* reason = reason_of(why);
  if (!*reason) return Response::error(e);
  return refusal(e, reason);
}

Response refusals_answered(const std::function<Response()>& fn) {
  try {
    return fn();
  } catch (const RefusalError& e) {
    return refusal(e.error(), e.reason(), e.next_open());
  }
}

}  // namespace hg::srv::coupons
