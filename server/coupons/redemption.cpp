// Merchant staff: preview the split for a code and an amount, redeem it (exactly once),
// refund a redemption (full or partial; the split reverses with core's running totals and
// a fully refunded coupon that is still valid goes back to the member).
#include <algorithm>

#include "core/coupons/redemption.h"
#include "core/json.h"
#include "server/api_error.h"
#include "server/auth/require.h"
#include "server/body.h"
#include "server/coupons/code.h"
#include "server/coupons/routes_parts.h"
#include "server/write_route.h"

namespace hg::srv::coupons {

namespace {

struct Found {
  Coupon coupon;
  std::int64_t serial = 0;
};

// The coupon a typed or scanned code names, or a refusal (forged / expired code).
Found resolve_code(Ctx& c, Db& db, const std::string& typed, UnixSeconds now) {
  const std::optional<std::string> digits = coupon_code::normalise(typed);
  const Error forged = make_error(Errc::invalid_input, "券码无效，请核对后重试或让会员刷新券码",
                                  "This code is not valid; check it or ask the member to refresh the coupon page");
  if (!digits) throw RefusalError(forged, refusal::kCodeForged);
  const coupon_code::Parsed p = coupon_code::parse(*digits);
  const std::int64_t max_serial = coupon_repo::max_serial(db);
  bool expired = false;
  for (std::int64_t serial = p.slot; serial <= max_serial; serial += coupon_code::kSlots) {
    if (serial == 0) continue;
    std::optional<coupon_repo::NumberedCoupon> row = coupon_repo::coupon_by_serial(db, serial);
    if (!row) continue;
    const coupon_code::Check ck = coupon_code::check(c.api.token_key, p, serial, now);
    if (ck == coupon_code::Check::ok) {
      Found f;
      f.coupon = std::move(row->coupon);
      f.serial = row->serial;
      return f;
    }
    expired = expired || ck == coupon_code::Check::expired;
  }
  if (expired)
    throw RefusalError(make_error(Errc::conflict, "券码已过期，请让会员刷新券码页面",
                                  "This code has expired; ask the member to refresh the coupon page"),
                       refusal::kCodeExpired);
  throw RefusalError(forged, refusal::kCodeForged);
}

CouponErrc errc_of(const Error& e) {
  for (CouponErrc k : {CouponErrc::not_valid_yet, CouponErrc::expired, CouponErrc::already_used, CouponErrc::revoked,
                       CouponErrc::wrong_merchant, CouponErrc::below_threshold, CouponErrc::refund_too_large})
    if (is_coupon_error(e, k)) return k;
  return CouponErrc::invalid_amount;
}

// Throws the core error as a refusal (with its reason) when it is one.
template <class T>
T take_refusal(Result<T> r) {
  if (r.ok()) return std::move(r.value());
  const char* reason = reason_of(errc_of(r.error()));
  if (*reason) throw RefusalError(r.error(), reason);
  fail(r.error());
}

struct Priced {
  Found found;
  std::shared_ptr<const BatchEntry> batch;
  Redemption redemption;
};

Priced price(Ctx& c, Db& db, const RedeemRequest& in, const std::string& merchant_id, UnixSeconds now,
             const std::string& redemption_id) {
  Priced p;
  p.found = resolve_code(c, db, in.code, now);
  p.batch = c.catalog.batch(db, p.found.coupon.batch_id);
  if (!p.batch) fail(Errc::internal, "券批次缺失", "The coupon's batch is missing");
  p.redemption = take_refusal(redeem(p.found.coupon, p.batch->batch, merchant_id, in.order_fen, now, redemption_id));
  return p;
}

const CouponItem& item_of(const Priced& p) {
  return p.batch->batch.items[static_cast<size_t>(p.found.coupon.item_index)];
}

coupon_repo::StoredRedemption must_find_redemption(Db& db, const std::string& id) {
  std::optional<coupon_repo::StoredRedemption> r = coupon_repo::find_redemption(db, id);
  if (!r) fail(Errc::not_found, "没有这笔核销记录", "No such redemption");
  return std::move(*r);
}

}  // namespace

void add_redemption_routes(Router& router, const std::shared_ptr<Ctx>& cp) {
  router.add("POST", "/api/v1/coupons/redeem/preview", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const Principal me = require_role(req, c.api, {Role::merchant_staff});
    const RedeemRequest in = body<RedeemRequest>(req, kRedeemRequestJson);
    const UnixSeconds now = c.api.now();
    return refusals_answered([&] {
      return c.api.store.read([&](Db& db) {
        const Priced p = price(c, db, in, me.subject, now, "preview");
        RedeemPreview out;
        out.coupon_id = p.found.coupon.id;
        out.title_zh = item_of(p).title_zh;
        out.title_en = item_of(p).title_en;
        out.merchant_id = me.subject;
        out.price = p.redemption.price;
        return Response::json(200, to_json(kRedeemPreviewJson, out));
      });
    });
  });

  add_idempotent_write<RedeemRequest>(
      router, cp->api, {"POST", "/api/v1/coupons/redeem", {Role::merchant_staff}, kRedeemRequestJson},
      [cp](const Request&, const Principal& me, RedeemRequest in) {
    return [cp, merchant = me.subject, in = std::move(in)](Db& db, UnixSeconds now) {
      Ctx& c = *cp;
      return refusals_answered([&] {
        const Priced p = price(c, db, in, merchant, now, c.new_id(now));
        if (!coupon_repo::mark_redeemed(db, p.found.serial, now))
          throw RefusalError(coupon_error(CouponErrc::already_used), refusal::kAlreadyUsed);
        const Redemption& r = p.redemption;
        coupon_repo::insert_redemption(db, r);
        RedemptionResult out;
        out.redemption = r;
        out.title_zh = item_of(p).title_zh;
        out.title_en = item_of(p).title_en;
        return Response::json(200, to_json(kRedemptionResultJson, out));
      });
    };
  });

  add_idempotent_write<RefundRequest>(
      router, cp->api, {"POST", "/api/v1/coupons/refund", {Role::merchant_staff}, kRefundRequestJson},
      [cp](const Request&, const Principal& me, RefundRequest in) {
    return [cp, merchant = me.subject, in = std::move(in)](Db& db, UnixSeconds now) {
      Ctx& c = *cp;
      return refusals_answered([&] {
        const coupon_repo::StoredRedemption stored = must_find_redemption(db, in.redemption_id);
        const Redemption& r = stored.redemption;
        const Fen already = stored.refunded_fen;
        if (r.merchant_id != merchant)
          fail(Errc::forbidden, "只能为本商户核销的订单退款", "Only the merchant that redeemed it can refund it");
        RefundResult out;
        out.refund = take_refusal(refund(r, already, in.refund_fen, now, c.new_id(now)));
        const RefundReversal& v = out.refund.reversal;
        out.refunded_total_fen = already + v.order_refunded_fen;
        const bool full = out.refunded_total_fen == r.price.order_fen;
        coupon_repo::insert_refund(db, out.refund);
        coupon_repo::set_refunded(db, r.id, out.refunded_total_fen, full);
        // The order is entirely undone: the coupon goes back to the member if it can still
        // be used (an expired one stays spent).
        if (full) out.coupon_returned = coupon_repo::give_back(db, r.coupon_id, now);
        return Response::json(200, to_json(kRefundResultJson, out));
      });
    };
  });
}

}  // namespace hg::srv::coupons
