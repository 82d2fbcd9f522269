// Bad set-up and bad input become typed errors with both languages, never crashes.
#include <gtest/gtest.h>

#include "core/coupons/batch.h"
#include "core/coupons/coupon_errors.h"
#include "core/coupons/funding.h"
#include "fixtures.h"

namespace hg {
namespace {

bool is(const std::optional<Error>& e, CouponErrc reason) {
  return e && is_coupon_error(*e, reason) && !e->zh.empty() && !e->en.empty();
}

TEST(CampaignValidation, NeedsMerchantsAndSaneDates) {
  Campaign c = test::fuel_campaign();
  EXPECT_FALSE(validate(c));
  c.merchants.clear();
  EXPECT_TRUE(is(validate(c), CouponErrc::invalid_campaign));
  c = test::fuel_campaign();
  c.merchants.push_back(c.merchants[0]);
  auto dup = validate(c);
  ASSERT_TRUE(is(dup, CouponErrc::invalid_campaign));
  EXPECT_NE(dup->en.find("M-SINOPEC-1"), std::string::npos);
  c = test::fuel_campaign();
  c.merchants[1].id.clear();
  EXPECT_TRUE(is(validate(c), CouponErrc::invalid_campaign));
  c = test::fuel_campaign();
  c.ends_at = c.starts_at;
  EXPECT_TRUE(is(validate(c), CouponErrc::invalid_campaign));
  c = test::fuel_campaign();
  c.brand = static_cast<Brand>(6);
  EXPECT_TRUE(is(validate(c), CouponErrc::invalid_campaign));
  c = test::fuel_campaign();
  c.id.clear();
  EXPECT_TRUE(is(validate(c), CouponErrc::invalid_campaign));
  EXPECT_EQ(find_merchant(test::fuel_campaign(), "M-WASH")->name_zh, "洁车坊");
  EXPECT_EQ(find_merchant(test::fuel_campaign(), "nope"), nullptr);
}

TEST(BatchValidation, EveryPartIsChecked) {
  const Campaign c = test::fuel_campaign();
  EXPECT_FALSE(validate(test::fuel_batch(), c));
  Batch b = test::fuel_batch();
  b.items[0].merchant_ids.clear();
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.items[0].merchant_ids = {"M-ELSEWHERE"};
  EXPECT_FALSE(validate(b));  // fine on its own …
  EXPECT_TRUE(is(validate(b, c), CouponErrc::invalid_batch));  // … but not this campaign's
  b = test::fuel_batch();
  b.items[0].merchant_ids = {""};
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.items.clear();
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.items.resize(21, b.items[0]);
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.items[0].rule = threshold_rule(20000, -1);
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_rule));
  b = test::fuel_batch();
  b.items[0].funding = shares_split(8000, 8000);  // 160%
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_funding));
  b = test::fuel_batch();
  b.stock.per_period = -1;
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.stock.overrides["2027-01"] = -5;
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.limit.per_member = 0;
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.window.open_day = 0;
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.validity.days = 0;
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.campaign_id = "C-OTHER";
  EXPECT_TRUE(is(validate(b, c), CouponErrc::invalid_batch));
  b = test::fuel_batch();
  b.title_zh.clear();
  EXPECT_TRUE(is(validate(b), CouponErrc::invalid_batch));
}

TEST(FundingValidation, SharesMustAddUpToExactlyAHundredPercent) {
  EXPECT_FALSE(validate(shares_split(3000, 7000)));
  EXPECT_FALSE(validate(shares_split(0, 10000)));
  EXPECT_TRUE(is(validate(shares_split(3000, 7001)), CouponErrc::invalid_funding));
  EXPECT_TRUE(is(validate(shares_split(10001, 0)), CouponErrc::invalid_funding));
  EXPECT_TRUE(is(validate(shares_split(-1, 10001)), CouponErrc::invalid_funding));
  EXPECT_TRUE(is(validate(fixed_split(Funder::merchant, -100)), CouponErrc::invalid_funding));
  FundingSplit odd = fixed_split(static_cast<Funder>(4), 100);
  EXPECT_TRUE(is(validate(odd), CouponErrc::invalid_funding));
  FundingSplit mode;
  mode.mode = static_cast<FundingMode>(9);
  EXPECT_TRUE(is(validate(mode), CouponErrc::invalid_funding));
}

TEST(CouponErrors, CodesMapToHttpAndBothLanguages) {
  EXPECT_EQ(coupon_error(CouponErrc::sold_out).http_status(), 409);
  EXPECT_EQ(coupon_error(CouponErrc::not_eligible).http_status(), 403);
  EXPECT_EQ(coupon_error(CouponErrc::invalid_rule).http_status(), 400);
  const Error e = coupon_error(CouponErrc::invalid_batch, "细节", "detail");
  EXPECT_EQ(e.zh, "券批次设置有误：细节");
  EXPECT_EQ(e.en, "The coupon batch is not set up correctly: detail");
  EXPECT_TRUE(is_coupon_error(e, CouponErrc::invalid_batch));
  EXPECT_FALSE(is_coupon_error(e, CouponErrc::invalid_rule));
  for (int i = 0; i <= static_cast<int>(CouponErrc::invalid_lottery); ++i) {
    const Error x = coupon_error(static_cast<CouponErrc>(i));
    EXPECT_TRUE(is_coupon_error(x, static_cast<CouponErrc>(i))) << i;
    EXPECT_FALSE(x.zh.empty());
    EXPECT_FALSE(x.en.empty());
  }
  EXPECT_STREQ(funder_zh(Funder::labour_union), "工会");
  EXPECT_STREQ(funder_en(Funder::merchant), "merchant");
}

}  // namespace
}  // namespace hg
