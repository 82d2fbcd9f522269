// Union admin: create campaigns and batches, validated by the same core rules the client
// checks its form with. Campaigns and batches are never edited afterwards (a coupon in a
// member's wallet keeps the rules it was claimed under), which is what lets every server
// process cache them.
#include "core/json.h"
#include "server/api_error.h"
#include "server/auth/require.h"
#include "server/body.h"
#include "server/coupons/routes_parts.h"
#include "server/write_route.h"

namespace hg::srv::coupons {

namespace {
void check_text(const std::string& s, size_t max, const char* zh, const char* en) {
  if (s.size() > max) fail(Errc::invalid_input, std::string(zh) + "过长", std::string(en) + " is too long");
}
}  // namespace

void add_admin_routes(Router& router, const std::shared_ptr<Ctx>& cp) {
  add_idempotent_write<CreateCampaign>(
      router, cp->api, {"POST", "/api/v1/coupons/admin/campaigns", {Role::union_admin}, kCreateCampaignJson},
      [cp](const Request&, const Principal&, CreateCampaign in) {
    if (in.campaign.id.empty()) in.campaign.id = cp->new_id(cp->api.now());
    if (auto e = validate(in.campaign)) fail(*e);
    check_text(in.campaign.id, 32, "活动编号", "The campaign id");
    check_text(in.campaign.title_zh, 100, "活动名称", "The title");
    check_text(in.campaign.title_en, 200, "英文名称", "The English title");
    for (const Merchant& m : in.campaign.merchants) {
      check_text(m.id, 32, "商户编号", "A merchant id");
      check_text(m.name_zh, 100, "商户名称", "A merchant name");
      check_text(m.name_en, 200, "商户英文名称", "A merchant's English name");
    }
    if (in.union_budget_fen < 0) fail(Errc::invalid_input, "预算不能为负", "The budget must not be negative");
    return [in = std::move(in)](Db& db, UnixSeconds now) {
      if (coupon_repo::campaign_exists(db, in.campaign.id))
        fail(Errc::conflict, "活动编号已存在", "A campaign with this id exists");
      coupon_repo::insert_campaign(db, in.campaign, in.union_budget_fen, now);
      CampaignView v;
      v.campaign = in.campaign;
      v.union_budget_fen = in.union_budget_fen;
      return Response::json(201, to_json(kCampaignJson, v));
    };
  });

  add_idempotent_write<CreateBatch>(
      router, cp->api, {"POST", "/api/v1/coupons/admin/batches", {Role::union_admin}, kCreateBatchJson},
      [cp](const Request&, const Principal&, CreateBatch in) {
    if (in.batch.id.empty()) in.batch.id = cp->new_id(cp->api.now());
    check_text(in.batch.id, 32, "批次编号", "The batch id");
    check_text(in.batch.title_zh, 100, "批次名称", "The title");
    return [cp, in = std::move(in)](Db& db, UnixSeconds now) {
      Ctx& c = *cp;
      auto camp = c.catalog.campaign(db, in.batch.campaign_id);
      if (!camp) fail(Errc::not_found, "没有这个活动", "No such campaign");
      if (auto e = validate(in.batch, camp->campaign)) fail(*e);
      if (c.catalog.batch(db, in.batch.id)) fail(Errc::conflict, "批次编号已存在", "A batch with this id exists");
      coupon_repo::insert_batch(db, in.batch, now);
      BatchEntry e;
      e.batch = in.batch;
      e.campaign = camp;
      return Response::json(201, to_json(kBatchJson, batch_view(db, e, nullptr, now)));
    };
  });
}

}  // namespace hg::srv::coupons
