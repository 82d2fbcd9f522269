// The claim decision: window, eligibility, per-member limit per period, stock per period,
// and what a claim issues (combo packs).
#include <gtest/gtest.h>

#include <set>

#include "core/coupons/claim.h"
#include "fixtures.h"

namespace hg {
namespace {
using test::cst;

TEST(Claim, OpensAtTenOnTheFirst) {
  const Batch b = test::fuel_batch();
  ClaimDecision early = decide_claim(b, test::rider(), cst(2026, 12, 1, 9, 59, 59), {});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(*early.refusal, CouponErrc::not_open_yet);
  EXPECT_EQ(early.next_open, cst(2026, 12, 1, 10));
  EXPECT_TRUE(is_coupon_error(early.error, CouponErrc::not_open_yet));
  EXPECT_NE(early.error.zh.find("2026-12-01 10:00:00"), std::string::npos);
  EXPECT_NE(early.error.en.find("China time"), std::string::npos);

  ClaimDecision ok = decide_claim(b, test::rider(), cst(2026, 12, 1, 10), {});
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.keys.stock_key, "2026-12");
  EXPECT_EQ(ok.keys.limit_key, "2026-12");
  EXPECT_EQ(ok.stock, 20000);
  EXPECT_EQ(ok.remaining, 20000);
}

TEST(Claim, SoldOutThisMonthRefillsNextMonth) {
  const Batch b = test::fuel_batch();
  ClaimDecision last = decide_claim(b, test::rider(), cst(2026, 12, 31, 23, 59, 59), {19999, 0});
  EXPECT_TRUE(last.ok());
  EXPECT_EQ(last.remaining, 1);
  ClaimDecision gone = decide_claim(b, test::rider(), cst(2026, 12, 31, 23, 59, 59), {20000, 0});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(*gone.refusal, CouponErrc::sold_out);
  EXPECT_EQ(gone.remaining, 0);
  EXPECT_EQ(gone.error.code, Errc::conflict);
  // The server would read January's count (0) under the new key.
  const ClaimKeys jan = claim_keys(b, cst(2027, 1, 1, 10));
  EXPECT_EQ(jan.stock_key, "2027-01");
  EXPECT_TRUE(decide_claim(b, test::rider(), cst(2027, 1, 1, 10), {0, 0}).ok());
  // A count above stock (e.g. stock lowered mid-month) is still sold out, never negative.
  EXPECT_EQ(decide_claim(b, test::rider(), cst(2026, 12, 2), {25000, 0}).remaining, 0);
}

TEST(Claim, OnePerMemberPerMonth) {
  const Batch b = test::fuel_batch();
  ClaimDecision again = decide_claim(b, test::rider(), cst(2026, 12, 15), {100, 1});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(*again.refusal, CouponErrc::limit_reached);
  EXPECT_NE(again.error.zh.find("1张"), std::string::npos);
  // Limit is checked before stock: a member who already has one is told so, not "sold out".
  EXPECT_EQ(*decide_claim(b, test::rider(), cst(2026, 12, 15), {20000, 1}).refusal, CouponErrc::limit_reached);
}

TEST(Claim, YearlyLimitWithMonthlyStock) {
  Batch b = test::fuel_batch();
  b.limit = {Cycle::year, 3};
  const ClaimKeys k = claim_keys(b, cst(2026, 12, 15));
  EXPECT_EQ(k.stock_key, "2026-12");
  EXPECT_EQ(k.limit_key, "2026");
  EXPECT_TRUE(decide_claim(b, test::rider(), cst(2026, 12, 15), {0, 2}).ok());
  EXPECT_EQ(*decide_claim(b, test::rider(), cst(2026, 12, 15), {0, 3}).refusal, CouponErrc::limit_reached);
}

TEST(Claim, WindowClosedNamesTheNextOpening) {
  Batch b = test::fuel_batch();
  b.window = monthly_window(cst(2026, 1, 1), 1, 10 * 3600, 7, 0);  // 1st 10:00 to 7th 00:00
  ClaimDecision d = decide_claim(b, test::rider(), cst(2026, 12, 7), {});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(*d.refusal, CouponErrc::window_closed);
  EXPECT_EQ(d.next_open, cst(2027, 1, 1, 10));
  EXPECT_NE(d.error.zh.find("2027-01-01 10:00:00"), std::string::npos);
  b.window = fixed_window(cst(2026, 12, 1, 10), cst(2026, 12, 2));
  ClaimDecision over = decide_claim(b, test::rider(), cst(2026, 12, 2), {});
  EXPECT_EQ(*over.refusal, CouponErrc::window_closed);
  EXPECT_EQ(over.next_open, 0);
}

TEST(Eligibility, GroupsAndNewEmploymentByOccupation) {
  Eligibility all;
  EXPECT_TRUE(is_eligible(all, test::office_worker()));
  EXPECT_EQ(eligibility_zh(all), "全体会员");
  Eligibility gig{{MemberGroup::new_employment}};
  EXPECT_TRUE(is_eligible(gig, test::rider()));  // group general, occupation rider
  EXPECT_FALSE(is_eligible(gig, test::office_worker()));
  EXPECT_TRUE(is_eligible(gig, test::office_worker(MemberGroup::new_employment)));
  Eligibility young_or_model{{MemberGroup::young, MemberGroup::model_worker}};
  EXPECT_TRUE(is_eligible(young_or_model, test::office_worker(MemberGroup::young)));
  EXPECT_TRUE(is_eligible(young_or_model, test::office_worker(MemberGroup::model_worker)));
  EXPECT_FALSE(is_eligible(young_or_model, test::rider()));
  EXPECT_EQ(eligibility_zh(young_or_model), "青年职工、劳动模范");
  EXPECT_EQ(eligibility_en(young_or_model), "young workers, model workers");
  Eligibility general_listed{{MemberGroup::young, MemberGroup::general}};
  EXPECT_TRUE(is_eligible(general_listed, test::rider()));
}

TEST(Claim, NotEligibleComesFirst) {
  Batch b = test::fuel_batch();
  b.eligibility.groups = {MemberGroup::new_employment};
  ClaimDecision d = decide_claim(b, test::office_worker(), cst(2026, 12, 1, 9), {20000, 1});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(*d.refusal, CouponErrc::not_eligible);
  EXPECT_EQ(d.error.code, Errc::forbidden);
  EXPECT_NE(d.error.zh.find("新就业形态劳动者"), std::string::npos);
  EXPECT_TRUE(decide_claim(b, test::rider(), cst(2026, 12, 1, 10), {}).ok());
}

TEST(Claim, BadInputIsRefusedWithATypedError) {
  Batch b = test::fuel_batch();
  ClaimDecision neg = decide_claim(b, test::rider(), cst(2026, 12, 2), {-1, 0});
  EXPECT_EQ(*neg.refusal, CouponErrc::invalid_amount);
  EXPECT_EQ(neg.error.code, Errc::invalid_input);
  b.items.clear();
  ClaimDecision empty = decide_claim(b, test::rider(), cst(2026, 12, 2), {});
  EXPECT_EQ(*empty.refusal, CouponErrc::invalid_batch);
  b = test::fuel_batch();
  b.by_lottery = true;
  EXPECT_EQ(*decide_claim(b, test::rider(), cst(2026, 12, 2), {}).refusal, CouponErrc::invalid_batch);
}

TEST(Claim, IssuesOneCouponWithCstValidity) {
  const Batch b = test::fuel_batch();
  IdGenerator ids(42);
  auto coupons = claim(b, test::rider(), cst(2026, 12, 1, 10, 0, 3), {}, ids);
  ASSERT_TRUE(coupons);
  ASSERT_EQ(coupons.value().size(), 1u);
  const Coupon& c = coupons.value()[0];
  EXPECT_EQ(c.batch_id, "B-FUEL");
  EXPECT_EQ(c.campaign_id, "C-FUEL");
  EXPECT_EQ(c.member_id, "MEM-RIDER");
  EXPECT_EQ(c.stock_key, "2026-12");
  EXPECT_EQ(c.valid_from, cst(2026, 12, 1, 10, 0, 3));
  EXPECT_EQ(c.valid_until, cst(2026, 12, 30, 23, 59, 59));
  EXPECT_EQ(c.status, CouponStatus::issued);
  EXPECT_FALSE(c.id.empty());
  EXPECT_NE(c.id, c.claim_id);
  auto refused = claim(b, test::rider(), cst(2026, 12, 1, 10), {0, 1}, ids);
  ASSERT_FALSE(refused);
  EXPECT_TRUE(is_coupon_error(refused.error(), CouponErrc::limit_reached));
}

TEST(Claim, ComboPackIssuesOneCouponPerMerchantItem) {
  Batch b = test::fuel_batch();
  CouponItem movie;
  movie.title_zh = "免费观影";
  movie.rule = free_up_to_rule(4000);
  movie.funding = shares_split(5000, 5000);
  movie.merchant_ids = {"M-CINEMA"};
  CouponItem wash;
  wash.title_zh = "免费洗车";
  wash.rule = free_up_to_rule(3000);
  wash.funding = shares_split(0, 10000);
  wash.merchant_ids = {"M-WASH"};
  b.items.push_back(movie);
  b.items.push_back(wash);
  ASSERT_FALSE(validate(b, test::fuel_campaign()));
  IdGenerator ids(7);
  auto pack = claim(b, test::rider(), cst(2026, 12, 1, 10), {}, ids);
  ASSERT_TRUE(pack);
  ASSERT_EQ(pack.value().size(), 3u);
  std::set<std::string> coupon_ids;
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(pack.value()[i].item_index, static_cast<std::int32_t>(i));
    EXPECT_EQ(pack.value()[i].claim_id, pack.value()[0].claim_id);
    coupon_ids.insert(pack.value()[i].id);
  }
  EXPECT_EQ(coupon_ids.size(), 3u);
  EXPECT_TRUE(usable_at(b.items[1], "M-CINEMA"));
  EXPECT_FALSE(usable_at(b.items[1], "M-WASH"));
}

}  // namespace
}  // namespace hg
