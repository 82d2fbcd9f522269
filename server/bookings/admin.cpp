// The union admin: plans (quota 2,000 → 10,000, packages and co-pays, eligibility, the
// allowance) and the monthly subsidy statement per clinic — the union's share of the health
// checks that clinic actually performed, summed by core's subsidy_statement().
#include "core/bookings/booking_errors.h"
#include "core/bookings/subsidy_statement.h"
#include "core/bookings/wire.h"
#include "server/auth/require.h"
#include "server/bookings/booking_repo.h"
#include "server/bookings/common.h"
#include "server/bookings/routes_parts.h"
#include "server/write_route.h"

namespace hg::srv::bookings {

namespace {

namespace repo = booking_repo;

PlanList plan_list(Db& db, UnixSeconds now) {
  PlanList out;
  for (Plan& p : repo::all_plans(db)) {
    PlanView v;
    v.year = period_key(Period::Year, now);
    v.year_used = repo::year_used(db, p.id, v.year);
    v.plan = std::move(p);
    out.plans.push_back(std::move(v));
  }
  out.clinics = repo::resources_of_kind(db, "clinic");
  return out;
}

Response save_plan(Db& db, const Plan& p, UnixSeconds now) {
  const std::string year = period_key(Period::Year, now);
  const int used = repo::most_used_from(db, p.id, year);
  if (p.yearly_quota < used)
    fail(Errc::conflict, "年度名额不能少于已预约的 " + std::to_string(used) + " 个",
         "The yearly quota cannot be below the " + std::to_string(used) + " places already booked");
  repo::save_plan(db, p);
  // This year's and later years' limits follow the plan; past years stay as they were.
  repo::apply_plan_limits(db, p, year);
  PlanView v;
  v.plan = *repo::find_plan(db, p.id);
  v.year = year;
  v.year_used = repo::year_used(db, p.id, year);
  return json_ok(kPlanJson, v);
}

SubsidyStatement statement(Db& db, const std::string& clinic, const std::string& month) {
  const UnixSeconds from = *parse_cst(month + "-01");
  const UnixSeconds to = period_end(Period::Month, from);
  std::vector<Slot> slots;
  std::vector<Booking> bookings;
  for (const std::string& id : repo::health_check_slot_ids(db, clinic, from, to)) {
    if (auto row = repo::find_slot(db, id)) slots.push_back(row->slot);
    for (const std::string& b : repo::checked_in_ids(db, id))
      if (auto row = repo::find_booking(db, b)) bookings.push_back(row->booking);
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
      if (!repo::find_resource(db, clinic)) fail(Errc::not_found, "没有这个体检机构", "No such clinic");
      return statement(db, clinic, month);
    }));
  });
}

}  // namespace hg::srv::bookings
