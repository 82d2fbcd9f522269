// The union admin: plans (quota 2,000 → 10,000, packages and co-pays, eligibility, the
// allowance) and the monthly subsidy statement per clinic — the union's share of the health
// checks that clinic actually performed, summed by core's subsidy_statement().
#include "core/bookings/booking_errors.h"
#include "core/bookings/subsidy_statement.h"
#include "core/bookings/wire.h"
#include "server/auth/require.h"
#include "server/bookings/common.h"
#include "server/bookings/ledger.h"
#include "server/bookings/routes_parts.h"
#include "server/write_route.h"

namespace hg::srv::bookings {

namespace {

PlanList plan_list(Db& db, UnixSeconds now) {
  PlanList out;
  for (Plan& p : all_plans(db)) {
    PlanView v;
    v.year = period_key(Period::Year, now);
    v.year_used = year_used(db, p.id, v.year);
    v.plan = std::move(p);
    out.plans.push_back(std::move(v));
  }
  out.clinics = resources_of_kind(db, "clinic");
  return out;
}

Response save_plan(Db& db, const Plan& p, UnixSeconds now) {
  const std::string year = period_key(Period::Year, now);
  {
    Stmt& s = db.cached("SELECT coalesce(max(used), 0) FROM bk_plan_years WHERE plan_id = ?1 AND year >= ?2");
    const StmtReset reset_s(s);
    s.bind(1, p.id).bind(2, year);
    s.step();
    const int used = s.column_int(0);
    s.reset();
    if (p.yearly_quota < used)
      fail(Errc::conflict, "年度名额不能少于已预约的 " + std::to_string(used) + " 个",
           "The yearly quota cannot be below the " + std::to_string(used) + " places already booked");
  }
  insert_plan(db, p);
  // This year's and later years' limits follow the plan; past years stay as they were.
  Stmt& y = db.cached("UPDATE bk_plan_years SET quota = ?3 WHERE plan_id = ?1 AND year >= ?2");
  y.bind(1, p.id).bind(2, year).bind(3, p.yearly_quota);
  y.run();
  Stmt& a = db.cached("UPDATE bk_allowance SET allowed = max(?2, used) WHERE plan_id = ?1");
  a.bind(1, p.id).bind(2, p.allowance);
  a.run();
  PlanView v;
  v.plan = *find_plan(db, p.id);
  v.year = year;
  v.year_used = year_used(db, p.id, year);
  return json_ok(kPlanJson, v);
}

SubsidyStatement statement(Db& db, const std::string& clinic, const std::string& month) {
  const UnixSeconds from = *parse_cst(month + "-01");
  const UnixSeconds to = period_end(Period::Month, from);
  std::vector<Slot> slots;
  std::vector<std::string> slot_ids;
  {
    Stmt& s = db.cached(
        "SELECT id FROM bk_slots WHERE resource_id = ?1 AND kind = 'health_check' AND start_at >= ?2 AND start_at < ?3");
    s.bind(1, clinic).bind(2, from).bind(3, to);
    while (s.step()) slot_ids.push_back(s.column_text(0));
  }
  std::vector<Booking> bookings;
  for (const std::string& id : slot_ids) {
    if (auto row = find_slot(db, id)) slots.push_back(row->slot);
    std::vector<std::string> ids;
    {
      Stmt& s = db.cached("SELECT id FROM bk_bookings WHERE slot_id = ?1 AND state = 'checked_in'");
      s.bind(1, id);
      while (s.step()) ids.push_back(s.column_text(0));
    }
    for (const std::string& b : ids)
      if (auto row = find_booking(db, b)) bookings.push_back(row->booking);
  }
  return subsidy_statement(clinic, month, slots, bookings);
}

}  // namespace

void add_admin_routes(Router& router, ApiContext& ctx) {
  router.add("GET", "/api/v1/bookings/admin/plans", Run::on_worker, [&ctx](const Request& req) {
    require_role(req, ctx, {Role::union_admin});
    const UnixSeconds now = ctx.now();
    return json_ok(kPlanListJson, ctx.store.read([&](Db& db) { return plan_list(db, now); }));
  });

  add_idempotent_write<Plan>(
      router, ctx, {"PUT", "/api/v1/bookings/admin/plans/{id}", {Role::union_admin}, kPlanJson},
      [](const Request& req, const Principal&, Plan p) {
        if (p.id != req.param("id"))
          fail(Errc::invalid_input, "计划编号与地址不一致", "The plan id does not match the address");
        if (auto e = validate_plan(p)) fail(*e);
        if (p.name_zh.empty() || p.name_en.empty()) fail(booking_error(BookingErrc::invalid_plan));
        for (const Package& pk : p.packages)
          if (pk.name_zh.empty() || pk.name_en.empty() || pk.id.size() > 32) fail(booking_error(BookingErrc::invalid_plan));
        return [p = std::move(p)](Db& db, UnixSeconds now) { return save_plan(db, p, now); };
      });

  router.add("GET", "/api/v1/bookings/admin/subsidy", Run::on_worker, [&ctx](const Request& req) {
    require_role(req, ctx, {Role::union_admin});
    const std::string clinic = req.query("clinic");
    const std::string month = month_key(month_query(req, ctx.now()));
    return json_ok(kSubsidyStatementJson, ctx.store.read([&](Db& db) {
      if (!find_resource(db, clinic)) fail(Errc::not_found, "没有这个体检机构", "No such clinic");
      return statement(db, clinic, month);
    }));
  });
}

}  // namespace hg::srv::bookings
