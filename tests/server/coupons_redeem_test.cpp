// Redemption through the real server: every rule kind at its boundary amounts, the signed
// short-lived code (forged, expired, used, wrong merchant), roles, validity to 23:59:59
// CST, and refunds that reverse the split and return the coupon.
#include <gtest/gtest.h>

#include "tests/server/coupons_support.h"

namespace hg::test {
namespace {

struct Claimed {
  std::string coupon_id;
  std::string code;
};

// Claims `batch` for a member the demo history never touched and returns item `item`'s code.
Claimed claim_one(CouponsServer& s, const std::string& batch, int member_index, size_t item = 0,
                  const std::string& where = "1") {
  const std::vector<std::string> ms = s.members(where, 200);
  const std::string m = ms.at(ms.size() - 1 - static_cast<size_t>(member_index));
  const HttpReply r = post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body(batch));
  EXPECT_EQ(r.status, 200) << r.body;
  const ClaimResult c = parse<ClaimResult>(r, kClaimResultJson);
  if (c.coupons.size() <= item) return {};
  const HttpReply code = get(s.port(), "/api/v1/coupons/" + c.coupons[item].id + "/code", s.member_token(m));
  EXPECT_EQ(code.status, 200) << code.body;
  return {c.coupons[item].id, parse<CouponCode>(code, kCouponCodeJson).code};
}

PricePreview preview(CouponsServer& s, const std::string& merchant, const std::string& code, Fen order, int status = 200,
                     const std::string& reason = "") {
  const HttpReply r = post(s.port(), "/api/v1/coupons/redeem/preview", s.merchant_token(merchant), redeem_body(code, order));
  EXPECT_EQ(r.status, status) << r.body;
  if (!reason.empty()) {
    EXPECT_EQ(reason_of(r), reason) << r.body;
  }
  if (r.status != 200) return {};
  return parse<RedeemPreview>(r, kRedeemPreviewJson).price;
}

void expect_split(const PricePreview& p, Fen order, Fen discount, Fen merchant, Fen union_fen) {
  EXPECT_EQ(p.order_fen, order);
  EXPECT_EQ(p.discount_fen, discount) << "order " << order;
  EXPECT_EQ(p.worker_pays_fen, order - discount) << "order " << order;
  EXPECT_EQ(p.merchant_fen, merchant) << "order " << order;
  EXPECT_EQ(p.union_fen, union_fen) << "order " << order;
}

TEST(CouponsRedeem, EveryRuleKindAtItsBoundaries) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  // 满200减30, merchant ¥10 fixed, union the rest.
  const Claimed fuel = claim_one(s, "b-fuel", 0);
  preview(s, "fuel01", fuel.code, 19999, 409, refusal::kBelowThreshold);
  expect_split(preview(s, "fuel01", fuel.code, 20000), 20000, 3000, 1000, 2000);
  expect_split(preview(s, "fuel02", fuel.code, 100000), 100000, 3000, 1000, 2000);
  // 7折 capped at ¥10, 40/60 shares: worker's amount rounds down (discount up).
  const Claimed exp7 = claim_one(s, "b-exp7", 1);
  expect_split(preview(s, "exp01", exp7.code, 1), 1, 1, 0, 1);          // 0.7 fen → pays 0
  expect_split(preview(s, "exp01", exp7.code, 99), 99, 30, 12, 18);     // pays floor(69.3) = 69
  expect_split(preview(s, "exp01", exp7.code, 3333), 3333, 1000, 400, 600);  // 999.9 → 1000 exactly the cap
  expect_split(preview(s, "exp01", exp7.code, 3334), 3334, 1000, 400, 600);  // capped
  preview(s, "exp01", exp7.code, 0, 400);
  // 7.5折 ride pack, cap ¥15, 30/70: each coupon of the pack at its own merchant only.
  const Claimed ride = claim_one(s, "b-ride", 2, 1);
  expect_split(preview(s, "ride02", ride.code, 6000), 6000, 1500, 450, 1050);
  expect_split(preview(s, "ride02", ride.code, 6001), 6001, 1500, 450, 1050);
  expect_split(preview(s, "ride02", ride.code, 5999), 5999, 1500, 450, 1050);  // pays floor(4499.25)
  preview(s, "ride01", ride.code, 6000, 403, refusal::kWrongMerchant);
  // Free up to ¥30, 30/70.
  const Claimed sport = claim_one(s, "b-sport", 3);
  expect_split(preview(s, "gym01", sport.code, 2999), 2999, 2999, 899, 2100);
  expect_split(preview(s, "gym01", sport.code, 3000), 3000, 3000, 900, 2100);
  expect_split(preview(s, "swim01", sport.code, 3001), 3001, 3000, 900, 2100);
  // Fixed price ¥100 (half-price annual pass), 50/50.
  const Claimed pass = claim_one(s, "b-laoshan", 4);
  expect_split(preview(s, "laoshan01", pass.code, 20000), 20000, 10000, 5000, 5000);
  expect_split(preview(s, "laoshan01", pass.code, 10000), 10000, 0, 0, 0);
  expect_split(preview(s, "laoshan01", pass.code, 10001), 10001, 1, 0, 1);  // the odd fen is the union's
  // Previews wrote nothing: the coupon is still valid and redeems once.
  EXPECT_EQ(s.scalar("SELECT count(*) FROM coupon_redemptions WHERE coupon_id = '" + pass.coupon_id + "'"), 0);
}

TEST(CouponsRedeem, RedeemsExactlyOnceWithClearErrorsForBadCodes) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const Claimed fuel = claim_one(s, "b-fuel", 5);
  // Roles: a member cannot redeem; a merchant cannot redeem another merchant's coupon.
  const std::vector<std::string> ms = s.members();
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/redeem", s.member_token(ms[0]), redeem_body(fuel.code, 30000)).status, 403);
  HttpReply r = post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("shop01"), redeem_body(fuel.code, 30000));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(reason_of(r), refusal::kWrongMerchant);
  // Forged: change one MAC digit; malformed: wrong length.
  std::string forged = fuel.code;
  forged[11] = forged[11] == '9' ? '0' : static_cast<char>(forged[11] + 1);
  r = post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("fuel01"), redeem_body(forged, 30000));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(reason_of(r), refusal::kCodeForged);
  EXPECT_EQ(reason_of(post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("fuel01"), redeem_body("12345", 30000))),
            refusal::kCodeForged);
  // The QR payload and a spaced code both work; exactly once.
  const std::string spaced = fuel.code.substr(0, 4) + " " + fuel.code.substr(4, 4) + "-" + fuel.code.substr(8);
  r = post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("fuel01"), redeem_body(spaced, 30000));
  ASSERT_EQ(r.status, 200) << r.body;
  const RedemptionResult done = parse<RedemptionResult>(r, kRedemptionResultJson);
  EXPECT_EQ(done.redemption.price.discount_fen, 3000);
  EXPECT_EQ(done.redemption.price.worker_pays_fen, 27000);
  EXPECT_EQ(done.redemption.merchant_id, "fuel01");
  r = post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("fuel01"), redeem_body("HGQ1:" + fuel.code, 30000));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(reason_of(r), refusal::kAlreadyUsed);
  EXPECT_EQ(s.scalar("SELECT count(*) FROM coupon_redemptions WHERE coupon_id = '" + fuel.coupon_id + "'"), 1);

  // A code older than its lifetime is expired (not forged): 5-minute windows, 2 accepted.
  const Claimed exp = claim_one(s, "b-exp8", 6);
  s.set_now(cst_at(2026, 12, 2, 12, 9, 59));
  EXPECT_EQ(preview(s, "exp01", exp.code, 1000).discount_fen, 200);
  s.set_now(cst_at(2026, 12, 2, 12, 10, 0));
  preview(s, "exp01", exp.code, 1000, 409, refusal::kCodeExpired);
  s.set_now(cst_at(2026, 12, 2, 14));
  preview(s, "exp01", exp.code, 1000, 409, refusal::kCodeExpired);
}

TEST(CouponsRedeem, ValidUntil235959CstThenExpired) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const Claimed c = claim_one(s, "b-exp7", 7);  // 30 days: last day 2026-12-31
  const std::vector<std::string> ms = s.members("1", 200);
  const std::string owner = ms[ms.size() - 1 - 7];
  auto fresh_code = [&] {
    return parse<CouponCode>(get(s.port(), "/api/v1/coupons/" + c.coupon_id + "/code", s.member_token(owner)), kCouponCodeJson).code;
  };
  s.set_now(cst_at(2026, 12, 31, 23, 59, 59));
  EXPECT_EQ(preview(s, "exp01", fresh_code(), 1000).discount_fen, 300);
  const std::string last_code = fresh_code();
  s.set_now(cst_at(2027, 1, 1, 0, 0, 0));
  preview(s, "exp01", last_code, 1000, 409, refusal::kExpired);
  const HttpReply r = get(s.port(), "/api/v1/coupons/" + c.coupon_id + "/code", s.member_token(owner));
  EXPECT_EQ(reason_of(r), refusal::kExpired);
  MyCoupons mine = parse<MyCoupons>(get(s.port(), "/api/v1/coupons/mine", s.member_token(owner)), kMyCouponsJson);
  bool seen = false;
  for (const CouponView& v : mine.coupons)
    if (v.coupon.id == c.coupon_id) {
      seen = true;
      EXPECT_EQ(v.state, coupon_state::kExpired);
      EXPECT_TRUE(v.code.code.empty());
    }
  EXPECT_TRUE(seen);
}

TEST(CouponsRedeem, RefundsReverseTheSplitAndReturnTheCoupon) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const Claimed c = claim_one(s, "b-exp7", 8);
  HttpReply r = post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("exp01"), redeem_body(c.code, 3001));
  ASSERT_EQ(r.status, 200) << r.body;
  const Redemption red = parse<RedemptionResult>(r, kRedemptionResultJson).redemption;
  expect_split(red.price, 3001, 901, 360, 541);  // pays floor(2100.7) = 2100

  auto refund = [&](const std::string& merchant, Fen amount) {
    RefundRequest q;
    q.redemption_id = red.id;
    q.refund_fen = amount;
    return post(s.port(), "/api/v1/coupons/refund", s.merchant_token(merchant), to_json(kRefundRequestJson, q));
  };
  EXPECT_EQ(refund("exp02", 100).status, 403);   // another merchant
  EXPECT_EQ(reason_of(refund("exp01", 3002)), refusal::kRefundTooLarge);
  r = refund("exp01", 1000);
  ASSERT_EQ(r.status, 200) << r.body;
  const RefundResult part = parse<RefundResult>(r, kRefundResultJson);
  const RefundReversal& a = part.refund.reversal;
  EXPECT_EQ(a.order_refunded_fen, 1000);
  EXPECT_EQ(a.worker_refund_fen + a.discount_reversed_fen, 1000);
  EXPECT_EQ(a.merchant_reversed_fen + a.union_reversed_fen, a.discount_reversed_fen);
  EXPECT_EQ(a.discount_reversed_fen, 901 * 1000 / 3001);  // floor
  EXPECT_FALSE(part.coupon_returned);
  r = refund("exp01", 2001);
  ASSERT_EQ(r.status, 200) << r.body;
  const RefundResult rest = parse<RefundResult>(r, kRefundResultJson);
  const RefundReversal& b = rest.refund.reversal;
  // The two parts add up to the original figures exactly.
  EXPECT_EQ(a.worker_refund_fen + b.worker_refund_fen, red.price.worker_pays_fen);
  EXPECT_EQ(a.discount_reversed_fen + b.discount_reversed_fen, red.price.discount_fen);
  EXPECT_EQ(a.merchant_reversed_fen + b.merchant_reversed_fen, red.price.merchant_fen);
  EXPECT_EQ(a.union_reversed_fen + b.union_reversed_fen, red.price.union_fen);
  EXPECT_EQ(rest.refunded_total_fen, 3001);
  EXPECT_TRUE(rest.coupon_returned);
  EXPECT_EQ(refund("exp01", 1).status, 400);  // nothing left
  // The coupon is usable again, once.
  const std::vector<std::string> ms = s.members("1", 200);
  const std::string owner = ms[ms.size() - 1 - 8];
  const std::string code =
      parse<CouponCode>(get(s.port(), "/api/v1/coupons/" + c.coupon_id + "/code", s.member_token(owner)), kCouponCodeJson).code;
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("exp02"), redeem_body(code, 500)).status, 200);
}

}  // namespace
}  // namespace hg::test
