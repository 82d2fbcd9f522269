// Lotteries for scarce coupons (7,000 free Spring Festival movie tickets). The server
// picks a random seed when the lottery is created and publishes only SHA-256(seed); the
// seed is revealed at the draw, after registration has closed, together with the sorted
// entries and the result, so anyone can rerun core's draw() and compare (verify_draw).
// Winners get their coupons as ordinary claims (via 'lottery'), one per prize won.
#include "core/coupons/claim.h"
#include "core/coupons/lottery.h"
#include "core/coupons/sha256.h"
#include "core/json.h"
#include "server/api_error.h"
#include "server/auth/require.h"
#include "server/body.h"
#include "server/coupons/routes_parts.h"
#include "server/write_route.h"

namespace hg::srv::coupons {

namespace {

using coupon_repo::StoredLottery;

StoredLottery must_load(Db& db, const std::string& id) {
  std::optional<StoredLottery> st = coupon_repo::find_lottery(db, id);
  if (!st) fail(Errc::not_found, "没有这个抽签", "No such lottery");
  return std::move(*st);
}

// The public view; the seed stays secret until revealed. `full` adds entries and result.
LotteryView view_of(Db& db, const StoredLottery& st, const std::string& member_id, UnixSeconds now, bool full) {
  LotteryView v;
  v.lottery = st.lottery;
  const bool drawn = st.lottery.revealed_at != 0;
  if (!drawn) v.lottery.seed.clear();
  v.state = now < st.lottery.registration_opens    ? lottery_state::kUpcoming
            : now < st.lottery.registration_closes ? lottery_state::kRegistering
            : drawn                                ? lottery_state::kDrawn
                                                   : lottery_state::kClosed;
  v.registrants = coupon_repo::lottery_registrants(db, st.lottery.id);
  if (!member_id.empty()) {
    if (std::optional<coupon_repo::MemberEntry> mine = coupon_repo::member_entry(db, st.lottery.id, member_id)) {
      v.my_quantity = mine->quantity;
      v.my_won = mine->won;
    }
  }
  if (full && drawn) {
    v.entries = coupon_repo::lottery_entries(db, st.lottery.id);
    if (std::optional<DrawResult> r = coupon_repo::draw_result(st)) v.result = std::move(*r);
  }
  return v;
}

std::string member_of(const std::optional<Principal>& p) {
  return p && p->role == Role::member ? p->subject : std::string();
}

}  // namespace

void add_lottery_routes(Router& router, const std::shared_ptr<Ctx>& cp) {
  router.add("GET", "/api/v1/coupons/lotteries", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const std::string member = member_of(authenticate_optional(req, c.api));
    const UnixSeconds now = c.api.now();
    LotteryList out;
    c.api.store.read([&](Db& db) {
      for (const std::string& id : coupon_repo::lottery_ids(db))
        if (auto st = coupon_repo::find_lottery(db, id)) out.lotteries.push_back(view_of(db, *st, member, now, false));
      return 0;
    });
    return Response::json(200, to_json(kLotteryListJson, out));
  });

  router.add("GET", "/api/v1/coupons/lotteries/{id}", Run::on_worker, [cp](const Request& req) {
    Ctx& c = *cp;
    const std::string member = member_of(authenticate_optional(req, c.api));
    const std::string id(req.param("id"));
    const UnixSeconds now = c.api.now();
    const LotteryView v = c.api.store.read([&](Db& db) { return view_of(db, must_load(db, id), member, now, true); });
    return Response::json(200, to_json(kLotteryJson, v));
  });

  add_idempotent_write<CreateLottery>(
      router, cp->api, {"POST", "/api/v1/coupons/admin/lotteries", {Role::union_admin}, kCreateLotteryJson},
      [cp](const Request&, const Principal&, CreateLottery in) {
    Ctx& pc = *cp;
    const UnixSeconds committed = pc.api.now();
    Lottery l;
    l.id = pc.new_id(committed);
    l.batch_id = in.batch_id;
    l.registration_opens = in.registration_opens;
    l.registration_closes = in.registration_closes;
    l.prizes = in.prizes;
    l.per_member_cap = in.per_member_cap;
    l.seed = random_seed_hex();
    l.seed_commitment = seed_commitment(l.seed);
    l.committed_at = committed;
    if (auto e = validate(l)) fail(*e);
    return [cp, l = std::move(l)](Db& db, UnixSeconds now) {
      Ctx& c = *cp;
      auto b = c.catalog.batch(db, l.batch_id);
      if (!b) fail(Errc::not_found, "没有这个券批次", "No such coupon batch");
      if (!b->batch.by_lottery)
        fail(coupon_error(CouponErrc::invalid_lottery, "该批次不是抽签发放", "the batch is not drawn by lottery"));
      if (l.per_member_cap > b->batch.limit.per_member)
        fail(coupon_error(CouponErrc::invalid_lottery, "每人中签上限超过批次限领数量",
                          "the per-member cap exceeds the batch's per-member limit"));
      coupon_repo::insert_lottery(db, l);
      return Response::json(201, to_json(kLotteryJson, view_of(db, must_load(db, l.id), "", now, false)));
    };
  });

  add_idempotent_write<LotteryRegister>(
      router, cp->api, {"POST", "/api/v1/coupons/lotteries/{id}/register", {Role::member}, kLotteryRegisterJson},
      [cp](const Request& req, const Principal& me, LotteryRegister in) {
    return [cp, member = me.subject, in = std::move(in), id = std::string(req.param("id"))](Db& db, UnixSeconds now) {
      Ctx& c = *cp;
      return refusals_answered([&] {
        const StoredLottery st = must_load(db, id);
        if (auto e = check_registration(st.lottery, now))
          throw RefusalError(*e, refusal::kRegistrationClosed,
                             now < st.lottery.registration_opens ? st.lottery.registration_opens : 0);
        auto b = c.catalog.batch(db, st.lottery.batch_id);
        const std::optional<Member> m = coupon_repo::find_member(db, member);
        if (!b || !m) fail(Errc::not_found, "找不到抽签的券批次或会员资料", "The lottery's batch or your member record is missing");
        if (!is_eligible(b->batch.eligibility, *m))
          throw RefusalError(coupon_error(CouponErrc::not_eligible, "仅限" + eligibility_zh(b->batch.eligibility),
                                          "only for " + eligibility_en(b->batch.eligibility)),
                             refusal::kNotEligible);
        if (in.quantity < 1 || in.quantity > st.lottery.per_member_cap)
          fail(Errc::invalid_input, "每人最多报名 " + std::to_string(st.lottery.per_member_cap) + " 份",
               "At most " + std::to_string(st.lottery.per_member_cap) + " per member");
        coupon_repo::register_entry(db, id, member, in.quantity, now);
        return Response::json(200, to_json(kLotteryJson, view_of(db, st, member, now, false)));
      });
    };
  });

  add_idempotent_write(
      router, cp->api, {"POST", "/api/v1/coupons/admin/lotteries/{id}/draw", {Role::union_admin}},
      [cp](const Request& req, const Principal&) {
    return [cp, id = std::string(req.param("id"))](Db& db, UnixSeconds now) {
      Ctx& c = *cp;
      StoredLottery st = must_load(db, id);
      if (st.lottery.revealed_at != 0) fail(Errc::conflict, "已经开奖", "This lottery has already been drawn");
      if (now < st.lottery.registration_closes)
        fail(Errc::conflict, "报名尚未截止，不能开奖", "Registration has not closed yet; the draw comes after");
      auto b = c.catalog.batch(db, st.lottery.batch_id);
      if (!b) fail(Errc::not_found, "没有这个券批次", "No such coupon batch");
      st.lottery.revealed_at = now;
      const DrawResult result = take(draw(st.lottery, coupon_repo::lottery_entries(db, id)));
      const Batch& batch = b->batch;
      const ClaimKeys keys = claim_keys(batch, now);
      const ValidSpan span = valid_span(batch.validity, now);
      for (const LotteryWin& w : result.winners) {
        coupon_repo::set_won(db, id, w.member_id, w.quantity);
        const std::int64_t before = coupon_repo::member_claims(db, batch.id, w.member_id, keys.limit_key);
        for (std::int32_t q = 0; q < w.quantity; ++q) {
          const std::string claim_id = c.new_id(now);
          coupon_repo::insert_keyless_claim(db, claim_id, batch.id, w.member_id, keys, before + q + 1, now, "lottery");
          for (std::size_t i = 0; i < batch.items.size(); ++i) {
            Coupon cpn = claimed_coupon(batch, i, claim_id, w.member_id, keys, span, now);
            cpn.id = c.new_id(now);
            coupon_repo::insert_coupon(db, cpn);
          }
        }
      }
      // The prizes come out of the batch's stock for the period, as claims in a rush do
      // (and the store's CHECK refuses a draw that would give more than the stock).
      std::int64_t issued = 0;
      for (const LotteryWin& w : result.winners) issued += w.quantity;
      coupon_repo::take_stock(db, batch.id, keys.stock_key, stock_for(batch.stock, keys.stock_key), issued);
      coupon_repo::record_draw(db, id, now, result);
      st = must_load(db, id);
      return Response::json(200, to_json(kLotteryJson, view_of(db, st, "", now, true)));
    };
  });
}

}  // namespace hg::srv::coupons
