#include "core/coupons/claim.h"

#include <algorithm>

namespace hg {

ClaimKeys claim_keys(const Batch& b, UnixSeconds t) { return {cycle_key(b.stock.cycle, t), cycle_key(b.limit.cycle, t)}; }

namespace {
ClaimDecision refuse(ClaimDecision d, CouponErrc why, Error e) {
  d.refusal = why;
  d.error = std::move(e);
  return d;
}
}  // namespace

ClaimDecision decide_claim(const Batch& b, const Member& m, UnixSeconds now, const ClaimCounts& counts) {
  ClaimDecision d;
  if (auto e = validate(b)) return refuse(d, CouponErrc::invalid_batch, *e);
  if (b.by_lottery)
    return refuse(d, CouponErrc::invalid_batch,
                  coupon_error(CouponErrc::invalid_batch, "该券通过抽签发放，请报名参加抽签",
                               "this batch is drawn by lottery; register for the draw instead"));
  if (counts.issued_in_period < 0 || counts.member_in_period < 0)
    return refuse(d, CouponErrc::invalid_amount,
                  coupon_error(CouponErrc::invalid_amount, "已领数量不能为负", "claim counts must not be negative"));
  d.keys = claim_keys(b, now);
  d.stock = stock_for(b.stock, d.keys.stock_key);
  d.remaining = std::max<std::int64_t>(0, d.stock - counts.issued_in_period);

  if (!is_eligible(b.eligibility, m)) {
    Error e = coupon_error(CouponErrc::not_eligible, "仅限" + eligibility_zh(b.eligibility),
                           "only for " + eligibility_en(b.eligibility));
    return refuse(d, CouponErrc::not_eligible, e);
  }
  const WindowStatus w = window_status(b.window, now);
  if (w.phase != WindowPhase::open) {
    d.next_open = w.next_open;
    if (w.phase == WindowPhase::before) return refuse(d, CouponErrc::not_open_yet, not_open_yet_error(w.next_open));
    Error e = coupon_error(CouponErrc::window_closed);
    if (w.next_open != 0) {
      e.zh += "，下期开抢：" + format_cst(w.next_open) + "（北京时间）";
      e.en += "; next opening " + format_cst(w.next_open) + " (China time)";
    }
    return refuse(d, CouponErrc::window_closed, e);
  }
  if (counts.member_in_period >= b.limit.per_member) {
    Error e = coupon_error(CouponErrc::limit_reached, std::to_string(b.limit.per_member) + "张",
                           std::to_string(b.limit.per_member) + " per member");
    return refuse(d, CouponErrc::limit_reached, e);
  }
  if (d.remaining <= 0) return refuse(d, CouponErrc::sold_out, coupon_error(CouponErrc::sold_out));
  return d;
}

Coupon claimed_coupon(const Batch& b, std::size_t item, const std::string& claim_id, const std::string& member_id,
                      const ClaimKeys& keys, const ValidSpan& span, UnixSeconds now) {
  Coupon c;
  c.claim_id = claim_id;
  c.batch_id = b.id;
  c.campaign_id = b.campaign_id;
  c.member_id = member_id;
  c.item_index = static_cast<std::int32_t>(item);
  c.stock_key = keys.stock_key;
  c.limit_key = keys.limit_key;
  c.claimed_at = now;
  c.valid_from = span.from;
  c.valid_until = span.until;
  return c;
}

std::vector<Coupon> issue_coupons(const Batch& b, const std::string& member_id, UnixSeconds now, IdGenerator& ids) {
  // Ids only need the millisecond for ordering; clamping keeps a corrupt clock from
  // overflowing the multiplication (9999-12-31 is far past any real claim).
  const std::int64_t ms = std::min<UnixSeconds>(std::max<UnixSeconds>(now, 0), 253402300799) * 1000;
  const ClaimKeys keys = claim_keys(b, now);
  const ValidSpan span = valid_span(b.validity, now);
  const std::string claim_id = id_to_string(ids.next(ms));
  std::vector<Coupon> out;
  out.reserve(b.items.size());
  for (std::size_t i = 0; i < b.items.size(); ++i) {
    out.push_back(claimed_coupon(b, i, claim_id, member_id, keys, span, now));
    out.back().id = id_to_string(ids.next(ms));
  }
  return out;
}

Result<std::vector<Coupon>> claim(const Batch& b, const Member& m, UnixSeconds now, const ClaimCounts& counts,
                                  IdGenerator& ids) {
  const ClaimDecision d = decide_claim(b, m, now, counts);
  if (!d.ok()) return d.error;
  return issue_coupons(b, m.id, now, ids);
}

}  // namespace hg
