// Money views: the redemption ledger, monthly settlement (JSON and CSV) and the union's
// campaign dashboard. Settlement is core's settle_month over a month's stored records, so
// its totals are exactly the sums of the ledger; the dashboard adds up the same records
// per batch (settle_month_by_batch), so its month figures are settlement's, split by batch.
#include <map>

#include "core/coupons/claim.h"
#include "core/coupons/settlement.h"
#include "core/json.h"
#include "server/api_error.h"
#include "server/auth/require.h"
#include "server/coupons/routes_parts.h"

namespace hg::srv::coupons {

namespace {

// Union admins see every merchant (or one, with ?merchant=); merchant staff only their own.
std::string merchant_scope(const Request& req, const Principal& me) {
  if (me.role == Role::merchant_staff) return me.subject;
  return req.query("merchant");
}

Settlement settlement_of(Db& db, const std::string& month, const std::string& merchant) {
  const coupon_repo::MonthRecords m = coupon_repo::month_records(db, month, merchant);
  return take(settle_month(month, m.redemptions, m.refunds, coupon_repo::merchants(db)));
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
      for (coupon_repo::StoredRedemption& r : coupon_repo::ledger_redemptions(db, out.month, merchant)) {
        LedgerEntry e;
        e.redemption = std::move(r.redemption);
        e.refunded_fen = r.refunded_fen;
        e.refunds = coupon_repo::refunds_of(db, e.redemption.id);
        if (auto b = c.catalog.batch(db, e.redemption.batch_id)) {
          const size_t item = static_cast<size_t>(coupon_repo::coupon_item(db, e.redemption.coupon_id));
          if (item < b->batch.items.size()) {
            e.title_zh = b->batch.items[item].title_zh;
            e.title_en = b->batch.items[item].title_en;
          }
        }
        out.entries.push_back(std::move(e));
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
    const YearMonth month = month_query(req, out.server_now);
    out.month = month_key(month);
    c.api.store.read([&](Db& db) {
      const coupon_repo::MonthRecords records = coupon_repo::month_records(db, out.month, "");
      const std::map<std::string, SettlementLine> money =
          take(settle_month_by_batch(out.month, records.redemptions, records.refunds, records.refund_batches));
      const std::map<std::string, coupon_repo::BatchIssued> issued =
          coupon_repo::issued_between(db, month_start(month), month_start(add_months(month, 1)));
      const std::map<std::string, Fen> spent = coupon_repo::union_spent_by_campaign(db);
      for (const std::string& cid : coupon_repo::campaign_ids(db)) {
        auto camp = c.catalog.campaign(db, cid);
        if (!camp) continue;
        DashboardCampaign dc;
        dc.campaign_id = cid;
        dc.brand = camp->campaign.brand;
        dc.title_zh = camp->campaign.title_zh;
        dc.title_en = camp->campaign.title_en;
        dc.union_budget_fen = camp->union_budget_fen;
        if (auto it = spent.find(cid); it != spent.end()) dc.union_spent_total_fen = it->second;
        dc.budget_left_fen = dc.union_budget_fen > 0 ? dc.union_budget_fen - dc.union_spent_total_fen : 0;
        for (const std::string& bid : coupon_repo::batch_ids(db, cid)) {
          auto b = c.catalog.batch(db, bid);
          if (!b) continue;
          DashboardRow row;
          row.campaign_id = cid;
          row.batch_id = bid;
          row.brand = dc.brand;
          row.title_zh = b->batch.title_zh;
          row.title_en = b->batch.title_en;
          row.stock_cycle = b->batch.stock.cycle;
          const ClaimKeys keys = claim_keys(b->batch, out.server_now);
          row.period_key = keys.stock_key;
          row.stock = stock_for(b->batch.stock, keys.stock_key);
          row.remaining = coupon_repo::stock_remaining(db, bid, keys.stock_key).value_or(row.stock);
          if (auto it = issued.find(bid); it != issued.end()) {
            row.claimed = it->second.claims;
            row.coupons = it->second.coupons;
          }
          if (auto it = money.find(bid); it != money.end()) {
            row.redeemed = it->second.redemptions;
            row.refunds = it->second.refunds;
            row.union_spent_fen = it->second.union_net_fen;
            row.merchant_spent_fen = it->second.merchant_net_fen;
          }
          dc.claimed += row.claimed;
          dc.redeemed += row.redeemed;
          dc.union_spent_fen += row.union_spent_fen;
          out.batches.push_back(std::move(row));
        }
        out.campaigns.push_back(std::move(dc));
      }
      return 0;
    });
    return Response::json(200, to_json(kDashboardJson, out));
  });
}

}  // namespace hg::srv::coupons
