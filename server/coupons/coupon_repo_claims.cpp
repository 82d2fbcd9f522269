// Claims, stock and coupons in the store (see coupon_repo.h). The rush path runs through
// here: stock_remaining, member_claims, claim_by_key, take_one, insert_claim and
// insert_coupon, each one cached statement per connection.
//
// Sections:
//   claims   stock rows, a member's count, the claim row and its idempotency key
//   coupons  the coupon row: insert, read by claim / member / id / serial, status changes
#include "server/coupons/coupon_repo.h"

namespace hg::srv::coupon_repo {

namespace {

constexpr const char* kCouponColumns =
    "serial, id, claim_id, batch_id, campaign_id, member_id, item_index, stock_key, limit_key, claimed_at, "
    "valid_from, valid_until, status, redeemed_at";

// Reads kCouponColumns starting at column 0; the serial goes to *serial.
Coupon read_coupon(const Stmt& s, std::int64_t* serial) {
  Coupon c;
  std::int64_t row_serial = 0;
  std::string status;
  s.columns(0, row_serial, c.id, c.claim_id, c.batch_id, c.campaign_id, c.member_id, c.item_index, c.stock_key,
            c.limit_key, c.claimed_at, c.valid_from, c.valid_until, status, c.redeemed_at);
  if (serial) *serial = row_serial;
  c.status = status == "redeemed" ? CouponStatus::redeemed
             : status == "revoked" ? CouponStatus::revoked
                                   : CouponStatus::issued;
  return c;
}

NumberedCoupon read_numbered(const Stmt& s) {
  NumberedCoupon n;
  n.coupon = read_coupon(s, &n.serial);
  return n;
}

}  // namespace

// ---- claims ----

std::optional<std::int64_t> stock_remaining(Db& db, const std::string& batch_id, const std::string& period_key) {
  Stmt& s = db.cached("SELECT remaining FROM coupon_stock WHERE batch_id = ?1 AND period_key = ?2");
  const StmtReset reset_s(s);
  s.bind(1, batch_id).bind(2, period_key);
  std::optional<std::int64_t> r;
  if (s.step()) r = s.column_int64(0);
  return r;
}

void take_one(Db& db, const std::string& batch_id, const std::string& period_key, std::int64_t total, bool row_exists) {
  if (row_exists) {
    Stmt& s = db.cached("UPDATE coupon_stock SET remaining = remaining - 1 WHERE batch_id = ?1 AND period_key = ?2");
    s.bind(1, batch_id).bind(2, period_key);
    s.run();
  } else {
    Stmt& s = db.cached("INSERT INTO coupon_stock (batch_id, period_key, total, remaining) VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, batch_id).bind(2, period_key).bind(3, total).bind(4, total - 1);
    s.run();
  }
}

void take_stock(Db& db, const std::string& batch_id, const std::string& period_key, std::int64_t total, std::int64_t n) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_stock (batch_id, period_key, total, remaining) VALUES (?1, ?2, ?3, ?3 - ?4) "
      "ON CONFLICT (batch_id, period_key) DO UPDATE SET remaining = remaining - ?4");
  s.bind(1, batch_id).bind(2, period_key).bind(3, total).bind(4, n);
  s.run();
}

std::int64_t member_claims(Db& db, const std::string& batch_id, const std::string& member_id,
                           const std::string& limit_key) {
  Stmt& s = db.cached("SELECT count(*) FROM coupon_claims WHERE batch_id = ?1 AND member_id = ?2 AND limit_key = ?3");
  const StmtReset reset_s(s);
  s.bind(1, batch_id).bind(2, member_id).bind(3, limit_key);
  s.step();
  return s.column_int64(0);
}

void insert_claim(Db& db, const std::string& claim_id, const std::string& batch_id, const std::string& member_id,
                  const ClaimKeys& keys, std::int64_t seq, UnixSeconds at, const std::string& idem_key,
                  const std::string& idem_hash, std::int64_t answer_remaining) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_claims (id, batch_id, member_id, stock_key, limit_key, seq, claimed_at, idem_key, "
      "idem_hash, answer_remaining) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  s.bind(1, claim_id).bind(2, batch_id).bind(3, member_id).bind(4, keys.stock_key).bind(5, keys.limit_key);
  s.bind(6, seq).bind(7, static_cast<std::int64_t>(at));
  s.bind(8, idem_key).bind(9, idem_hash).bind(10, answer_remaining);
  s.run();
}

void insert_keyless_claim(Db& db, const std::string& claim_id, const std::string& batch_id, const std::string& member_id,
                          const ClaimKeys& keys, std::int64_t seq, UnixSeconds at, const char* via) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_claims (id, batch_id, member_id, stock_key, limit_key, seq, via, claimed_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  s.bind(1, claim_id).bind(2, batch_id).bind(3, member_id).bind(4, keys.stock_key).bind(5, keys.limit_key);
  s.bind(6, seq).bind(7, via).bind(8, static_cast<std::int64_t>(at));
  s.run();
}

std::optional<KeyedClaim> claim_by_key(Db& db, const std::string& member_id, const std::string& idem_key) {
  // Through the UNIQUE (member_id, …) index: a member has only a few claims.
  Stmt& s = db.cached("SELECT id, idem_hash, answer_remaining FROM coupon_claims WHERE member_id = ?1 AND idem_key = ?2");
  const StmtReset reset_s(s);
  s.bind(1, member_id).bind(2, idem_key);
  if (!s.step()) return std::nullopt;
  KeyedClaim k;
  s.columns(0, k.claim_id, k.idem_hash, k.answer_remaining);
  return k;
}

// ---- coupons ----

std::int64_t insert_coupon(Db& db, const Coupon& c) {
  Stmt& s = db.cached(
      "INSERT INTO coupons (id, claim_id, batch_id, campaign_id, member_id, item_index, stock_key, limit_key, "
      "claimed_at, valid_from, valid_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  s.bind(1, c.id).bind(2, c.claim_id).bind(3, c.batch_id).bind(4, c.campaign_id).bind(5, c.member_id);
  s.bind(6, c.item_index).bind(7, c.stock_key).bind(8, c.limit_key).bind(9, static_cast<std::int64_t>(c.claimed_at));
  s.bind(10, static_cast<std::int64_t>(c.valid_from)).bind(11, static_cast<std::int64_t>(c.valid_until));
  s.run();
  return db.last_insert_rowid();  // serial is the rowid
}

void claim_coupons(Db& db, const std::string& claim_id, std::vector<Coupon>& out) {
  static const std::string sql =
      std::string("SELECT ") + kCouponColumns + " FROM coupons WHERE claim_id = ?1 ORDER BY item_index";
  Stmt& s = db.cached(sql.c_str());
  const StmtReset reset_s(s);
  s.bind(1, claim_id);
  while (s.step()) out.push_back(read_coupon(s, nullptr));
}

std::vector<NumberedCoupon> member_coupons(Db& db, const std::string& member_id) {
  Stmt& s = db.cached(
      "SELECT c.serial, c.id, c.claim_id, c.batch_id, c.campaign_id, c.member_id, c.item_index, c.stock_key, "
      "c.limit_key, c.claimed_at, c.valid_from, c.valid_until, c.status, c.redeemed_at FROM coupon_claims k "
      "JOIN coupons c ON c.claim_id = k.id WHERE k.member_id = ?1 ORDER BY c.claimed_at DESC, c.serial DESC "
      "LIMIT 500");
  const StmtReset reset_s(s);
  s.bind(1, member_id);
  std::vector<NumberedCoupon> out;
  while (s.step()) out.push_back(read_numbered(s));
  return out;
}

std::optional<NumberedCoupon> find_coupon(Db& db, const std::string& id) {
  static const std::string sql = std::string("SELECT ") + kCouponColumns + " FROM coupons WHERE id = ?1";
  Stmt& s = db.cached(sql.c_str());
  const StmtReset reset_s(s);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_numbered(s);
}

std::optional<NumberedCoupon> coupon_by_serial(Db& db, std::int64_t serial) {
  static const std::string sql = std::string("SELECT ") + kCouponColumns + " FROM coupons WHERE serial = ?1";
  Stmt& s = db.cached(sql.c_str());
  const StmtReset reset_s(s);
  s.bind(1, serial);
  if (!s.step()) return std::nullopt;
  return read_numbered(s);
}

std::int64_t max_serial(Db& db) { return db.query_int64("SELECT max(serial) FROM coupons", 0); }

std::int32_t coupon_item(Db& db, const std::string& coupon_id) {
  return static_cast<std::int32_t>(db.cached_int64("SELECT item_index FROM coupons WHERE id = ?1", 0, coupon_id));
}

bool mark_redeemed(Db& db, std::int64_t serial, UnixSeconds at) {
  Stmt& s = db.cached("UPDATE coupons SET status = 'redeemed', redeemed_at = ?2 WHERE serial = ?1 AND status = 'issued'");
  s.bind(1, serial).bind(2, static_cast<std::int64_t>(at));
  s.run();
  return db.changes() == 1;
}

bool give_back(Db& db, const std::string& coupon_id, UnixSeconds now) {
  Stmt& s = db.cached(
      "UPDATE coupons SET status = 'issued', redeemed_at = 0 WHERE id = ?1 AND status = 'redeemed' "
      "AND valid_until >= ?2");
  s.bind(1, coupon_id).bind(2, static_cast<std::int64_t>(now));
  s.run();
  return db.changes() == 1;
}

}  // namespace hg::srv::coupon_repo
