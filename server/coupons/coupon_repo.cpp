// Coupon rows in the store (see coupon_repo.h): the catalogue, members as the claim rules
// read them, and what only the demo seed needs. Claims and coupons are in
// coupon_repo_claims.cpp, money in coupon_repo_money.cpp, lotteries in coupon_repo_lottery.cpp.
//
// Sections:
//   catalogue  merchants, campaigns and their merchants, batches (rules stored as JSON)
//   members    occupation, group, union and city
//   seed       the demo's claimers
#include "server/coupons/coupon_repo.h"

#include "core/json.h"
#include "core/models/brand.h"
#include "server/api_error.h"
#include "server/store/member_repo.h"

namespace hg::srv::coupon_repo {

// ---- catalogue ----

namespace {
constexpr const char* kBatchRulesJson = "batch";
}  // namespace

void insert_merchant(Db& db, const Merchant& m) {
  Stmt& s = db.cached("INSERT INTO coupon_merchants (id, name_zh, name_en) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
  s.bind(1, m.id).bind(2, m.name_zh).bind(3, m.name_en);
  s.run();
}

void insert_campaign(Db& db, const Campaign& c, Fen union_budget_fen, UnixSeconds now) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_campaigns (id, brand, title_zh, title_en, starts_at, ends_at, union_budget_fen, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  s.bind(1, c.id).bind(2, brand_info(c.brand).key).bind(3, c.title_zh).bind(4, c.title_en);
  s.bind(5, static_cast<std::int64_t>(c.starts_at)).bind(6, static_cast<std::int64_t>(c.ends_at));
  s.bind(7, static_cast<std::int64_t>(union_budget_fen)).bind(8, static_cast<std::int64_t>(now));
  s.run();
  for (size_t i = 0; i < c.merchants.size(); ++i) {
    insert_merchant(db, c.merchants[i]);
    Stmt& cm = db.cached("INSERT INTO coupon_campaign_merchants (campaign_id, merchant_id, position) VALUES (?1, ?2, ?3)");
    cm.bind(1, c.id).bind(2, c.merchants[i].id).bind(3, static_cast<std::int64_t>(i));
    cm.run();
  }
}

void insert_batch(Db& db, const Batch& b, UnixSeconds now) {
  Stmt& s = db.cached(
      "INSERT INTO coupon_batches (id, campaign_id, rules, per_member, by_lottery, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  s.bind(1, b.id).bind(2, b.campaign_id).bind(3, to_json(kBatchRulesJson, b));
  s.bind(4, static_cast<std::int64_t>(b.limit.per_member)).bind(5, b.by_lottery).bind(6, static_cast<std::int64_t>(now));
  s.run();
}

std::optional<StoredCampaign> find_campaign(Db& db, const std::string& id) {
  Stmt& s = db.cached(
      "SELECT brand, title_zh, title_en, starts_at, ends_at, union_budget_fen FROM coupon_campaigns WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  std::string brand;
  StoredCampaign e;
  s.columns(0, brand, e.campaign.title_zh, e.campaign.title_en, e.campaign.starts_at, e.campaign.ends_at,
            e.union_budget_fen);
  s.reset();
  Campaign& c = e.campaign;
  c.id = id;
  const BrandInfo* b = brand_from_key(brand.c_str());
  c.brand = b ? b->brand : Brand::gift;
  Stmt& m = db.cached(
      "SELECT m.id, m.name_zh, m.name_en FROM coupon_campaign_merchants cm JOIN coupon_merchants m ON m.id = "
      "cm.merchant_id WHERE cm.campaign_id = ?1 ORDER BY cm.position");
  const StmtReset reset_m(m);
  m.bind(1, id);
  while (m.step()) c.merchants.push_back({m.column_text(0), m.column_text(1), m.column_text(2)});
  return e;
}

bool campaign_exists(Db& db, const std::string& id) {
  Stmt& s = db.cached("SELECT 1 FROM coupon_campaigns WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, id);
  return s.step();
}

std::optional<Batch> find_batch(Db& db, const std::string& id) {
  Stmt& s = db.cached("SELECT rules FROM coupon_batches WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  Result<Batch> b = from_json<Batch>(s.column_text(0), kBatchRulesJson, 1 << 20);
  if (!b) fail(Errc::internal, "券批次数据有误", "A stored coupon batch is malformed: " + id);
  return std::move(b.value());
}

std::vector<std::string> campaign_ids(Db& db) {
  std::vector<std::string> out;
  Stmt& s = db.cached("SELECT id FROM coupon_campaigns ORDER BY created_at, id");
  const StmtReset reset_s(s);
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

std::vector<std::string> batch_ids(Db& db, const std::string& campaign_id) {
  std::vector<std::string> out;
  Stmt& s = db.cached("SELECT id FROM coupon_batches WHERE campaign_id = ?1 ORDER BY created_at, id");
  const StmtReset reset_s(s);
  s.bind(1, campaign_id);
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

std::vector<Merchant> merchants(Db& db) {
  std::vector<Merchant> out;
  Stmt& s = db.cached("SELECT id, name_zh, name_en FROM coupon_merchants ORDER BY id");
  const StmtReset reset_s(s);
  while (s.step()) out.push_back({s.column_text(0), s.column_text(1), s.column_text(2)});
  return out;
}

// ---- members ----

std::optional<Member> find_member(Db& db, const std::string& member_id) {
  Stmt& s = db.cached("SELECT occupation, member_group, union_name, city FROM members WHERE id = ?1");
  const StmtReset reset_s(s);
  s.bind(1, member_id);
  if (!s.step()) return std::nullopt;
  Member m;
  m.id = member_id;
  // An unknown word keeps the model's default.
  if (auto o = member_repo::occupation_from_key(s.column_text(0))) m.occupation = *o;
  if (auto g = member_repo::group_from_key(s.column_text(1))) m.group = *g;
  m.union_name = s.column_text(2);
  m.city = s.column_text(3);
  return m;
}

// ---- seed ----

std::vector<std::string> seed_member_ids(Db& db, int limit) {
  std::vector<std::string> out;
  Stmt s = db.prepare("SELECT id FROM members ORDER BY joined_at, id LIMIT ?1");
  s.bind(1, limit);
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

}  // namespace hg::srv::coupon_repo
