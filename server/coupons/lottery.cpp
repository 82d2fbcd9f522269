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

constexpr const char* kDrawJson = "draw";


struct Stored {
  Lottery lottery;
  std::string result_json;
};

std::optional<Stored> load(Db& db, const std::string& id) {
  Stmt& s = db.cached(
      "SELECT batch_id, registration_opens, registration_closes, prizes, per_member_cap, seed_commitment, "
      "committed_at, seed, revealed_at, result FROM coupon_lotteries WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  Stored st;
  Lottery& l = st.lottery;
  l.id = id;
  s.columns(0, l.batch_id, l.registration_opens, l.registration_closes, l.prizes, l.per_member_cap,
            l.seed_commitment, l.committed_at, l.seed, l.revealed_at, st.result_json);
  return st;
}

Stored must_load(Db& db, const std::string& id) {
  auto st = load(db, id);
  if (!st) fail(Errc::not_found, "没有这个抽签", "No such lottery");
  return *st;
}

std::vector<LotteryEntry> entries_of(Db& db, const std::string& id) {
  std::vector<LotteryEntry> out;
  Stmt s = db.prepare("SELECT member_id, quantity FROM coupon_lottery_entries WHERE lottery_id = ?1 ORDER BY member_id");
  s.bind(1, id);
  while (s.step()) out.push_back({s.column_text(0), s.column_int(1)});
  return out;
}

// The public view; the seed stays secret until revealed. `full` adds entries and result.
LotteryView view_of(Db& db, const Stored& st, const std::string& member_id, UnixSeconds now, bool full) {
  LotteryView v;
  v.lottery = st.lottery;
  const bool drawn = st.lottery.revealed_at != 0;
  if (!drawn) v.lottery.seed.clear();
  v.state = now < st.lottery.registration_opens    ? lottery_state::kUpcoming
            : now < st.lottery.registration_closes ? lottery_state::kRegistering
            : drawn                                ? lottery_state::kDrawn
                                                   : lottery_state::kClosed;
  Stmt& n = db.cached("SELECT count(*) FROM coupon_lottery_entries WHERE lottery_id = ?1");
  const StmtReset reset_n(n);
  n.bind(1, st.lottery.id);
  n.step();
  v.registrants = n.column_int64(0);
  if (!member_id.empty()) {
    Stmt& mine = db.cached("SELECT quantity, won FROM coupon_lottery_entries WHERE lottery_id = ?1 AND member_id = ?2");
    const StmtReset reset_mine(mine);
    mine.bind(1, st.lottery.id).bind(2, member_id);
    if (mine.step()) {
      v.my_quantity = mine.column_int(0);
      v.my_won = mine.column_int(1);
    }
  }
  if (full && drawn) {
    v.entries = entries_of(db, st.lottery.id);
    if (auto r = from_json<DrawResult>(st.result_json, kDrawJson, 64u << 20)) v.result = std::move(r.value());
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
      Stmt s = db.prepare("SELECT id FROM coupon_lotteries ORDER BY registration_closes DESC, id");
      std::vector<std::string> ids;
      while (s.step()) ids.push_back(s.column_text(0));
      for (const std::string& id : ids)
        if (auto st = load(db, id)) out.lotteries.push_back(view_of(db, *st, member, now, false));
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
      insert_lottery(db, l);
      return Response::json(201, to_json(kLotteryJson, view_of(db, must_load(db, l.id), "", now, false)));
    };
  });

  add_idempotent_write<LotteryRegister>(
      router, cp->api, {"POST", "/api/v1/coupons/lotteries/{id}/register", {Role::member}, kLotteryRegisterJson},
      [cp](const Request& req, const Principal& me, LotteryRegister in) {
    return [cp, member = me.subject, in = std::move(in), id = std::string(req.param("id"))](Db& db, UnixSeconds now) {
      Ctx& c = *cp;
      return refusals_answered([&] {
        const Stored st = must_load(db, id);
        if (auto e = check_registration(st.lottery, now))
          throw RefusalError(*e, refusal::kRegistrationClosed,
                             now < st.lottery.registration_opens ? st.lottery.registration_opens : 0);
        auto b = c.catalog.batch(db, st.lottery.batch_id);
        const std::optional<Member> m = find_member(db, member);
        if (!b || !m) fail(Errc::not_found, "找不到抽签的券批次或会员资料", "The lottery's batch or your member record is missing");
        if (!is_eligible(b->batch.eligibility, *m))
          throw RefusalError(coupon_error(CouponErrc::not_eligible, "仅限" + eligibility_zh(b->batch.eligibility),
                                          "only for " + eligibility_en(b->batch.eligibility)),
                             refusal::kNotEligible);
        if (in.quantity < 1 || in.quantity > st.lottery.per_member_cap)
          fail(Errc::invalid_input, "每人最多报名 " + std::to_string(st.lottery.per_member_cap) + " 份",
               "At most " + std::to_string(st.lottery.per_member_cap) + " per member");
        Stmt& s = db.cached(
            "INSERT INTO coupon_lottery_entries (lottery_id, member_id, quantity, registered_at) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT (lottery_id, member_id) DO UPDATE SET quantity = excluded.quantity");
        s.bind(1, id).bind(2, member).bind(3, in.quantity).bind(4, static_cast<std::int64_t>(now));
        s.run();
        return Response::json(200, to_json(kLotteryJson, view_of(db, st, member, now, false)));
      });
    };
  });

  add_idempotent_write(
      router, cp->api, {"POST", "/api/v1/coupons/admin/lotteries/{id}/draw", {Role::union_admin}},
      [cp](const Request& req, const Principal&) {
    return [cp, id = std::string(req.param("id"))](Db& db, UnixSeconds now) {
      Ctx& c = *cp;
      Stored st = must_load(db, id);
      if (st.lottery.revealed_at != 0) fail(Errc::conflict, "已经开奖", "This lottery has already been drawn");
      if (now < st.lottery.registration_closes)
        fail(Errc::conflict, "报名尚未截止，不能开奖", "Registration has not closed yet; the draw comes after");
      auto b = c.catalog.batch(db, st.lottery.batch_id);
      if (!b) fail(Errc::not_found, "没有这个券批次", "No such coupon batch");
      st.lottery.revealed_at = now;
      const DrawResult result = take(draw(st.lottery, entries_of(db, id)));
      const Batch& batch = b->batch;
      const ClaimKeys keys = claim_keys(batch, now);
      const ValidSpan span = valid_span(batch.validity, now);
      Stmt& won = db.cached("UPDATE coupon_lottery_entries SET won = ?3 WHERE lottery_id = ?1 AND member_id = ?2");
      const StmtReset reset_won(won);
      Stmt& claim = db.cached(
          "INSERT INTO coupon_claims (id, batch_id, member_id, stock_key, limit_key, seq, via, claimed_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'lottery', ?7)");
      const StmtReset reset_claim(claim);
      for (const LotteryWin& w : result.winners) {
        won.reset();
        won.bind(1, id).bind(2, w.member_id).bind(3, w.quantity);
        won.run();
        const std::int64_t before = member_claims(db, batch.id, w.member_id, keys.limit_key);
        for (std::int32_t q = 0; q < w.quantity; ++q) {
          const std::string claim_id = c.new_id(now);
          claim.reset();
          claim.bind(1, claim_id).bind(2, batch.id).bind(3, w.member_id).bind(4, keys.stock_key);
          claim.bind(5, keys.limit_key).bind(6, before + q + 1).bind(7, static_cast<std::int64_t>(now));
          claim.run();
          for (std::size_t i = 0; i < batch.items.size(); ++i) {
            Coupon cpn = claimed_coupon(batch, i, claim_id, w.member_id, keys, span, now);
            cpn.id = c.new_id(now);
            insert_coupon(db, cpn);
          }
        }
      }
      // The prizes come out of the batch's stock for the period, as claims in a rush do
      // (and the store's CHECK refuses a draw that would give more than the stock).
      std::int64_t issued = 0;
      for (const LotteryWin& w : result.winners) issued += w.quantity;
      Stmt& stock = db.cached(
          "INSERT INTO coupon_stock (batch_id, period_key, total, remaining) VALUES (?1, ?2, ?3, ?3 - ?4) "
          "ON CONFLICT (batch_id, period_key) DO UPDATE SET remaining = remaining - ?4");
      stock.bind(1, batch.id).bind(2, keys.stock_key).bind(3, stock_for(batch.stock, keys.stock_key)).bind(4, issued);
      stock.run();
      Stmt& done = db.cached(
          "UPDATE coupon_lotteries SET revealed_at = ?2, registrants_digest = ?3, result = ?4 WHERE id = ?1");
      done.bind(1, id).bind(2, static_cast<std::int64_t>(now)).bind(3, result.registrants_digest);
      done.bind(4, to_json(kDrawJson, result));
      done.run();
      st.result_json = to_json(kDrawJson, result);
      return Response::json(200, to_json(kLotteryJson, view_of(db, st, "", now, true)));
    };
  });
}

}  // namespace hg::srv::coupons
