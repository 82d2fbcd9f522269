// Money views: the redemption ledger, monthly settlement (JSON and CSV) and the union's
// campaign dashboard. Settlement is core's settle_month over the stored records, so its
// totals are exactly the sums of the ledger.
#include <map>

#include "core/coupons/claim.h"
#include "core/coupons/settlement.h"
#include "core/json.h"
#include "server/api_error.h"
#include "server/auth/require.h"
#include "server/coupons/routes_parts.h"

namespace hg::srv::coupons {

namespace {

constexpr const char* kRefundColumns =
    "id, redemption_id, merchant_id, refunded_at, order_refunded_fen, worker_refund_fen, discount_reversed_fen, "
    "merchant_reversed_fen, union_reversed_fen";

RefundRecord read_refund_row(const Stmt& s) {
  RefundRecord f;
  s.columns(0, f.id, f.redemption_id, f.merchant_id, f.refunded_at, f.reversal.order_refunded_fen,
            f.reversal.worker_refund_fen, f.reversal.discount_reversed_fen, f.reversal.merchant_reversed_fen,
            f.reversal.union_reversed_fen);
  return f;
}

// Union admins see every merchant (or one, with ?merchant=); merchant staff only their own.
std::string merchant_scope(const Request& req, const Principal& me) {
  if (me.role == Role::merchant_staff) return me.subject;
  return req.query("merchant");
}

Settlement settlement_of(Db& db, const std::string& month, const std::string& merchant) {
  std::vector<Redemption> reds;
  std::vector<RefundRecord> refunds;
  {
    Stmt s = db.prepare(std::string("SELECT ") + kRedemptionColumns +
                        " FROM coupon_redemptions WHERE month = ?1 AND (?2 = '' OR merchant_id = ?2)");
    s.bind(1, month).bind(2, merchant);
    while (s.step()) reds.push_back(read_redemption_row(s));
  }
  {
    Stmt s = db.prepare(std::string("SELECT ") + kRefundColumns +
                        " FROM coupon_refunds WHERE month = ?1 AND (?2 = '' OR merchant_id = ?2)");
    s.bind(1, month).bind(2, merchant);
    while (s.step()) refunds.push_back(read_refund_row(s));
  }
  std::vector<Merchant> merchants;
  Stmt m = db.prepare("SELECT id, name_zh, name_en FROM coupon_merchants ORDER BY id");
  while (m.step()) merchants.push_back({m.column_text(0), m.column_text(1), m.column_text(2)});
  return take(settle_month(month, reds, refunds, merchants));
}

}  // namespace

void add_settlement_routes(Router& router, const std::shared_ptr<Ctx>& cp) {
  router.add("GET", "/api/v1/coupons/ledger", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const Principal me = require_role(req, c.api, {Role::merchant_staff, Role::union_admin});
    Ledger out;
    out.month = month_key(month_query(req, c.api.now()));
    const std::string merchant = merchant_scope(req, me);
    c.api.store.read([&](Db& db) {
      Stmt s = db.prepare(std::string("SELECT ") + kRedemptionColumns +
                          " FROM coupon_redemptions WHERE month = ?1 AND (?2 = '' OR merchant_id = ?2) "
                          "ORDER BY redeemed_at DESC, id DESC LIMIT 2000");
      s.bind(1, out.month).bind(2, merchant);
      while (s.step()) {
        LedgerEntry e;
        e.redemption = read_redemption_row(s, &e.refunded_fen);
        out.entries.push_back(std::move(e));
      }
      Stmt rf = db.prepare(std::string("SELECT ") + kRefundColumns +
                           " FROM coupon_refunds WHERE redemption_id = ?1 ORDER BY refunded_at, id");
      for (LedgerEntry& e : out.entries) {
        rf.reset();
        rf.bind(1, e.redemption.id);
        while (rf.step()) e.refunds.push_back(read_refund_row(rf));
        if (auto b = c.catalog.batch(db, e.redemption.batch_id)) {
          Stmt ci = db.prepare("SELECT item_index FROM coupons WHERE id = ?1");
          ci.bind(1, e.redemption.coupon_id);
          const size_t item = ci.step() ? static_cast<size_t>(ci.column_int(0)) : 0;
          if (item < b->batch.items.size()) {
            e.title_zh = b->batch.items[item].title_zh;
            e.title_en = b->batch.items[item].title_en;
          }
        }
      }
      return 0;
    });
    return Response::json(200, to_json(kLedgerJson, out));
  });

  router.add("GET", "/api/v1/coupons/settlement", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const Principal me = require_role(req, c.api, {Role::merchant_staff, Role::union_admin});
    const std::string month = month_key(month_query(req, c.api.now()));
    const std::string merchant = merchant_scope(req, me);
    const Settlement s = c.api.store.read([&](Db& db) { return settlement_of(db, month, merchant); });
    return Response::json(200, to_json(kSettlementJson, s));
  });

  router.add("GET", "/api/v1/coupons/settlement.csv", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const Principal me = require_role(req, c.api, {Role::merchant_staff, Role::union_admin});
    const std::string month = month_key(month_query(req, c.api.now()));
    const std::string merchant = merchant_scope(req, me);
    const Settlement s = c.api.store.read([&](Db& db) { return settlement_of(db, month, merchant); });
    Response r;
    r.status = 200;
    r.content_type = "text/csv; charset=utf-8";
    r.body = settlement_csv(s);
    r.set_header("Content-Disposition", "attachment; filename=\"huigong-settlement-" + month + ".csv\"");
    return r;
  });

  router.add("GET", "/api/v1/coupons/dashboard", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    require_role(req, c.api, {Role::union_admin});
    Dashboard out;
    out.server_now = c.api.now();
    c.api.store.read([&](Db& db) {
      Stmt claims = db.prepare("SELECT count(*) FROM coupon_claims WHERE batch_id = ?1");
      Stmt coupons = db.prepare(
          "SELECT count(*), coalesce(sum(status = 'redeemed'), 0) FROM coupons WHERE batch_id = ?1");
      Stmt money = db.prepare(
          "SELECT coalesce(sum(r.union_fen), 0), coalesce(sum(r.merchant_fen), 0), "
          "coalesce((SELECT sum(f.union_reversed_fen) FROM coupon_refunds f JOIN coupon_redemptions r2 "
          "  ON r2.id = f.redemption_id WHERE r2.batch_id = ?1), 0), "
          "coalesce((SELECT sum(f.merchant_reversed_fen) FROM coupon_refunds f JOIN coupon_redemptions r2 "
          "  ON r2.id = f.redemption_id WHERE r2.batch_id = ?1), 0) "
          "FROM coupon_redemptions r WHERE r.batch_id = ?1");
      for (const std::string& cid : campaign_ids(db)) {
        auto camp = c.catalog.campaign(db, cid);
        if (!camp) continue;
        DashboardCampaign dc;
        dc.campaign_id = cid;
        dc.brand = camp->campaign.brand;
        dc.title_zh = camp->campaign.title_zh;
        dc.title_en = camp->campaign.title_en;
        dc.union_budget_fen = camp->union_budget_fen;
        for (const std::string& bid : batch_ids(db, cid)) {
          auto b = c.catalog.batch(db, bid);
          if (!b) continue;
          DashboardRow row;
          row.campaign_id = cid;
          row.batch_id = bid;
          row.brand = dc.brand;
          row.title_zh = b->batch.title_zh;
          row.title_en = b->batch.title_en;
          const ClaimKeys keys = claim_keys(b->batch, out.server_now);
          row.period_key = keys.stock_key;
          row.stock = stock_for(b->batch.stock, keys.stock_key);
          row.remaining = stock_remaining(db, bid, keys.stock_key).value_or(row.stock);
          claims.reset();
          claims.bind(1, bid);
          claims.step();
          row.claimed = claims.column_int64(0);
          coupons.reset();
          coupons.bind(1, bid);
          coupons.step();
          row.coupons = coupons.column_int64(0);
          row.redeemed = coupons.column_int64(1);
          money.reset();
          money.bind(1, bid);
          money.step();
          row.union_spent_fen = money.column_int64(0) - money.column_int64(2);
          row.merchant_spent_fen = money.column_int64(1) - money.column_int64(3);
          dc.claimed += row.claimed;
          dc.redeemed += row.redeemed;
          dc.union_spent_fen += row.union_spent_fen;
          out.batches.push_back(std::move(row));
        }
        dc.budget_left_fen = dc.union_budget_fen > 0 ? dc.union_budget_fen - dc.union_spent_fen : 0;
        out.campaigns.push_back(std::move(dc));
      }
      return 0;
    });
    return Response::json(200, to_json(kDashboardJson, out));
  });
}

}  // namespace hg::srv::coupons
