// Redemptions, refunds and a month's figures in the store (see coupon_repo.h). Each record
// is booked in the CST month ("2026-12") of its own instant, which is the month settlement
// and the ledger list it under.
//
// Sections:
//   money          inserting and reading redemptions and refunds
//   month figures  a month's records, the ledger's rows, claims and coupons made in a span,
//                  the union's subsidy per campaign
#include "server/coupons/coupon_repo.h"

#include "core/cst_time.h"

namespace hg::srv::coupon_repo {

namespace {

constexpr const char* kRedemptionColumns =
    "id, coupon_id, batch_id, campaign_id, member_id, merchant_id, redeemed_at, order_fen, discount_fen, "
    "worker_pays_fen, merchant_fen, union_fen, refunded_order_fen, reversed";
constexpr const char* kRefundColumns =
    "id, redemption_id, merchant_id, refunded_at, order_refunded_fen, worker_refund_fen, discount_reversed_fen, "
    "merchant_reversed_fen, union_reversed_fen";

// Rows of kRedemptionColumns / kRefundColumns, from column 0.
StoredRedemption read_redemption(const Stmt& s) {
  Redemption r;
  Fen refunded = 0;
  bool reversed = false;
  s.columns(0, r.id, r.coupon_id, r.batch_id, r.campaign_id, r.member_id, r.merchant_id, r.redeemed_at, r.price.order_fen,
            r.price.discount_fen, r.price.worker_pays_fen, r.price.merchant_fen, r.price.union_fen, refunded, reversed);
  return {std::move(r), refunded, reversed};
}
RefundRecord read_refund(const Stmt& s) {
  RefundRecord f;
  s.columns(0, f.id, f.redemption_id, f.merchant_id, f.refunded_at, f.reversal.order_refunded_fen,
            f.reversal.worker_refund_fen, f.reversal.discount_reversed_fen, f.reversal.merchant_reversed_fen,
            f.reversal.union_reversed_fen);
  return f;
}

}  // namespace

// ---- money ----

void insert_redemption(Db& db, const Redemption& r) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_redemptions (id, coupon_id, batch_id, campaign_id, member_id, merchant_id, "
      "redeemed_at, month, order_fen, discount_fen, worker_pays_fen, merchant_fen, union_fen) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  s.bind(1, r.id).bind(2, r.coupon_id).bind(3, r.batch_id).bind(4, r.campaign_id).bind(5, r.member_id);
  s.bind(6, r.merchant_id).bind(7, static_cast<std::int64_t>(r.redeemed_at));
  s.bind(8, period_key(Period::Month, r.redeemed_at));
  s.bind(9, r.price.order_fen).bind(10, r.price.discount_fen).bind(11, r.price.worker_pays_fen);
  s.bind(12, r.price.merchant_fen).bind(13, r.price.union_fen);
  s.run();
}

std::optional<StoredRedemption> find_redemption(Db& db, const std::string& id) {
  static const std::string sql = std::string("SELECT ") + kRedemptionColumns + " FROM coupon_redemptions WHERE id = ?1";
  Stmt& s = db.cached(sql.c_str());
  const StmtReset reset_s(s);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_redemption(s);
}

void insert_refund(Db& db, const RefundRecord& f) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_refunds (id, redemption_id, merchant_id, refunded_at, month, order_refunded_fen, "
      "worker_refund_fen, discount_reversed_fen, merchant_reversed_fen, union_reversed_fen) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  const RefundReversal& v = f.reversal;
  s.bind(1, f.id).bind(2, f.redemption_id).bind(3, f.merchant_id).bind(4, static_cast<std::int64_t>(f.refunded_at));
  s.bind(5, period_key(Period::Month, f.refunded_at)).bind(6, v.order_refunded_fen).bind(7, v.worker_refund_fen);
  s.bind(8, v.discount_reversed_fen).bind(9, v.merchant_reversed_fen).bind(10, v.union_reversed_fen);
  s.run();
}

void set_refunded(Db& db, const std::string& redemption_id, Fen refunded_total_fen, bool reversed) {
  Stmt& s = db.cached("UPDATE coupon_redemptions SET refunded_order_fen = ?2, reversed = ?3 WHERE id = ?1");
  s.bind(1, redemption_id).bind(2, refunded_total_fen).bind(3, reversed);
  s.run();
}

std::vector<RefundRecord> refunds_of(Db& db, const std::string& redemption_id) {
  static const std::string sql =
      std::string("SELECT ") + kRefundColumns + " FROM coupon_refunds WHERE redemption_id = ?1 ORDER BY refunded_at, id";
  Stmt& s = db.cached(sql.c_str());
  const StmtReset reset_s(s);
  s.bind(1, redemption_id);
  std::vector<RefundRecord> out;
  while (s.step()) out.push_back(read_refund(s));
  return out;
}

// ---- month figures ----

MonthRecords month_records(Db& db, const std::string& month, const std::string& merchant) {
  MonthRecords out;
  {
    static const std::string sql = std::string("SELECT ") + kRedemptionColumns +
                                   " FROM coupon_redemptions WHERE month = ?1 AND (?2 = '' OR merchant_id = ?2)";
    Stmt& s = db.cached(sql.c_str());
    const StmtReset reset_s(s);
    s.bind(1, month).bind(2, merchant);
    while (s.step()) out.redemptions.push_back(read_redemption(s).redemption);
  }
  // kRefundColumns, then the redemption's batch.
  Stmt& s = db.cached(
      "SELECT f.id, f.redemption_id, f.merchant_id, f.refunded_at, f.order_refunded_fen, f.worker_refund_fen, "
      "f.discount_reversed_fen, f.merchant_reversed_fen, f.union_reversed_fen, r.batch_id FROM coupon_refunds f "
      "JOIN coupon_redemptions r ON r.id = f.redemption_id WHERE f.month = ?1 AND (?2 = '' OR f.merchant_id = ?2)");
  const StmtReset reset_s(s);
  s.bind(1, month).bind(2, merchant);
  while (s.step()) {
    out.refunds.push_back(read_refund(s));
    out.refund_batches.push_back(s.column_text(9));
  }
  return out;
}

std::vector<StoredRedemption> ledger_redemptions(Db& db, const std::string& month, const std::string& merchant) {
  static const std::string sql = std::string("SELECT ") + kRedemptionColumns +
                                 " FROM coupon_redemptions WHERE month = ?1 AND (?2 = '' OR merchant_id = ?2) "
                                 "ORDER BY redeemed_at DESC, id DESC LIMIT 2000";
  Stmt& s = db.cached(sql.c_str());
  const StmtReset reset_s(s);
  s.bind(1, month).bind(2, merchant);
  std::vector<StoredRedemption> out;
  while (s.step()) out.push_back(read_redemption(s));
  return out;
}

std::map<std::string, BatchIssued> issued_between(Db& db, UnixSeconds from, UnixSeconds to) {
  std::map<std::string, BatchIssued> out;
  Stmt& claims = db.cached(
      "SELECT batch_id, count(*) FROM coupon_claims WHERE claimed_at >= ?1 AND claimed_at < ?2 GROUP BY batch_id");
  const StmtReset reset_claims(claims);
  claims.bind(1, static_cast<std::int64_t>(from)).bind(2, static_cast<std::int64_t>(to));
  while (claims.step()) out[claims.column_text(0)].claims = claims.column_int64(1);
  Stmt& coupons = db.cached(
      "SELECT batch_id, count(*) FROM coupons WHERE claimed_at >= ?1 AND claimed_at < ?2 GROUP BY batch_id");
  const StmtReset reset_coupons(coupons);
  coupons.bind(1, static_cast<std::int64_t>(from)).bind(2, static_cast<std::int64_t>(to));
  while (coupons.step()) out[coupons.column_text(0)].coupons = coupons.column_int64(1);
  return out;
}

std::map<std::string, Fen> union_spent_by_campaign(Db& db) {
  std::map<std::string, Fen> out;
  Stmt& given = db.cached("SELECT campaign_id, sum(union_fen) FROM coupon_redemptions GROUP BY campaign_id");
  const StmtReset reset_given(given);
  while (given.step()) out[given.column_text(0)] += given.column_int64(1);
  Stmt& back = db.cached(
      "SELECT r.campaign_id, sum(f.union_reversed_fen) FROM coupon_refunds f JOIN coupon_redemptions r "
      "ON r.id = f.redemption_id GROUP BY r.campaign_id");
  const StmtReset reset_back(back);
  while (back.step()) out[back.column_text(0)] -= back.column_int64(1);
  return out;
}

}  // namespace hg::srv::coupon_repo
