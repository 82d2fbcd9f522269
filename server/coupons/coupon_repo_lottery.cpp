// Lotteries in the store (see coupon_repo.h): the lottery row with its seed and, once
// drawn, its result as JSON; the members' entries and what each won.
#include "server/coupons/coupon_repo.h"

#include "core/json.h"

namespace hg::srv::coupon_repo {

namespace {
constexpr const char* kDrawJson = "draw";
}  // namespace

void insert_lottery(Db& db, const Lottery& l) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_lotteries (id, batch_id, registration_opens, registration_closes, prizes, per_member_cap, "
      "seed_commitment, committed_at, seed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  s.bind(1, l.id).bind(2, l.batch_id).bind(3, static_cast<std::int64_t>(l.registration_opens));
  s.bind(4, static_cast<std::int64_t>(l.registration_closes)).bind(5, l.prizes).bind(6, l.per_member_cap);
  s.bind(7, l.seed_commitment).bind(8, static_cast<std::int64_t>(l.committed_at)).bind(9, l.seed);
  s.run();
}

std::optional<StoredLottery> find_lottery(Db& db, const std::string& id) {
  Stmt& s = db.cached(
      "SELECT batch_id, registration_opens, registration_closes, prizes, per_member_cap, seed_commitment, "
      "committed_at, seed, revealed_at, result FROM coupon_lotteries WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  StoredLottery st;
  Lottery& l = st.lottery;
  l.id = id;
  s.columns(0, l.batch_id, l.registration_opens, l.registration_closes, l.prizes, l.per_member_cap,
            l.seed_commitment, l.committed_at, l.seed, l.revealed_at, st.result_json);
  return st;
}

std::vector<std::string> lottery_ids(Db& db) {
  std::vector<std::string> out;
  Stmt& s = db.cached("SELECT id FROM coupon_lotteries ORDER BY registration_closes DESC, id");
  const StmtReset reset_s(s);
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

std::string latest_lottery_of(Db& db, const std::string& batch_id) {
  Stmt& s = db.cached("SELECT id FROM coupon_lotteries WHERE batch_id = ?1 ORDER BY registration_closes DESC LIMIT 1");
  const StmtReset reset_s(s);
  s.bind(1, batch_id);
  return s.step() ? s.column_text(0) : std::string();
}

std::vector<LotteryEntry> lottery_entries(Db& db, const std::string& lottery_id) {
  std::vector<LotteryEntry> out;
  Stmt& s = db.cached("SELECT member_id, quantity FROM coupon_lottery_entries WHERE lottery_id = ?1 ORDER BY member_id");
  const StmtReset reset_s(s);
  s.bind(1, lottery_id);
  while (s.step()) out.push_back({s.column_text(0), s.column_int(1)});
  return out;
}

std::int64_t lottery_registrants(Db& db, const std::string& lottery_id) {
  return db.cached_int64("SELECT count(*) FROM coupon_lottery_entries WHERE lottery_id = ?1", 0, lottery_id);
}

std::optional<MemberEntry> member_entry(Db& db, const std::string& lottery_id, const std::string& member_id) {
  Stmt& s = db.cached("SELECT quantity, won FROM coupon_lottery_entries WHERE lottery_id = ?1 AND member_id = ?2");
  const StmtReset reset_s(s);
  s.bind(1, lottery_id).bind(2, member_id);
  if (!s.step()) return std::nullopt;
  MemberEntry e;
  s.columns(0, e.quantity, e.won);
  return e;
}

void register_entry(Db& db, const std::string& lottery_id, const std::string& member_id, std::int32_t quantity,
                    UnixSeconds at) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_lottery_entries (lottery_id, member_id, quantity, registered_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (lottery_id, member_id) DO UPDATE SET quantity = excluded.quantity");
  s.bind(1, lottery_id).bind(2, member_id).bind(3, quantity).bind(4, static_cast<std::int64_t>(at));
  s.run();
}

void set_won(Db& db, const std::string& lottery_id, const std::string& member_id, std::int32_t won) {
  Stmt& s = db.cached("UPDATE coupon_lottery_entries SET won = ?3 WHERE lottery_id = ?1 AND member_id = ?2");
  s.bind(1, lottery_id).bind(2, member_id).bind(3, won);
  s.run();
}

void record_draw(Db& db, const std::string& lottery_id, UnixSeconds at, const DrawResult& result) {
  Stmt& s = db.cached("UPDATE coupon_lotteries SET revealed_at = ?2, registrants_digest = ?3, result = ?4 WHERE id = ?1");
  s.bind(1, lottery_id).bind(2, static_cast<std::int64_t>(at)).bind(3, result.registrants_digest);
  s.bind(4, to_json(kDrawJson, result));
  s.run();
}

std::optional<DrawResult> draw_result(const StoredLottery& st) {
  if (st.lottery.revealed_at == 0) return std::nullopt;
  Result<DrawResult> r = from_json<DrawResult>(st.result_json, kDrawJson, 64u << 20);
  if (!r) return std::nullopt;
  return std::move(r.value());
}

}  // namespace hg::srv::coupon_repo
