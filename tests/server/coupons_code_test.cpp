// Codes made on the member's device: core's HMAC-SHA-256 agrees with libsodium's (the
// server's), and a code the test derives from the key the API gave the owner — as the
// phone does with no signal, hours after its last sync — is redeemed once, refused the
// second time, refused outside the coupon's validity and outside the usual two windows.
#include <gtest/gtest.h>
#include <sodium.h>

#include <random>

#include "core/coupons/code.h"
#include "core/coupons/hmac.h"
#include "server/coupons/code.h"
#include "tests/server/coupons_support.h"

namespace hg::test {
namespace {

TEST(CouponsCode, CoreHmacMatchesLibsodium) {
  ASSERT_GE(sodium_init(), 0);
  std::mt19937 rng(20261206);
  for (std::size_t len : {0u, 1u, 9u, 55u, 56u, 63u, 64u, 65u, 127u, 128u, 1000u}) {
    srv::TokenKey key;
    for (auto& b : key.bytes) b = static_cast<std::uint8_t>(rng());
    std::string message(len, '\0');
    for (char& ch : message) ch = static_cast<char>(rng());
    std::array<std::uint8_t, 32> expected{};
    crypto_auth_hmacsha256(expected.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           key.bytes.data());
    const std::string k(reinterpret_cast<const char*>(key.bytes.data()), key.bytes.size());
    EXPECT_EQ(hmac_sha256(k, message), expected) << len;
    EXPECT_EQ(srv::hmac_sha256(key, message), expected) << len;
  }
}

// Claims `batch` for a member the demo history never touched; their view of the coupon.
CouponView claim_and_look(CouponsServer& s, const std::string& batch, const std::string& member) {
  const HttpReply r = post(s.port(), "/api/v1/coupons/claim", s.member_token(member), claim_body(batch));
  EXPECT_EQ(r.status, 200) << r.body;
  const std::string id = parse<ClaimResult>(r, kClaimResultJson).coupons.at(0).id;
  for (const CouponView& v : parse<MyCoupons>(get(s.port(), "/api/v1/coupons/mine", s.member_token(member)), kMyCouponsJson).coupons)
    if (v.coupon.id == id) return v;
  ADD_FAILURE() << "the claimed coupon is not in /mine";
  return {};
}

HttpReply redeem(CouponsServer& s, const std::string& merchant, const std::string& code, Fen order) {
  return post(s.port(), "/api/v1/coupons/redeem", s.merchant_token(merchant), redeem_body(code, order));
}

TEST(CouponsCode, TheOwnerGetsTheKeyAndTheServersCodeIsTheDerivedOne) {
  const UnixSeconds t0 = cst_at(2026, 12, 2, 12, 3, 10);
  CouponsServer s(t0);
  const std::vector<std::string> ms = s.members("1", 200);
  const std::string member = ms.back();
  const CouponView v = claim_and_look(s, "b-fuel", member);
  ASSERT_EQ(v.code.key.size(), 64u) << "the owner's list carries the coupon's key";
  ASSERT_EQ(v.code.code.size(), 12u);
  EXPECT_EQ(v.code.slot, std::stoll(v.code.code.substr(0, 6)));
  const std::optional<CouponCode> mine = device_code(v.code, v.coupon, t0);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->code, v.code.code) << "server-made and device-made codes are one derivation";
  // The code route gives the same key; someone else's coupon stays invisible.
  const CouponCode again =
      parse<CouponCode>(get(s.port(), "/api/v1/coupons/" + v.coupon.id + "/code", s.member_token(member)), kCouponCodeJson);
  EXPECT_EQ(again.key, v.code.key);
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/" + v.coupon.id + "/code", s.member_token(ms[ms.size() - 2])).status, 404);
  // What the merchant is sent names the coupon, never its key.
  const HttpReply p = post(s.port(), "/api/v1/coupons/redeem/preview", s.merchant_token("fuel01"), redeem_body(mine->code, 30000));
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.body.find(v.code.key), std::string::npos);
  const HttpReply done = redeem(s, "fuel01", mine->code, 30000);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.body.find(v.code.key), std::string::npos);
}

TEST(CouponsCode, ADeviceMadeCodeRedeemsOnceWithinValidityOnly) {
  const UnixSeconds t0 = cst_at(2026, 12, 2, 12);
  CouponsServer s(t0);
  const std::vector<std::string> ms = s.members("1", 200);
  const CouponView fuel = claim_and_look(s, "b-fuel", ms[ms.size() - 1]);
  const CouponView exp8 = claim_and_look(s, "b-exp8", ms[ms.size() - 2]);
  ASSERT_GT(fuel.coupon.valid_until, t0 + 86400);

  // A day and a bit later, no signal since: the phone makes the code of the window it is in.
  const UnixSeconds later = t0 + 86400 + 7 * 60 + 13;
  s.set_now(later);
  std::optional<CouponCode> c = device_code(fuel.code, fuel.coupon, later);
  ASSERT_TRUE(c);
  // Two windows ahead of the server is outside the usual tolerance: refused, nothing used.
  const std::optional<CouponCode> ahead = device_code(fuel.code, fuel.coupon, later + 2 * kCodeWindowSeconds);
  ASSERT_TRUE(ahead);
  HttpReply r = redeem(s, "fuel01", ahead->code, 30000);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(reason_of(r), refusal::kCodeForged);
  // The code the phone shows redeems once, even in the next window (read out a little late).
  s.set_now(later + kCodeWindowSeconds);
  r = redeem(s, "fuel01", c->code, 30000);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(parse<RedemptionResult>(r, kRedemptionResultJson).redemption.coupon_id, fuel.coupon.id);
  r = redeem(s, "fuel01", c->code, 30000);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(reason_of(r), refusal::kAlreadyUsed);
  // A fresh window's code of the used coupon: still used.
  c = device_code(fuel.code, fuel.coupon, later + 3 * kCodeWindowSeconds);
  s.set_now(later + 3 * kCodeWindowSeconds);
  ASSERT_TRUE(c);
  EXPECT_EQ(reason_of(redeem(s, "fuel01", c->code, 30000)), refusal::kAlreadyUsed);
  EXPECT_EQ(s.scalar("SELECT count(*) FROM coupon_redemptions WHERE coupon_id = '" + fuel.coupon.id + "'"), 1);

  // Outside its validity the phone shows no code; one made anyway with the key is refused.
  const UnixSeconds after = exp8.coupon.valid_until + 1;
  EXPECT_FALSE(device_code(exp8.code, exp8.coupon, after));
  s.set_now(after);
  const CouponCode stale = code_at(*code_key_from_hex(exp8.code.key), exp8.code.slot, after);
  r = redeem(s, "exp01", stale.code, 1000);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(reason_of(r), refusal::kExpired);
  // Its last valid second, the phone's code still works.
  s.set_now(exp8.coupon.valid_until);
  c = device_code(exp8.code, exp8.coupon, exp8.coupon.valid_until);
  ASSERT_TRUE(c);
  r = redeem(s, "exp01", c->code, 1000);
  EXPECT_EQ(r.status, 200) << r.body;
}

}  // namespace
}  // namespace hg::test
