// Settlement, ledger, dashboard and the lottery through the real server: settlement
// totals equal the sum of the redemptions and refunds; CSV export; roles; the draw
// reproduces from the revealed seed.
#include <gtest/gtest.h>

#include "core/coupons/lottery.h"
#include "core/coupons/sha256.h"
#include "tests/server/coupons_support.h"

namespace hg::test {
namespace {

TEST(CouponsMoney, SettlementTotalsEqualTheLedgerAndTheStore) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  // The demo history has redemptions in the two months before the seeding month.
  for (const std::string month : {"2026-10", "2026-11"}) {
    const HttpReply r = get(s.port(), "/api/v1/coupons/settlement?month=" + month, s.admin_token());
    ASSERT_EQ(r.status, 200) << r.body;
    const Settlement st = parse<Settlement>(r, kSettlementJson);
    EXPECT_EQ(st.month, month);
    ASSERT_FALSE(st.lines.empty()) << month;
    Fen order = 0, discount = 0, merchant = 0, union_fen = 0, union_rev = 0, merchant_rev = 0;
    std::int64_t count = 0;
    for (const SettlementLine& l : st.lines) {
      order += l.order_fen;
      discount += l.discount_fen;
      merchant += l.merchant_fen;
      union_fen += l.union_fen;
      union_rev += l.union_reversed_fen;
      merchant_rev += l.merchant_reversed_fen;
      count += l.redemptions;
      EXPECT_EQ(l.union_net_fen, l.union_fen - l.union_reversed_fen) << l.merchant_id;
      EXPECT_EQ(l.merchant_fen + l.union_fen, l.discount_fen) << l.merchant_id;
    }
    EXPECT_EQ(st.total.order_fen, order);
    EXPECT_EQ(st.total.discount_fen, discount);
    EXPECT_EQ(st.total.union_fen, union_fen);
    // The store's own sums, independently of core's aggregation.
    const std::string w = " WHERE month = '" + month + "'";
    EXPECT_EQ(count, s.scalar("SELECT count(*) FROM coupon_redemptions" + w));
    EXPECT_EQ(order, s.scalar("SELECT sum(order_fen) FROM coupon_redemptions" + w));
    EXPECT_EQ(merchant, s.scalar("SELECT sum(merchant_fen) FROM coupon_redemptions" + w));
    EXPECT_EQ(union_fen, s.scalar("SELECT sum(union_fen) FROM coupon_redemptions" + w));
    EXPECT_EQ(union_rev, s.scalar("SELECT coalesce(sum(union_reversed_fen), 0) FROM coupon_refunds" + w));
    EXPECT_EQ(merchant_rev, s.scalar("SELECT coalesce(sum(merchant_reversed_fen), 0) FROM coupon_refunds" + w));
    // The ledger lists the same redemptions.
    const Ledger ledger = parse<Ledger>(get(s.port(), "/api/v1/coupons/ledger?month=" + month, s.admin_token()), kLedgerJson);
    Fen ledger_union = 0;
    for (const LedgerEntry& e : ledger.entries) ledger_union += e.redemption.price.union_fen;
    EXPECT_EQ(static_cast<std::int64_t>(ledger.entries.size()), count);
    EXPECT_EQ(ledger_union, union_fen);
  }
}

TEST(CouponsMoney, NewRedemptionsAndRefundsMoveSettlementByExactlyTheirSplit) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  auto fuel_line = [&] {
    const Settlement st =
        parse<Settlement>(get(s.port(), "/api/v1/coupons/settlement?month=2026-12", s.merchant_token("fuel01")), kSettlementJson);
    for (const SettlementLine& l : st.lines) EXPECT_EQ(l.merchant_id, "fuel01");  // own line only
    return st.total;
  };
  const SettlementLine before = fuel_line();
  const std::string m = s.members("1", 200).back();
  const HttpReply c = post(s.port(), "/api/v1/coupons/claim", s.member_token(m), claim_body("b-fuel"));
  ASSERT_EQ(c.status, 200) << c.body;
  const std::string id = parse<ClaimResult>(c, kClaimResultJson).coupons[0].id;
  const std::string code =
      parse<CouponCode>(get(s.port(), "/api/v1/coupons/" + id + "/code", s.member_token(m)), kCouponCodeJson).code;
  const HttpReply r = post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("fuel01"), redeem_body(code, 25000));
  ASSERT_EQ(r.status, 200) << r.body;
  const Redemption red = parse<RedemptionResult>(r, kRedemptionResultJson).redemption;
  RefundRequest q;
  q.redemption_id = red.id;
  q.refund_fen = 5000;
  const HttpReply f = post(s.port(), "/api/v1/coupons/refund", s.merchant_token("fuel01"), to_json(kRefundRequestJson, q));
  ASSERT_EQ(f.status, 200) << f.body;
  const RefundReversal rev = parse<RefundResult>(f, kRefundResultJson).refund.reversal;
  const SettlementLine after = fuel_line();
  EXPECT_EQ(after.redemptions, before.redemptions + 1);
  EXPECT_EQ(after.order_fen - before.order_fen, 25000);
  EXPECT_EQ(after.merchant_fen - before.merchant_fen, 1000);
  EXPECT_EQ(after.union_fen - before.union_fen, 2000);
  EXPECT_EQ(after.union_reversed_fen - before.union_reversed_fen, rev.union_reversed_fen);
  EXPECT_EQ(after.union_net_fen - before.union_net_fen, 2000 - rev.union_reversed_fen);
  // The dashboard counts it against the fuel campaign's budget.
  const Dashboard d = parse<Dashboard>(get(s.port(), "/api/v1/coupons/dashboard", s.admin_token()), kDashboardJson);
  bool found = false;
  for (const DashboardCampaign& dc : d.campaigns)
    if (dc.campaign_id == "cp-fuel") {
      found = true;
      EXPECT_GT(dc.claimed, 0);
      EXPECT_EQ(dc.budget_left_fen, dc.union_budget_fen - dc.union_spent_total_fen);
      EXPECT_EQ(dc.union_spent_total_fen,
                s.scalar("SELECT sum(union_fen) FROM coupon_redemptions WHERE campaign_id = 'cp-fuel'") -
                    s.scalar("SELECT coalesce(sum(f.union_reversed_fen), 0) FROM coupon_refunds f JOIN coupon_redemptions "
                             "r ON r.id = f.redemption_id WHERE r.campaign_id = 'cp-fuel'"));
    }
  EXPECT_TRUE(found);
}

// The member claims the supermarket coupon and shop01 redeems it for `order` fen, at the
// server's current time; returns the redemption.
Redemption claim_and_redeem(CouponsServer& s, const std::string& member, Fen order) {
  const HttpReply c = post(s.port(), "/api/v1/coupons/claim", s.member_token(member), claim_body("b-shop"));
  EXPECT_EQ(c.status, 200) << c.body;
  const std::string id = parse<ClaimResult>(c, kClaimResultJson).coupons.at(0).id;
  const std::string code =
      parse<CouponCode>(get(s.port(), "/api/v1/coupons/" + id + "/code", s.member_token(member)), kCouponCodeJson).code;
  const HttpReply r = post(s.port(), "/api/v1/coupons/redeem", s.merchant_token("shop01"), redeem_body(code, order));
  EXPECT_EQ(r.status, 200) << r.body;
  return parse<RedemptionResult>(r, kRedemptionResultJson).redemption;
}

// shop01 refunds `refund_fen` of the redemption's order at the server's current time.
void refund_part(CouponsServer& s, const Redemption& red, Fen refund_fen) {
  RefundRequest q;
  q.redemption_id = red.id;
  q.refund_fen = refund_fen;
  const HttpReply f = post(s.port(), "/api/v1/coupons/refund", s.merchant_token("shop01"), to_json(kRefundRequestJson, q));
  EXPECT_EQ(f.status, 200) << f.body;
}

TEST(CouponsMoney, DashboardAndSettlementGiveTheSameMonth) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const std::string m = s.members("1", 200).back();  // no demo history
  // December: a claim and its redemption, refunded in part the same month.
  s.set_now(cst_at(2026, 12, 20, 12));
  const Redemption dec = claim_and_redeem(s, m, 15000);
  refund_part(s, dec, 3000);
  // January: the next month's claim and redemption, and a second refund of December's
  // redemption, which belongs to January's figures.
  s.set_now(cst_at(2027, 1, 5, 12));
  claim_and_redeem(s, m, 12000);
  refund_part(s, dec, 2000);

  for (const std::string month : {"2026-11", "2026-12", "2027-01"}) {
    const Settlement st =
        parse<Settlement>(get(s.port(), "/api/v1/coupons/settlement?month=" + month, s.admin_token()), kSettlementJson);
    const Dashboard d = parse<Dashboard>(get(s.port(), "/api/v1/coupons/dashboard?month=" + month, s.admin_token()), kDashboardJson);
    EXPECT_EQ(d.month, month);
    // One figure added up over the dashboard's batch rows or campaigns.
    auto rows = [&](std::int64_t DashboardRow::*field) {
      std::int64_t n = 0;
      for (const DashboardRow& r : d.batches) n += r.*field;
      return n;
    };
    auto campaigns = [&](std::int64_t DashboardCampaign::*field) {
      std::int64_t n = 0;
      for (const DashboardCampaign& c : d.campaigns) n += c.*field;
      return n;
    };
    EXPECT_EQ(rows(&DashboardRow::redeemed), st.total.redemptions) << month;
    EXPECT_EQ(rows(&DashboardRow::refunds), st.total.refunds) << month;
    EXPECT_EQ(rows(&DashboardRow::union_spent_fen), st.total.union_net_fen) << month;
    EXPECT_EQ(rows(&DashboardRow::merchant_spent_fen), st.total.merchant_net_fen) << month;
    EXPECT_EQ(campaigns(&DashboardCampaign::redeemed), st.total.redemptions) << month;
    EXPECT_EQ(campaigns(&DashboardCampaign::union_spent_fen), st.total.union_net_fen) << month;
    // Claims are the month's: made between its first and last second, CST.
    const YearMonth ym = *parse_month(month);
    EXPECT_EQ(rows(&DashboardRow::claimed), s.scalar("SELECT count(*) FROM coupon_claims WHERE claimed_at >= " +
                                std::to_string(month_start(ym)) + " AND claimed_at < " +
                                std::to_string(month_start(add_months(ym, 1)))))
        << month;
  }
  // January's supermarket row: one claim and redemption, and December's second refund.
  const Dashboard jan = parse<Dashboard>(get(s.port(), "/api/v1/coupons/dashboard?month=2027-01", s.admin_token()), kDashboardJson);
  for (const DashboardRow& r : jan.batches) {
    if (r.batch_id != "b-shop") continue;
    EXPECT_EQ(r.claimed, 1);
    EXPECT_EQ(r.redeemed, 1);
    EXPECT_EQ(r.refunds, 1);
    EXPECT_EQ(r.stock_cycle, Cycle::month);
    EXPECT_EQ(r.period_key, "2027-01");
  }
}

TEST(CouponsMoney, CsvExportAndRoles) {
  CouponsServer s(cst_at(2026, 12, 2, 12));
  const HttpReply csv = get(s.port(), "/api/v1/coupons/settlement.csv?month=2026-11", s.admin_token());
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("Content-Disposition").find("huigong-settlement-2026-11.csv"), std::string::npos);
  EXPECT_NE(csv.body.find("合计"), std::string::npos);
  EXPECT_NE(csv.body.find("\r\n"), std::string::npos);
  const std::string member = s.member_token(s.members()[0]);
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/settlement?month=2026-11", member).status, 403);
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/dashboard", s.merchant_token("fuel01")).status, 403);
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/ledger?month=2026-11").status, 401);
  EXPECT_EQ(get(s.port(), "/api/v1/coupons/settlement?month=2026-13", s.admin_token()).status, 400);
  // A merchant's ledger holds only its own redemptions.
  for (const LedgerEntry& e :
       parse<Ledger>(get(s.port(), "/api/v1/coupons/ledger?month=2026-11", s.merchant_token("shop01")), kLedgerJson).entries)
    EXPECT_EQ(e.redemption.merchant_id, "shop01");
}

TEST(CouponsMoney, LotteryReproducesFromTheRevealedSeed) {
  CouponsServer s(cst_at(2027, 1, 10, 12));
  CreateLottery in;
  in.batch_id = "b-movie";
  in.registration_opens = cst_at(2027, 1, 10);
  in.registration_closes = cst_at(2027, 1, 11);
  in.prizes = 5;
  in.per_member_cap = 1;
  HttpReply r = post(s.port(), "/api/v1/coupons/admin/lotteries", s.admin_token(), to_json(kCreateLotteryJson, in));
  ASSERT_EQ(r.status, 201) << r.body;
  const LotteryView created = parse<LotteryView>(r, kLotteryJson);
  EXPECT_TRUE(created.lottery.seed.empty());  // only the commitment is public
  EXPECT_EQ(created.lottery.seed_commitment.size(), 64u);
  const std::string id = created.lottery.id;
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/admin/lotteries", s.member_token(s.members()[0]),
                 to_json(kCreateLotteryJson, in)).status, 403);

  const std::vector<std::string> ms = s.members("1", 12);
  LotteryRegister reg;
  for (const std::string& m : ms) {
    r = post(s.port(), "/api/v1/coupons/lotteries/" + id + "/register", s.member_token(m), to_json(kLotteryRegisterJson, reg));
    ASSERT_EQ(r.status, 200) << r.body;
  }
  EXPECT_EQ(parse<LotteryView>(get(s.port(), "/api/v1/coupons/lotteries/" + id), kLotteryJson).registrants, 12);
  // No draw before registration closes; no registration after.
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/admin/lotteries/" + id + "/draw", s.admin_token(), "").status, 409);
  s.set_now(cst_at(2027, 1, 11));
  r = post(s.port(), "/api/v1/coupons/lotteries/" + id + "/register", s.member_token(s.members("1", 200).back()),
           to_json(kLotteryRegisterJson, reg));
  EXPECT_EQ(reason_of(r), refusal::kRegistrationClosed);
  r = post(s.port(), "/api/v1/coupons/admin/lotteries/" + id + "/draw", s.admin_token(), "");
  ASSERT_EQ(r.status, 200) << r.body;
  // What anyone can fetch afterwards is enough to redo the draw.
  const LotteryView pub = parse<LotteryView>(get(s.port(), "/api/v1/coupons/lotteries/" + id), kLotteryJson);
  EXPECT_EQ(pub.state, "drawn");
  EXPECT_EQ(sha256_hex(pub.lottery.seed), created.lottery.seed_commitment);
  EXPECT_TRUE(verify_commitment(pub.lottery.seed, pub.lottery.seed_commitment));
  ASSERT_EQ(pub.entries.size(), 12u);
  EXPECT_TRUE(verify_draw(pub.lottery, pub.entries, pub.result));
  const Result<DrawResult> again = draw(pub.lottery, pub.entries);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().order, pub.result.order);
  ASSERT_EQ(pub.result.winners.size(), 5u);
  // Winners hold the coupons; a tampered result does not verify.
  for (const LotteryWin& w : pub.result.winners)
    EXPECT_EQ(s.scalar("SELECT count(*) FROM coupons WHERE batch_id = 'b-movie' AND member_id = '" + w.member_id + "'"), 1);
  // The prizes came out of the batch's stock, which the campaign list shows.
  EXPECT_EQ(s.scalar("SELECT sum(total - remaining) FROM coupon_stock WHERE batch_id = 'b-movie'"), 5);
  const CampaignList list = parse<CampaignList>(get(s.port(), "/api/v1/coupons/campaigns"), kCampaignListJson);
  bool shown = false;
  for (const CampaignView& c : list.campaigns)
    for (const BatchView& b : c.batches)
      if (b.batch.id == "b-movie") {
        shown = true;
        EXPECT_EQ(b.remaining, b.stock - 5);
      }
  EXPECT_TRUE(shown);
  DrawResult forged = pub.result;
  std::swap(forged.winners[0].member_id, forged.order.back());
  EXPECT_FALSE(verify_draw(pub.lottery, pub.entries, forged));
  EXPECT_EQ(post(s.port(), "/api/v1/coupons/admin/lotteries/" + id + "/draw", s.admin_token(), "").status, 409);
}

}  // namespace
}  // namespace hg::test
