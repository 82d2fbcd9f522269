// What the coupon routes share (see common.h).
//
// Sections:
//   Catalog     campaigns and batches cached by id, the request context, ids and seeds
//   store rows  inserting and reading merchants, campaigns, batches, coupons, redemptions, lotteries
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
constexpr const char* kBatchRulesJson = "batch";

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
  Stmt& s = db.cached(
      "SELECT brand, title_zh, title_en, starts_at, ends_at, union_budget_fen FROM coupon_campaigns WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, id);
  if (!s.step()) return nullptr;
  auto e = std::make_shared<CampaignEntry>();
  e->campaign.id = id;
  e->campaign.brand = brand_from_key(s.column_text(0)).value_or(Brand::gift);
  e->campaign.title_zh = s.column_text(1);
  e->campaign.title_en = s.column_text(2);
  e->campaign.starts_at = s.column_int64(3);
  e->campaign.ends_at = s.column_int64(4);
  e->union_budget_fen = s.column_int64(5);
  s.reset();
  Stmt& m = db.cached(
      "SELECT m.id, m.name_zh, m.name_en FROM coupon_campaign_merchants cm JOIN coupon_merchants m ON m.id = "
      "cm.merchant_id WHERE cm.campaign_id = ?1 ORDER BY cm.position");
  const StmtReset reset_m(m);
  m.bind(1, id);
  while (m.step()) e->campaign.merchants.push_back({m.column_text(0), m.column_text(1), m.column_text(2)});
  std::lock_guard<std::mutex> lock(mu_);
  return campaigns_.emplace(id, std::move(e)).first->second;
}

std::shared_ptr<const BatchEntry> Catalog::batch(Db& db, const std::string& id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = batches_.find(id);
    if (it != batches_.end()) return it->second;
  }
  Stmt& s = db.cached("SELECT rules FROM coupon_batches WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, id);
  if (!s.step()) return nullptr;
  Result<Batch> b = from_json<Batch>(s.column_text(0), kBatchRulesJson, 1 << 20);
  s.reset();
  if (!b) fail(stored_batch_error(id));
  auto e = std::make_shared<BatchEntry>();
  e->batch = std::move(b.value());
  e->campaign = campaign(db, e->batch.campaign_id);
  if (!e->campaign) fail(stored_batch_error(id));
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

// ---- store rows ----

const char* brand_key(Brand b) { return brand_info(b).key; }

std::optional<Brand> brand_from_key(const std::string& key) {
  const BrandInfo* b = hg::brand_from_key(key.c_str());
  if (!b) return std::nullopt;
  return b->brand;
}

void insert_merchant(Db& db, const Merchant& m) {
  Stmt& s = db.cached("INSERT INTO coupon_merchants (id, name_zh, name_en) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
  s.bind(1, m.id).bind(2, m.name_zh).bind(3, m.name_en);
  s.run();
}

void insert_campaign(Db& db, const Campaign& c, Fen union_budget_fen, UnixSeconds now) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_campaigns (id, brand, title_zh, title_en, starts_at, ends_at, union_budget_fen, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  s.bind(1, c.id).bind(2, brand_key(c.brand)).bind(3, c.title_zh).bind(4, c.title_en);
  s.bind(5, static_cast<std::int64_t>(c.starts_at)).bind(6, static_cast<std::int64_t>(c.ends_at));
  s.bind(7, static_cast<std::int64_t>(union_budget_fen)).bind(8, static_cast<std::int64_t>(now));
  s.run();
  for (size_t i = 0; i < c.merchants.size(); ++i) {
    insert_merchant(db, c.merchants[i]);
    Stmt& cm = db.cached("INSERT INTO coupon_campaign_merchants (campaign_id, merchant_id, position) VALUES (?1, ?2, ?3)");
    cm.bind(1, c.id).bind(2, c.merchants[i].id).bind(3, static_cast<std::int64_t>(i));
    cm.run();
  }
}

void insert_batch(Db& db, const Batch& b, UnixSeconds now) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_batches (id, campaign_id, rules, per_member, by_lottery, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  s.bind(1, b.id).bind(2, b.campaign_id).bind(3, to_json(kBatchRulesJson, b));
  s.bind(4, static_cast<std::int64_t>(b.limit.per_member)).bind(5, b.by_lottery).bind(6, static_cast<std::int64_t>(now));
  s.run();
}

std::vector<std::string> campaign_ids(Db& db) {
  std::vector<std::string> out;
  Stmt& s = db.cached("SELECT id FROM coupon_campaigns ORDER BY created_at, id");
  const StmtReset reset_s(s);
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

std::vector<std::string> batch_ids(Db& db, const std::string& campaign_id) {
  std::vector<std::string> out;
  Stmt& s = db.cached("SELECT id FROM coupon_batches WHERE campaign_id = ?1 ORDER BY created_at, id");
  const StmtReset reset_s(s);
  s.bind(1, campaign_id);
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

std::optional<Member> find_member(Db& db, const std::string& member_id) {
  Stmt& s = db.cached("SELECT occupation, member_group, union_name, city FROM members WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, member_id);
  if (!s.step()) return std::nullopt;
  static const char* kOcc[] = {"delivery_rider", "ride_hailing_driver", "courier", "port_worker", "factory_worker", "office"};
  static const char* kGroup[] = {"general", "new_employment", "young", "model_worker"};
  Member m;
  m.id = member_id;
  const std::string occ = s.column_text(0), group = s.column_text(1);
  for (int i = 0; i < 6; ++i)
    if (occ == kOcc[i]) m.occupation = static_cast<Occupation>(i);
  for (int i = 0; i < 4; ++i)
    if (group == kGroup[i]) m.group = static_cast<MemberGroup>(i);
  m.union_name = s.column_text(2);
  m.city = s.column_text(3);
  return m;
}

std::optional<std::int64_t> stock_remaining(Db& db, const std::string& batch_id, const std::string& period_key) {
  Stmt& s = db.cached("SELECT remaining FROM coupon_stock WHERE batch_id = ?1 AND period_key = ?2");
  const StmtReset reset_s(s);
  s.bind(1, batch_id).bind(2, period_key);
  std::optional<std::int64_t> r;
  if (s.step()) r = s.column_int64(0);
  return r;
}

std::int64_t member_claims(Db& db, const std::string& batch_id, const std::string& member_id,
                           const std::string& limit_key) {
  Stmt& s = db.cached("SELECT count(*) FROM coupon_claims WHERE batch_id = ?1 AND member_id = ?2 AND limit_key = ?3");
  const StmtReset reset_s(s);
  s.bind(1, batch_id).bind(2, member_id).bind(3, limit_key);
  s.step();
  const std::int64_t n = s.column_int64(0);
  return n;
}

Coupon read_coupon(const Stmt& s, std::int64_t* serial) {
  Coupon c;
  std::int64_t row_serial = 0;
  std::string status;
  s.columns(0, row_serial, c.id, c.claim_id, c.batch_id, c.campaign_id, c.member_id, c.item_index, c.stock_key,
            c.limit_key, c.claimed_at, c.valid_from, c.valid_until, status, c.redeemed_at);
  if (serial) *serial = row_serial;
  c.status = status == "redeemed" ? CouponStatus::redeemed
             : status == "revoked" ? CouponStatus::revoked
                                   : CouponStatus::issued;
  return c;
}

Redemption read_redemption_row(const Stmt& s, Fen* refunded) {
  Redemption r;
  PricePreview& p = r.price;
  Fen refunded_fen = 0;
  s.columns(0, r.id, r.coupon_id, r.batch_id, r.campaign_id, r.member_id, r.merchant_id, r.redeemed_at, p.order_fen,
            p.discount_fen, p.worker_pays_fen, p.merchant_fen, p.union_fen, refunded_fen);
  if (refunded) *refunded = refunded_fen;
  return r;
}

void insert_coupon(Db& db, const Coupon& c) {
  Stmt& s = db.cached(
      "INSERT INTO coupons (id, claim_id, batch_id, campaign_id, member_id, item_index, stock_key, limit_key, "
      "claimed_at, valid_from, valid_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  s.bind(1, c.id).bind(2, c.claim_id).bind(3, c.batch_id).bind(4, c.campaign_id).bind(5, c.member_id);
  s.bind(6, c.item_index).bind(7, c.stock_key).bind(8, c.limit_key).bind(9, static_cast<std::int64_t>(c.claimed_at));
  s.bind(10, static_cast<std::int64_t>(c.valid_from)).bind(11, static_cast<std::int64_t>(c.valid_until));
  s.run();
}

void insert_lottery(Db& db, const Lottery& l) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_lotteries (id, batch_id, registration_opens, registration_closes, prizes, per_member_cap, "
      "seed_commitment, committed_at, seed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  s.bind(1, l.id).bind(2, l.batch_id).bind(3, static_cast<std::int64_t>(l.registration_opens));
  s.bind(4, static_cast<std::int64_t>(l.registration_closes)).bind(5, l.prizes).bind(6, l.per_member_cap);
  s.bind(7, l.seed_commitment).bind(8, static_cast<std::int64_t>(l.committed_at)).bind(9, l.seed);
  s.run();
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
  v.remaining = stock_remaining(db, b.id, keys.stock_key).value_or(v.stock);
  const WindowStatus w = window_status(b.window, now);
  v.next_open = w.next_open;
  v.closes = w.closes;
  const bool campaign_over = now >= e.campaign->campaign.ends_at;
  if (w.phase == WindowPhase::before && !campaign_over) v.state = batch_state::kNotOpenYet;
  else if (w.phase == WindowPhase::after || campaign_over) v.state = batch_state::kClosed;
  else if (v.remaining <= 0 && !b.by_lottery) v.state = batch_state::kSoldOut;
  else v.state = batch_state::kOpen;
  if (b.by_lottery) {
    Stmt& s = db.cached("SELECT id FROM coupon_lotteries WHERE batch_id = ?1 ORDER BY registration_closes DESC LIMIT 1");
    const StmtReset reset_s(s);
    s.bind(1, b.id);
    if (s.step()) v.lottery_id = s.column_text(0);
  }
  if (member) {
    v.member_claimed = static_cast<std::int32_t>(member_claims(db, b.id, member->id, keys.limit_key));
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
