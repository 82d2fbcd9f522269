// Monthly settlement: totals equal the sums of the records, CST month edges decide the
// month, refunds land in the month they happen, and the CSV is RFC 4180.
#include <gtest/gtest.h>

#include "core/coupons/csv.h"
#include "core/coupons/settlement.h"
#include "fixtures.h"

namespace hg {
namespace {
using test::cst;

Redemption redemption(const std::string& id, const std::string& merchant, UnixSeconds at, Fen order, Fen discount,
                      Fen merchant_part) {
  Redemption r;
  r.id = id;
  r.merchant_id = merchant;
  r.redeemed_at = at;
  r.price.order_fen = order;
  r.price.discount_fen = discount;
  r.price.worker_pays_fen = order - discount;
  r.price.merchant_fen = merchant_part;
  r.price.union_fen = discount - merchant_part;
  return r;
}

TEST(Settlement, TotalsAreTheSumsOfTheMonthsRecords) {
  std::vector<Redemption> rs;
  Fen order = 0, merchant = 0, onion = 0;
  for (int i = 0; i < 300; ++i) {
    const std::string m = i % 3 == 0 ? "M-SINOPEC-1" : i % 3 == 1 ? "M-SINOPEC-2" : "M-WASH";
    const Fen o = 20000 + 37 * i;
    rs.push_back(redemption("R" + std::to_string(i), m, cst(2026, 12, 1 + i % 31, 12), o, 3000, 1000 + i % 7));
    order += o;
    merchant += 1000 + i % 7;
    onion += 3000 - (1000 + i % 7);
  }
  auto s = settle_month("2026-12", rs, {}, test::fuel_campaign().merchants);
  ASSERT_TRUE(s);
  ASSERT_EQ(s.value().lines.size(), 3u);
  EXPECT_EQ(s.value().total.redemptions, 300);
  EXPECT_EQ(s.value().total.order_fen, order);
  EXPECT_EQ(s.value().total.merchant_fen, merchant);
  EXPECT_EQ(s.value().total.union_fen, onion);
  EXPECT_EQ(s.value().total.union_net_fen, onion);
  Fen line_sum = 0;
  std::int64_t count = 0;
  for (const SettlementLine& l : s.value().lines) {
    line_sum += l.union_net_fen;
    count += l.redemptions;
    EXPECT_EQ(l.worker_paid_fen + l.discount_fen, l.order_fen);
    EXPECT_EQ(l.merchant_fen + l.union_fen, l.discount_fen);
  }
  EXPECT_EQ(line_sum, s.value().total.union_net_fen);
  EXPECT_EQ(count, 300);
  EXPECT_EQ(s.value().lines[0].merchant_id, "M-SINOPEC-1");
  EXPECT_EQ(s.value().lines[0].merchant_name, "中石化鼓楼站");
}

TEST(Settlement, ByBatchAddsUpTheSameRecordsAsByMerchant) {
  std::vector<Redemption> rs;
  for (int i = 0; i < 40; ++i) {
    Redemption r = redemption("R" + std::to_string(i), i % 2 ? "M-WASH" : "M-SINOPEC-1", cst(2026, 11, 20 + i % 20, 12),
                              20000 + 11 * i, 3000, 1000);
    r.batch_id = i % 3 ? "b-fuel" : "b-wash";
    rs.push_back(r);
  }
  auto f1 = refund(rs[0], 0, 5000, cst(2026, 12, 2), "F1");  // November's redemption, refunded in December
  auto f2 = refund(rs[1], 0, 4000, cst(2026, 11, 30), "F2");
  ASSERT_TRUE(f1 && f2);
  const std::vector<RefundRecord> fs = {f1.value(), f2.value()};
  const std::vector<std::string> batches = {rs[0].batch_id, rs[1].batch_id};
  for (const char* month : {"2026-11", "2026-12"}) {
    auto by_merchant = settle_month(month, rs, fs, {});
    auto by_batch = settle_month_by_batch(month, rs, fs, batches);
    ASSERT_TRUE(by_merchant && by_batch);
    std::int64_t redemptions = 0, refunds = 0;
    Fen union_net = 0, merchant_net = 0;
    for (const auto& [batch, l] : by_batch.value()) {
      redemptions += l.redemptions;
      refunds += l.refunds;
      union_net += l.union_net_fen;
      merchant_net += l.merchant_net_fen;
    }
    const SettlementLine& t = by_merchant.value().total;
    EXPECT_EQ(redemptions, t.redemptions) << month;
    EXPECT_EQ(refunds, t.refunds) << month;
    EXPECT_EQ(union_net, t.union_net_fen) << month;
    EXPECT_EQ(merchant_net, t.merchant_net_fen) << month;
  }
  EXPECT_EQ(settle_month_by_batch("2026-12", rs, fs, batches).value().at(rs[0].batch_id).refunds, 1);
  EXPECT_FALSE(settle_month_by_batch("2026-12", rs, fs, {}));  // each refund needs its batch
}

TEST(Settlement, CstMonthEdges) {
  const std::vector<Redemption> rs = {
      redemption("last", "M-WASH", cst(2026, 11, 30, 23, 59, 59), 1000, 1000, 0),
      redemption("first", "M-WASH", cst(2026, 12, 1, 0, 0, 0), 2000, 2000, 0),
  };
  auto nov = settle_month("2026-11", rs, {}, {});
  auto dec = settle_month("2026-12", rs, {}, {});
  ASSERT_TRUE(nov && dec);
  EXPECT_EQ(nov.value().total.order_fen, 1000);
  EXPECT_EQ(dec.value().total.order_fen, 2000);
  EXPECT_EQ(dec.value().lines[0].merchant_name, "M-WASH");  // unknown merchant keeps its id
}

TEST(Settlement, RefundsCountInTheirOwnMonthAndNetOff) {
  const Redemption r = redemption("R1", "M-SINOPEC-1", cst(2026, 12, 20), 30000, 3000, 1000);
  auto f1 = refund(r, 0, 10000, cst(2026, 12, 21), "F1");
  auto f2 = refund(r, 10000, 20000, cst(2027, 1, 3), "F2");
  ASSERT_TRUE(f1 && f2);
  const std::vector<RefundRecord> fs = {f1.value(), f2.value()};
  auto dec = settle_month("2026-12", {r}, fs, {});
  auto jan = settle_month("2027-01", {r}, fs, {});
  ASSERT_TRUE(dec && jan);
  const SettlementLine& d = dec.value().total;
  const SettlementLine& j = jan.value().total;
  EXPECT_EQ(d.redemptions, 1);
  EXPECT_EQ(d.refunds, 1);
  EXPECT_EQ(j.redemptions, 0);
  EXPECT_EQ(j.refunds, 1);
  // Over both months the union pays nothing and the merchant concedes nothing.
  EXPECT_EQ(d.union_net_fen + j.union_net_fen, 0);
  EXPECT_EQ(d.merchant_net_fen + j.merchant_net_fen, 0);
  EXPECT_EQ(d.worker_refunded_fen + j.worker_refunded_fen, 27000);
  EXPECT_LT(j.union_net_fen, 0);
}

TEST(Settlement, BadMonthKey) {
  for (const char* k : {"2026-13", "2026-00", "2026/12", "26-12", "", "2026-1x"}) {
    auto s = settle_month(k, {}, {}, {});
    ASSERT_FALSE(s) << k;
    EXPECT_EQ(s.error().code, Errc::invalid_input);
  }
  auto empty = settle_month("2026-12", {}, {}, {});
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty.value().lines.empty());
  EXPECT_EQ(empty.value().total.order_fen, 0);
}

TEST(Csv, Rfc4180Quoting) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\r\nlines"), "\"two\r\nlines\"");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_record({"a", "b,c", ""}), "a,\"b,c\",\r\n");
  EXPECT_EQ(yuan_decimal(0), "0.00");
  EXPECT_EQ(yuan_decimal(5), "0.05");
  EXPECT_EQ(yuan_decimal(-5), "-0.05");
  EXPECT_EQ(yuan_decimal(123450), "1234.50");
  EXPECT_EQ(yuan_decimal(INT64_MIN), "-92233720368547758.08");
}

TEST(Csv, SettlementText) {
  std::vector<Merchant> merchants = {{"M1", "张记\"快餐\",鼓楼店", "Zhang's"}};
  auto s = settle_month("2026-12", {redemption("R", "M1", cst(2026, 12, 3), 12345, 2345, 345)}, {}, merchants);
  ASSERT_TRUE(s);
  const std::string csv = settlement_csv(s.value());
  const std::string header =
      "结算月份,商户编号,商户名称,核销笔数,退款笔数,订单金额(元),优惠金额(元),职工实付(元),商户让利(元),"
      "工会补贴(元),退款订单金额(元),退还职工(元),商户让利冲回(元),工会补贴冲回(元),商户让利净额(元),"
      "工会应付净额(元)\r\n";
  const std::string line =
      "2026-12,M1,\"张记\"\"快餐\"\",鼓楼店\",1,0,123.45,23.45,100.00,3.45,20.00,0.00,0.00,0.00,0.00,3.45,20.00\r\n";
  const std::string total = "2026-12,,合计,1,0,123.45,23.45,100.00,3.45,20.00,0.00,0.00,0.00,0.00,3.45,20.00\r\n";
  EXPECT_EQ(csv, header + line + total);
}

}  // namespace
}  // namespace hg
