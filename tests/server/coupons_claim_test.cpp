// Claims through the real server: window states and CST month boundaries, validity to
// 23:59:59 CST, per-member limits under concurrent double-clicks, idempotent retries,
// eligibility, combo packs, sell-out, and two server processes on one SQLite file.
//
// Sections:
//   helpers               fresh members, finding a batch, a batch made through the admin API
//   windows and validity  the list, CST month boundaries, validity to end of day
//   retries and limits    retries, double clicks, the store's own refusal
//   rules and roles       eligibility, packs, lotteries, roles, sell-out, two servers
//   admin and wire        batch creation checks, the hand-written claim JSON
#include <gtest/gtest.h>

#include <thread>

#include "core/coupons/claim.h"
#include "server/coupons/routes_parts.h"
#include "tests/core/coupons/fixtures.h"
#include "tests/server/coupons_support.h"

namespace hg::test {
namespace {

// ---- helpers ----

// Members the demo history (first 60) never touched, so their limits start empty.
std::vector<std::string> fresh_members(CouponsServer& s, const std::string& where = "1", int n = 40) {
  std::vector<std::string> all = s.members(where, 200);
  std::vector<std::string> out;
  std::vector<std::string> first = s.members("1", 60);
  for (const std::string& id : all)
    if (std::find(first.begin(), first.end(), id) == first.end() && static_cast<int>(out.size()) < n) out.push_back(id);
  return out;
}

const BatchView* find_batch(const CampaignList& list, const std::string& id) {
  for (const CampaignView& c : list.campaigns)
    for (const BatchView& b : c.batches)
      if (b.batch.id == id) return &b;
  return nullptr;
}

// A small batch under the fuel campaign, made through the admin API.
std::string make_batch(CouponsServer& s, const std::string& id, std::int64_t stock) {
  CreateBatch in;
  Batch& b = in.batch;
  b = one_item_batch(id, "cp-fuel", "测试批次", "Test batch", threshold_rule(20000, 3000),
                     fixed_split(Funder::merchant, 1000), {"fuel01"});
  b.items[0].title_zh = "满200减30";
  b.stock.cycle = Cycle::month;
  b.stock.per_period = stock;
  b.window = monthly_window(cst_at(2026, 1, 1), 1, 10 * 3600);
  b.limit.per_member = 1;
  b.validity.days = 30;
  const HttpReply r = post(s.port(), "/api/v1/coupons/admin/batches", s.admin_token(), to_json(kCreateBatchJson, in));
  EXPECT_EQ(r.status, 201) << r.body;
  return id;
}

// ---- windows and validity ----

TEST(CouponsClaim, CampaignListShowsWindowStateCountdownAndLiveStock) {
  CouponsServer s(cst_at(2026, 12, 1, 9, 59, 59));
  const std::string m = fresh_members(s)[0];
  CampaignList before = parse<CampaignList>(get(s.port(), "/api/v1/coupons/campaigns", s.member_token(m)), kCampaignListJson);
  EXPECT_EQ(before.server_now, cst_at(2026, 12, 1, 9, 59, 59));
  const BatchView* fuel = find_batch(before, "b-fuel");
  ASSERT_NE(fuel, nullptr);
  EXPECT_EQ(fuel->state, batch_state::kNotOpenYet);
  EXPECT_EQ(fuel->next_open, cst_at(2026, 12, 1, 10));
  EXPECT_EQ(fuel->period_key, "2026-12");
  EXPECT_EQ(fuel->stock, 20000);
  EXPECT_EQ(fuel->remaining, 20000);
  EXPECT_EQ(fuel->member_state, "can_claim");
  // Six brands are all present.
  std::set<Brand> brands;
  for (const CampaignView& c : before.campaigns) brands.insert(c.campaign.brand);
  EXPECT_EQ(brands.size(), 6u);

  s.set_now(cst_at(2026, 12, 1, 10));
  ASSERT_EQ(post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body("b-fuel")).status, 200);
  CampaignList after = parse<CampaignList>(get(s.port(), "/api/v1/coupons/campaigns?brand=ride", s.member_token(m)),
                                           kCampaignListJson);
  fuel = find_batch(after, "b-fuel");
  ASSERT_NE(fuel, nullptr);
  EXPECT_EQ(fuel->state, batch_state::kOpen);
  EXPECT_EQ(fuel->remaining, 19999);
  EXPECT_EQ(fuel->member_state, refusal::kLimitReached);
  EXPECT_EQ(fuel->member_claimed, 1);
  for (const CampaignView& c : after.campaigns) EXPECT_EQ(c.campaign.brand, Brand::ride);
  // Public (no sign-in): no member state.
  CampaignList anon = parse<CampaignList>(get(s.port(), "/api/v1/coupons/campaigns"), kCampaignListJson);
  ASSERT_NE(find_batch(anon, "b-fuel"), nullptr);
  EXPECT_EQ(find_batch(anon, "b-fuel")->member_state, "");
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/campaigns?brand=nope").status, 400);
}

TEST(CouponsClaim, CstMonthBoundaryAndValidityToEndOfDay) {
  CouponsServer s(cst_at(2026, 11, 30, 23, 59, 59));
  const std::string m = fresh_members(s)[1];
  const std::string tok = s.member_token(m);
  // Last second of November: counts against November, valid 30 days to 23:59:59 CST.
  HttpReply r = post(s.port(), "/api/v1/coupons/claim", tok, claim_body("b-fuel"));
  ASSERT_EQ(r.status, 200) << r.body;
  ClaimResult nov = parse<ClaimResult>(r, kClaimResultJson);
  ASSERT_EQ(nov.coupons.size(), 1u);
  EXPECT_EQ(nov.coupons[0].stock_key, "2026-11");
  EXPECT_EQ(nov.coupons[0].limit_key, "2026-11");
  EXPECT_EQ(nov.coupons[0].valid_until, cst_at(2026, 12, 29, 23, 59, 59));
  // First second of December: a new period, but December's window opens at 10:00.
  s.set_now(cst_at(2026, 12, 1, 0, 0, 0));
  r = post(s.port(), "/api/v1/coupons/claim", tok, claim_body("b-fuel"));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(reason_of(r), refusal::kNotOpenYet);
  EXPECT_EQ(parse<CouponRefusal>(r, kCouponRefusalJson).next_open, cst_at(2026, 12, 1, 10));
  s.set_now(cst_at(2026, 12, 1, 9, 59, 59));
  EXPECT_EQ(reason_of(post(s.port(), "/api/v1/coupons/claim", tok, claim_body("b-fuel"))), refusal::kNotOpenYet);
  s.set_now(cst_at(2026, 12, 1, 10));
  r = post(s.port(), "/api/v1/coupons/claim", tok, claim_body("b-fuel"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(parse<ClaimResult>(r, kClaimResultJson).coupons[0].stock_key, "2026-12");
  // December's one is used up.
  r = post(s.port(), "/api/v1/coupons/claim", tok, claim_body("b-fuel"));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(reason_of(r), refusal::kLimitReached);
  // November's stock row is separate from December's.
  EXPECT_EQ(s.scalar("SELECT total - remaining FROM coupon_stock WHERE batch_id = 'b-fuel' AND period_key = '2026-12'"), 1);
}

// ---- retries and limits ----

TEST(CouponsClaim, IdempotentRetryReturnsTheSameCoupon) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const std::string m = fresh_members(s)[2];
  const std::string key = "retry-key-0001";
  const HttpReply first = post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body("b-exp7"), key);
  ASSERT_EQ(first.status, 200) << first.body;
  const HttpReply again = post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body("b-exp7"), key);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.header("Idempotent-Replay"), "true");
  EXPECT_EQ(parse<ClaimResult>(again, kClaimResultJson).coupons[0].id, parse<ClaimResult>(first, kClaimResultJson).coupons[0].id);
  EXPECT_EQ(s.scalar("SELECT count(*) FROM coupons WHERE batch_id = 'b-exp7' AND member_id = '" + m + "'"), 1);
  // A different body under the same key is refused.
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body("b-exp8"), key).status, 409);
  // Missing key → 400.
  const HttpReply nokey = http_request(s.port(), "POST", "/api/v1/coupons/claim",
                                       {{"Authorization", "Bearer " + s.member_token(m)}}, claim_body("b-exp8"));
  EXPECT_EQ(nokey.status, 400);
}

// The key is kept on the claim row; a retry rebuilds the first answer from it, byte for
// byte, also after the coupon was used and the batch sold out (the refusal decided before
// the write must not hide it).
TEST(CouponsClaim, RetryAfterRedemptionAndSellOutGetsTheFirstAnswer) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const std::string batch = make_batch(s, "b-once", 1);
  const std::vector<std::string> ms = fresh_members(s);
  const std::string m = ms[5], key = "retry-key-once";
  const HttpReply first = post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body(batch), key);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(reason_of(post(s.port(), "/api/v1/coupons/claim", s.member_token(ms[6]), claim_body(batch))), refusal::kSoldOut);
  const ClaimResult got = parse<ClaimResult>(first, kClaimResultJson);
  ASSERT_EQ(got.coupons.size(), 1u);
  EXPECT_EQ(got.remaining, 0);
  const HttpReply code = get(s.port(), "/api/v1/coupons/" + got.coupons[0].id + "/code", s.member_token(m));
  ASSERT_EQ(code.status, 200) << code.body;
  const HttpReply used = post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("fuel01"),
                              redeem_body(parse<CouponCode>(code, kCouponCodeJson).code, 30000));
  ASSERT_EQ(used.status, 200) << used.body;

  const HttpReply again = post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body(batch), key);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.header("Idempotent-Replay"), "true");
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(s.scalar("SELECT count(*) FROM coupons WHERE batch_id = 'b-once'"), 1);
  EXPECT_EQ(s.scalar("SELECT count(*) FROM idempotency WHERE key = '" + key + "'"), 0);
  // The key with another request: refused, before and after the write queue alike.
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body("b-exp8"), key).status, 409);
  // Another member's key of the same text is theirs alone.
  EXPECT_EQ(reason_of(post(s.port(), "/api/v1/coupons/claim", s.member_token(ms[7]), claim_body(batch), key)),
            refusal::kSoldOut);
}

TEST(CouponsClaim, ConcurrentDoubleClicksNeverExceedTheLimit) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const std::string m = fresh_members(s)[3];
  const std::string tok = s.member_token(m);
  std::atomic<int> ok{0}, limited{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 24; ++i)
    threads.emplace_back([&] {
      const HttpReply r = post(s.port(), "/api/v1/coupons/claim", tok, claim_body("b-sport"));
      if (r.status == 200) ++ok;
      else if (reason_of(r) == refusal::kLimitReached) ++limited;
      else ++other;
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(limited.load(), 23);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(s.scalar("SELECT count(*) FROM coupon_claims WHERE batch_id = 'b-sport' AND member_id = '" + m + "'"), 1);
}

TEST(CouponsClaim, StoreRefusesASecondClaimEvenWithoutTheServer) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const std::string m = fresh_members(s)[4];
  ASSERT_EQ(post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body("b-shop")).status, 200);
  // A second writer that skips the checks: the trigger and UNIQUE still refuse it.
  EXPECT_THROW(s.server->server().store().write([&](srv::Db& db) {
    db.exec("INSERT INTO coupon_claims (id, batch_id, member_id, stock_key, limit_key, seq, claimed_at) VALUES "
            "('AAAAAAAAAAAAA', 'b-shop', '" + m + "', '2026-12', '2026-12', 2, 0)");
  }), srv::DbError);
  EXPECT_THROW(s.server->server().store().write([&](srv::Db& db) {
    db.exec("UPDATE coupon_stock SET remaining = -1 WHERE batch_id = 'b-shop'");
  }), srv::DbError);
}

// ---- rules and roles ----

TEST(CouponsClaim, EligibilityComboPackAndLottery) {
  CouponsServer s(cst_at(2026, 12, 3, 9));
  const std::string office = fresh_members(s, "member_group = 'general' AND occupation IN ('office', 'factory_worker', 'port_worker')")[0];
  const std::string rider = fresh_members(s, "occupation IN ('delivery_rider', 'ride_hailing_driver', 'courier')")[0];
  HttpReply r = post(s.port(), "/api/v1/coupons/claim", s.member_token(office), claim_body("b-gig"));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(reason_of(r), refusal::kNotEligible);
  r = post(s.port(), "/api/v1/coupons/claim", s.member_token(rider), claim_body("b-gig"));
  ASSERT_EQ(r.status, 200) << r.body;
  const ClaimResult pack = parse<ClaimResult>(r, kClaimResultJson);
  ASSERT_EQ(pack.coupons.size(), 3u);
  for (const Coupon& c : pack.coupons) EXPECT_EQ(c.claim_id, pack.claim_id);
  // Each coupon of the pack is for a different merchant.
  MyCoupons mine = parse<MyCoupons>(get(s.port(), "/api/v1/coupons/mine", s.member_token(rider)), kMyCouponsJson);
  std::set<std::string> merchants;
  for (const CouponView& v : mine.coupons)
    if (v.coupon.claim_id == pack.claim_id) {
      ASSERT_EQ(v.merchants.size(), 1u);
      merchants.insert(v.merchants[0].id);
      EXPECT_EQ(v.state, coupon_state::kValid);
      EXPECT_EQ(v.code.code.size(), 12u);
    }
  EXPECT_EQ(merchants, (std::set<std::string>{"charge01", "wash01", "health01"}));
  r = post(s.port(), "/api/v1/coupons/claim", s.member_token(rider), claim_body("b-movie"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(reason_of(r), refusal::kByLottery);
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/claim", s.member_token(rider), claim_body("no-such")).status, 404);
}

TEST(CouponsClaim, RolesAndOwnership) {
  CouponsServer s(cst_at(2026, 12, 3, 11));
  const std::vector<std::string> ms = fresh_members(s);
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/claim", "", claim_body("b-fuel")).status, 401);
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/claim", s.merchant_token("fuel01"), claim_body("b-fuel")).status, 403);
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/mine", s.merchant_token("fuel01")).status, 403);
  HttpReply r = post(s.port(), "/api/v1/coupons/claim", s.member_token(ms[5]), claim_body("b-fuel"));
  ASSERT_EQ(r.status, 200);
  const std::string id = parse<ClaimResult>(r, kClaimResultJson).coupons[0].id;
  // The owner gets a code; another member cannot even see the coupon.
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/" + id + "/code", s.member_token(ms[5])).status, 200);
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/" + id + "/code", s.member_token(ms[6])).status, 404);
  for (const CouponView& v :
       parse<MyCoupons>(get(s.port(), "/api/v1/coupons/mine", s.member_token(ms[6])), kMyCouponsJson).coupons)
    EXPECT_EQ(v.coupon.member_id, ms[6]);
}

TEST(CouponsClaim, SellsOutExactly) {
  CouponsServer s(cst_at(2026, 12, 4, 12));
  make_batch(s, "b-small", 5);
  const std::vector<std::string> ms = fresh_members(s, "1", 12);
  std::atomic<int> ok{0}, sold{0};
  std::vector<std::thread> threads;
  for (const std::string& m : ms)
    threads.emplace_back([&, m] {
      const HttpReply r = post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body("b-small"));
      if (r.status == 200) ++ok;
      else if (reason_of(r) == refusal::kSoldOut) ++sold;
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 5);
  EXPECT_EQ(sold.load(), static_cast<int>(ms.size()) - 5);
  EXPECT_EQ(s.scalar("SELECT remaining FROM coupon_stock WHERE batch_id = 'b-small'"), 0);
}

TEST(CouponsClaim, TwoServersOnOneDatabaseNeverOversell) {
  CouponsServer a(cst_at(2026, 12, 5, 12));
  make_batch(a, "b-shared", 30);
  CouponsServer b(cst_at(2026, 12, 5, 12), a.server->db_path());
  const std::vector<std::string> ms = fresh_members(a, "1", 80);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (size_t i = 0; i < ms.size(); ++i)
    threads.emplace_back([&, i] {
      CouponsServer& via = i % 2 ? a : b;
      const HttpReply r = post(via.port(), "/api/v1/coupons/claim", via.member_token(ms[i]), claim_body("b-shared"));
      if (r.status == 200) ++ok;
      else EXPECT_TRUE(reason_of(r) == refusal::kSoldOut) << r.status << r.body;
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 30);
  EXPECT_EQ(a.scalar("SELECT count(*) FROM coupons WHERE batch_id = 'b-shared'"), 30);
  EXPECT_EQ(a.scalar("SELECT remaining FROM coupon_stock WHERE batch_id = 'b-shared'"), 0);
}

// ---- admin and wire ----

TEST(CouponsClaim, AdminCreateIsValidatedAndRoleChecked) {
  CouponsServer s(cst_at(2026, 12, 5, 12));
  CreateBatch bad;
  bad.batch.campaign_id = "cp-fuel";
  bad.batch.title_zh = "坏批次";
  CouponItem it;
  it.rule = threshold_rule(1000, 2000);  // off more than the threshold
  it.merchant_ids = {"fuel01"};
  bad.batch.items = {it};
  bad.batch.window = monthly_window(cst_at(2026, 1, 1), 1, 36000);
  HttpReply r = post(s.port(), "/api/v1/coupons/admin/batches", s.admin_token(), to_json(kCreateBatchJson, bad));
  EXPECT_EQ(r.status, 400) << r.body;
  bad.batch.items[0].rule = threshold_rule(2000, 100);
  bad.batch.items[0].merchant_ids = {"ride01"};  // not a fuel campaign merchant
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/admin/batches", s.admin_token(), to_json(kCreateBatchJson, bad)).status, 400);
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/admin/batches", s.member_token(s.members()[0]),
                 to_json(kCreateBatchJson, bad)).status, 403);
  CreateCampaign c;
  c.campaign.brand = Brand::consume;
  c.campaign.title_zh = "新活动";
  c.campaign.merchants = {{"newshop", "新商户", "New shop"}};
  c.campaign.starts_at = cst_at(2026, 12, 1);
  c.campaign.ends_at = cst_at(2027, 1, 1);
  c.union_budget_fen = 100000;
  r = post(s.port(), "/api/v1/coupons/admin/campaigns", s.admin_token(), to_json(kCreateCampaignJson, c));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_FALSE(parse<CampaignView>(r, kCampaignJson).campaign.id.empty());
}

}  // namespace
}  // namespace hg::test

namespace hg::test {
namespace {

// The hand-written claim answer reads back exactly like cereal's own.
TEST(CouponsClaim, FastClaimJsonMatchesCereal) {
  ClaimResult r;
  r.claim_id = "0123456789ABC";
  r.remaining = 19999;
  for (int i = 0; i < 2; ++i) {
    Coupon c;
    c.id = "ID" + std::to_string(i) + "\"quote\\back\nline";
    c.claim_id = r.claim_id;
    c.batch_id = "b-测试";
    c.campaign_id = "cp";
    c.member_id = "m1";
    c.item_index = i;
    c.stock_key = "2026-12";
    c.limit_key = "2026-12";
    c.claimed_at = 1796000000 + i;
    c.valid_from = 1796000000;
    c.valid_until = 1798600000;
    c.status = CouponStatus::redeemed;
    c.redeemed_at = 7;
    r.coupons.push_back(c);
  }
  const Result<ClaimResult> fast = from_json<ClaimResult>(srv::coupons::claim_result_json(r), kClaimResultJson);
  ASSERT_TRUE(fast.ok()) << srv::coupons::claim_result_json(r);
  EXPECT_EQ(to_json(kClaimResultJson, fast.value()), to_json(kClaimResultJson, r));
}

}  // namespace
}  // namespace hg::test
