// Campaign list, the rush claim, my coupons and their codes.
//
// The claim is the hot path of the monthly rush. On a worker: the session token is checked
// by its HMAC (no database read), the batch comes from the in-memory catalogue, and a few
// committed reads (member, the member's count, stock left) refuse what is already known to
// fail without queueing it. The write itself runs in the group-committed transaction:
// re-read the member's count and the stock row, decide with core's decide_claim, decrement
// stock (CHECK remaining >= 0), insert the claim (UNIQUE per member, period and seq, and a
// trigger for the limit) and its coupons — a handful of indexed statements, all cached.
//
// Sections:
//   claim         the decision inside the write and its refusals
//   claim answer  the ClaimResult body written by hand (the rush's hottest bytes)
//   replay        a retried claim answered from its stored result; one claim attempt
//   routes        campaigns, claim, mine, code
#include "server/body.h"
#include "server/coupons/routes_parts.h"

#include <cstdio>

#include "core/coupons/claim.h"
#include "core/json.h"
#include "server/api_error.h"
#include "server/auth/require.h"
#include "server/coupons/code.h"
#include "server/store/group_commit.h"
#include "server/store/idempotency.h"

namespace hg::srv::coupons {

// ---- claim ----

namespace {

Error unknown_batch() { return make_error(Errc::not_found, "没有这个券批次", "No such coupon batch"); }

Response refusal_of(const ClaimDecision& d) {
  return refusal(d.error, d.refusal ? reason_of(*d.refusal) : "", d.next_open, d.remaining);
}

// Inside the transaction: decide again on the current state, then write. The request's
// Idempotency-Key and fingerprint are kept on the claim (migration 6), with the stock left
// that the answer reports, so a retry can be answered the same way (claim_replay).
Response do_claim(Ctx& c, Db& db, const BatchEntry& e, const Member& m, const IdempotentRequest& idem,
                  UnixSeconds now) {
  const Batch& b = e.batch;
  const ClaimKeys keys = claim_keys(b, now);
  const std::int64_t stock = stock_for(b.stock, keys.stock_key);
  const std::optional<std::int64_t> left = coupon_repo::stock_remaining(db, b.id, keys.stock_key);
  ClaimCounts counts;
  counts.issued_in_period = stock - left.value_or(stock);
  counts.member_in_period = coupon_repo::member_claims(db, b.id, m.id, keys.limit_key);
  const ClaimDecision d = decide_claim(b, m, now, counts);
  if (!d.ok()) return refusal_of(d);
  coupon_repo::take_one(db, b.id, keys.stock_key, stock, left.has_value());
  ClaimResult r;
  r.remaining = d.remaining - 1;
  r.claim_id = c.new_id(now);
  coupon_repo::insert_claim(db, r.claim_id, b.id, m.id, keys, counts.member_in_period + 1, now, idem.key,
                            idem.fingerprint, r.remaining);
  const ValidSpan span = valid_span(b.validity, now);
  for (std::size_t i = 0; i < b.items.size(); ++i) {
    Coupon cp = claimed_coupon(b, i, r.claim_id, m.id, keys, span, now);
    cp.id = c.new_id(now);
    coupon_repo::insert_coupon(db, cp);
    r.coupons.push_back(std::move(cp));
  }
  return Response::json(200, claim_result_json(r));
}

// ---- claim answer ----

// The claim answer written directly (the rush's hot path: cereal's stream-based writer
// costs more than the claim's SQL). The same JSON to_json(kClaimResultJson, r) writes,
// class versions included, so from_json reads it; a test compares the two.
void json_string(std::string& out, const std::string& v) {
  out.push_back('"');
  for (char ch : v) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out.push_back(ch);
    }
  }
  out.push_back('"');
}

void json_field(std::string& out, const char* name, const std::string& v) {
  out += ",\"";
  out += name;
  out += "\":";
  json_string(out, v);
}

void json_field(std::string& out, const char* name, std::int64_t v) {
  out += ",\"";
  out += name;
  out += "\":";
  out += std::to_string(v);
}

}  // namespace

std::string claim_result_json(const ClaimResult& r) {
  std::string out;
  out.reserve(300 + 420 * r.coupons.size());
  out += "{\"claim_result\":{\"cereal_class_version\":1";
  json_field(out, "claim_id", r.claim_id);
  out += ",\"coupons\":[";
  for (size_t i = 0; i < r.coupons.size(); ++i) {
    const Coupon& c = r.coupons[i];
    out += i ? ",{\"cereal_class_version\":1" : "{\"cereal_class_version\":1";
    json_field(out, "id", c.id);
    json_field(out, "claim_id", c.claim_id);
    json_field(out, "batch_id", c.batch_id);
    json_field(out, "campaign_id", c.campaign_id);
    json_field(out, "member_id", c.member_id);
    json_field(out, "item_index", static_cast<std::int64_t>(c.item_index));
    json_field(out, "stock_key", c.stock_key);
    json_field(out, "limit_key", c.limit_key);
    json_field(out, "claimed_at", c.claimed_at);
    json_field(out, "valid_from", c.valid_from);
    json_field(out, "valid_until", c.valid_until);
    json_field(out, "status", static_cast<std::int64_t>(c.status));
    json_field(out, "redeemed_at", c.redeemed_at);
    out += "}";
  }
  out += "]";
  json_field(out, "remaining", r.remaining);
  out += "}}";
  return out;
}

namespace {

// ---- replay ----

// The first answer to a claim made with this key, rebuilt from the claim row and its coupons
// (written once; only status and redeemed_at change later, and the first answer showed them
// as a fresh coupon has them). nullopt when this member made no claim with the key; the same
// key with another request throws key_reused_error().
std::optional<Response> claim_replay(Db& db, const IdempotentRequest& idem, const std::string& member_id) {
  std::optional<coupon_repo::KeyedClaim> k = coupon_repo::claim_by_key(db, member_id, idem.key);
  if (!k) return std::nullopt;
  if (k->idem_hash != idem.fingerprint) fail(key_reused_error());
  ClaimResult r;
  r.claim_id = std::move(k->claim_id);
  r.remaining = k->answer_remaining;
  coupon_repo::claim_coupons(db, r.claim_id, r.coupons);
  for (Coupon& c : r.coupons) {
    c.status = Coupon{}.status;
    c.redeemed_at = Coupon{}.redeemed_at;
  }
  Response answer = Response::json(200, claim_result_json(r));
  answer.set_header("Idempotent-Replay", "true");
  return answer;
}

// A claim's idempotency: the shared table first (a key this account used for some other
// write, or a claim from before migration 6), then the member's claims; else do the claim.
Response claim_once(Ctx& c, Db& db, const IdempotentRequest& idem, const Principal& me, const BatchEntry& batch,
                    const Member& m, UnixSeconds now) {
  if (std::optional<Response> first = stored_answer(db, idem, me.account_id)) return std::move(*first);
  if (std::optional<Response> first = claim_replay(db, idem, me.subject)) return std::move(*first);
  return do_claim(c, db, batch, m, idem, now);
}

}  // namespace

// ---- routes ----

void add_claim_routes(Router& router, const std::shared_ptr<Ctx>& cp) {
  router.add("GET", "/api/v1/coupons/campaigns", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const std::optional<Principal> me = authenticate_optional(req, c.api);
    const std::string brand = req.query("brand");
    std::optional<Brand> only;
    if (!brand.empty()) {
      only = brand_from_key(brand);
      if (!only) fail(Errc::invalid_input, "未知的品牌：" + brand, "Unknown brand: " + brand);
    }
    CampaignList list;
    list.server_now = c.api.now();
    c.api.store.read([&](Db& db) {
      std::optional<Member> member;
      if (me && me->role == Role::member) member = coupon_repo::find_member(db, me->subject);
      for (const std::string& id : coupon_repo::campaign_ids(db)) {
        auto camp = c.catalog.campaign(db, id);
        if (!camp || (only && camp->campaign.brand != *only)) continue;
        if (list.server_now >= camp->campaign.ends_at) continue;  // finished campaigns drop off
        CampaignView v;
        v.campaign = camp->campaign;
        v.union_budget_fen = camp->union_budget_fen;
        for (const std::string& bid : coupon_repo::batch_ids(db, id))
          if (auto b = c.catalog.batch(db, bid)) v.batches.push_back(batch_view(db, *b, member ? &*member : nullptr, list.server_now));
        list.campaigns.push_back(std::move(v));
      }
      return 0;
    });
    return Response::json(200, to_json(kCampaignListJson, list));
  });

  router.add_write("POST", "/api/v1/coupons/claim", [cp](const Request& req) -> WriteOp {
    Ctx& c = *cp;
    const Principal me = require_role(req, c.api, {Role::member});
    // Hashed here on the worker, not by the single writer.
    IdempotentRequest idem = idempotent_request(req);
    const ClaimRequest in = body<ClaimRequest>(req, kClaimRequestJson);
    const UnixSeconds now = c.api.now();
    std::shared_ptr<const BatchEntry> batch;
    std::optional<Member> member;
    std::optional<Response> first;  // the answer to this key's claim, when it went through
    std::optional<ClaimDecision> early;
    c.api.store.read([&](Db& db) {
      batch = c.catalog.batch(db, in.batch_id);
      member = coupon_repo::find_member(db, me.subject);
      if (!batch || !member) return 0;
      // Committed state only, so a refusal here is certain (stock never comes back within
      // a period); a pass is decided again in the write. The member's own count is left
      // to the write: double-clicks are rare, and the rush should not pay for them.
      const ClaimKeys keys = claim_keys(batch->batch, now);
      const std::int64_t stock = stock_for(batch->batch.stock, keys.stock_key);
      ClaimCounts counts;
      counts.issued_in_period = stock - coupon_repo::stock_remaining(db, batch->batch.id, keys.stock_key).value_or(stock);
      ClaimDecision d = decide_claim(batch->batch, *member, now, counts);
      if (!d.ok()) {
        // A retry of a claim that went through gets its first answer, not this refusal.
        first = stored_answer(db, idem, me.account_id);
        if (!first) first = claim_replay(db, idem, me.subject);
        early = std::move(d);
      }
      return 0;
    });
    // Committed answers never change: no need to queue the retry behind the rush.
    if (first) return ReadyAnswer{std::move(*first)};
    if (!batch) fail(unknown_batch());
    if (!member) fail(Errc::forbidden, "找不到您的会员资料", "Your member record was not found");
    if (early) {
      // The refusal's body carries coupon_refusal, which only an operation's answer can;
      // it writes nothing, so GroupCommit answers it at once without queueing it.
      return ReadyAnswer{batch->batch.by_lottery ? refusal(early->error, refusal::kByLottery) : refusal_of(*early)};
    }
    return [cp, idem = std::move(idem), me, now, batch = std::move(batch), m = std::move(*member)](Db& db) {
      return claim_once(*cp, db, idem, me, *batch, m, now);
    };
  });

  router.add("GET", "/api/v1/coupons/mine", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const Principal me = require_role(req, c.api, {Role::member});
    MyCoupons out;
    out.server_now = c.api.now();
    c.api.store.read([&](Db& db) {
      const std::vector<coupon_repo::NumberedCoupon> rows = coupon_repo::member_coupons(db, me.subject);
      for (const coupon_repo::NumberedCoupon& n : rows)
        if (auto b = c.catalog.batch(db, n.coupon.batch_id))
          out.coupons.push_back(coupon_view(c, *b, n.coupon, n.serial, out.server_now));
      return 0;
    });
    return Response::json(200, to_json(kMyCouponsJson, out));
  });

  router.add("GET", "/api/v1/coupons/{id}/code", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const Principal me = require_role(req, c.api, {Role::member});
    const std::string id(req.param("id"));
    const UnixSeconds now = c.api.now();
    return c.api.store.read([&](Db& db) {
      const std::optional<coupon_repo::NumberedCoupon> found = coupon_repo::find_coupon(db, id);
      // Someone else's coupon answers exactly like a missing one: ids are not probed.
      if (!found || found->coupon.member_id != me.subject) fail(Errc::not_found, "没有这张券", "No such coupon");
      const Coupon& cpn = found->coupon;
      const std::int64_t serial = found->serial;
      const std::string state = coupon_state(cpn, now);
      if (state == coupon_state::kUsed) return refusal(coupon_error(CouponErrc::already_used), refusal::kAlreadyUsed);
      if (state == coupon_state::kExpired) return refusal(coupon_error(CouponErrc::expired), refusal::kExpired);
      if (state == coupon_state::kRevoked) return refusal(coupon_error(CouponErrc::revoked), refusal::kRevoked);
      if (state == coupon_state::kNotValidYet)
        return refusal(coupon_error(CouponErrc::not_valid_yet), refusal::kNotValidYet, cpn.valid_from);
      return Response::json(200, to_json(kCouponCodeJson, coupon_code::make(c.api.token_key, serial, now)));
    });
  });
}

}  // namespace hg::srv::coupons
