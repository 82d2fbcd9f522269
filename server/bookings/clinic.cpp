// Clinic staff: the day's bookings at their clinic, check-in by the member's code with the
// co-pay collected, and no-show marking after the slot (also the union admin). A clinic
// only ever sees and touches bookings of its own slots.
#include "core/bookings/booking_errors.h"
#include "core/bookings/wire.h"
#include "server/auth/require.h"
#include "server/bookings/common.h"
#include "server/bookings/ledger.h"
#include "server/bookings/routes_parts.h"
#include "server/store/member_repo.h"
#include "server/write_route.h"

namespace hg::srv::bookings {

namespace {

namespace repo = booking_repo;

Error not_at_clinic() {
  return make_error(Errc::not_found, "本机构没有这条预约", "There is no such booking at this clinic");
}

ClinicDay clinic_day(Db& db, const std::string& clinic_id, const std::string& date, UnixSeconds from, UnixSeconds now) {
  ClinicDay d;
  d.date = date;
  if (auto r = repo::find_resource(db, clinic_id)) d.clinic = *r;
  for (const std::string& id : repo::day_booking_ids(db, clinic_id, from, from + 86400, 1000)) {
    auto row = repo::find_booking(db, id);
    if (!row) continue;
    BookingView v = booking_view(db, *row, now);
    v.checkin_code.clear();  // the member shows it; the clinic does not get to read it
    v.can_cancel = false;
    if (auto m = member_repo::find(db, row->booking.member_id)) v.member_name = m->name;
    d.bookings.push_back(std::move(v));
  }
  return d;
}

}  // namespace

void add_clinic_routes(Router& router, ApiContext& ctx) {
  router.add("GET", "/api/v1/bookings/clinic/day", Run::on_worker, [&ctx](const Request& req) {
    const Principal me = require_role(req, ctx, {Role::clinic_staff, Role::union_admin});
    const std::string clinic = me.role == Role::clinic_staff ? me.subject : req.query("clinic");
    const UnixSeconds now = ctx.now();
    std::string date = req.query("date");
    if (date.empty()) date = period_key(Period::Day, now);
    const std::optional<UnixSeconds> from = date.size() == 10 ? parse_cst(date) : std::nullopt;
    if (!from) fail(Errc::invalid_input, "日期格式应为 2026-12-01", "The date should look like 2026-12-01");
    return json_ok(kClinicDayJson, ctx.store.read([&](Db& db) { return clinic_day(db, clinic, date, *from, now); }));
  });

  add_idempotent_write<CheckInRequest>(
      router, ctx, {"POST", "/api/v1/bookings/clinic/check-in", {Role::clinic_staff}, kCheckInRequestJson},
      [](const Request&, const Principal& me, CheckInRequest in) {
        if (in.code.size() != 6) fail(Errc::invalid_input, "请输入 6 位签到码", "Enter the 6-digit check-in code");
        return [clinic = me.subject, in = std::move(in)](Db& db, UnixSeconds now) {
          const std::optional<std::string> id = repo::confirmed_by_code(db, clinic, in.code);
          if (!id) fail(not_at_clinic());
          const BookingRow row = apply(db, *id, Op::check_in, now, in.copay_collected_fen);
          BookingView v = booking_view(db, row, now);
          if (auto m = member_repo::find(db, row.booking.member_id)) v.member_name = m->name;
          return json_ok(kBookingViewJson, v);
        };
      });

  add_idempotent_write(
      router, ctx, {"POST", "/api/v1/bookings/{id}/no-show", {Role::clinic_staff, Role::union_admin}},
      [](const Request& req, const Principal& me) {
        return [me, id = std::string(req.param("id"))](Db& db, UnixSeconds now) {
          auto row = repo::find_booking(db, id);
          if (!row) fail(booking_error(BookingErrc::booking_not_found));
          auto slot = repo::find_slot(db, row->booking.slot_id);
          if (!slot || (me.role == Role::clinic_staff && slot->slot.resource_id != me.subject)) fail(not_at_clinic());
          return json_ok(kBookingViewJson, booking_view(db, apply(db, id, Op::no_show, now), now));
        };
      });
}

}  // namespace hg::srv::bookings
