// Every coupon model survives a JSON round trip (the wire) and a portable-binary one (the
// device cache), and carries its class version.
#include <gtest/gtest.h>

#include "core/coupons/claim.h"
#include "core/coupons/lottery.h"
#include "core/coupons/settlement.h"
#include "core/json.h"
#include "fixtures.h"

namespace hg {
namespace {
using test::cst;

template <class T>
T json_round_trip(const T& value, const char* name) {
  const std::string json = to_json(name, value);
  auto back = from_json<T>(json, name);
  EXPECT_TRUE(back) << json;
  EXPECT_EQ(to_json(name, back.value()), json);  // nothing lost or changed
  auto bin = from_binary<T>(to_binary(value));
  EXPECT_TRUE(bin);
  EXPECT_EQ(to_json(name, bin.value()), json);
  return back.value();
}

TEST(CouponsJson, Campaign) {
  const Campaign c = json_round_trip(test::fuel_campaign(), "campaign");
  EXPECT_EQ(c.merchants.size(), 4u);
  EXPECT_EQ(c.merchants[0].name_zh, "中石化鼓楼站");
  EXPECT_EQ(c.brand, Brand::ride);
}

TEST(CouponsJson, BatchWithEveryRuleKindAndOverrides) {
  Batch b = test::fuel_batch();
  b.stock.overrides["2027-02"] = 30000;
  b.eligibility.groups = {MemberGroup::new_employment, MemberGroup::young};
  b.stacking = Stacking::stackable;
  for (const DiscountRule& r : {percentage_rule(7500, 1500), free_up_to_rule(4000), fixed_price_rule(10000)}) {
    CouponItem item = b.items[0];
    item.rule = r;
    item.funding = shares_split(3000, 7000);
    b.items.push_back(item);
  }
  const Batch back = json_round_trip(b, "batch");
  ASSERT_EQ(back.items.size(), 4u);
  EXPECT_EQ(back.items[1].rule.kind, RuleKind::percentage);
  EXPECT_EQ(back.items[1].rule.pay_bp, 7500);
  EXPECT_EQ(back.items[0].funding.mode, FundingMode::fixed);
  EXPECT_EQ(back.stock.overrides.at("2027-02"), 30000);
  EXPECT_EQ(back.window.open_second, 36000);
  EXPECT_EQ(back.eligibility.groups.size(), 2u);
  EXPECT_FALSE(validate(back, test::fuel_campaign()));
}

TEST(CouponsJson, CouponRedemptionRefund) {
  IdGenerator ids(3);
  const Coupon c = json_round_trip(issue_coupons(test::fuel_batch(), "MEM-RIDER", cst(2026, 12, 1, 10), ids)[0], "coupon");
  EXPECT_EQ(c.valid_until, cst(2026, 12, 30, 23, 59, 59));
  auto r = redeem(c, test::fuel_batch(), "M-SINOPEC-1", 20000, cst(2026, 12, 2), "R1");
  ASSERT_TRUE(r);
  const Redemption rb = json_round_trip(r.value(), "redemption");
  EXPECT_EQ(rb.price.union_fen, 2000);
  auto f = refund(rb, 0, 5000, cst(2026, 12, 3), "F1");
  ASSERT_TRUE(f);
  json_round_trip(f.value(), "refund");
}

TEST(CouponsJson, LotteryAndSettlement) {
  Lottery l;
  l.id = "L";
  l.batch_id = "B";
  l.seed_commitment = seed_commitment("a-seed-that-is-long-enough-to-be-accepted");
  json_round_trip(l, "lottery");
  DrawResult d;
  d.lottery_id = "L";
  d.order = {"a", "b"};
  d.winners = {{"a", 1}};
  json_round_trip(d, "draw");
  Settlement s;
  s.month = "2026-12";
  s.lines.resize(1);
  s.lines[0].merchant_name = "洁车坊";
  json_round_trip(s, "settlement");
}

TEST(CouponsJson, CarriesClassVersions) {
  const std::string json = to_json("batch", test::fuel_batch());
  EXPECT_NE(json.find("\"cereal_class_version\": 1"), std::string::npos) << json;
}

TEST(CouponsJson, MalformedInputIsAnError) {
  auto bad = from_json<Batch>("{\"batch\": {\"id\": 5}}", "batch");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::invalid_input);
}

}  // namespace
}  // namespace hg
