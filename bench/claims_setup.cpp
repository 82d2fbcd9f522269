// `make bench-claims` helper: builds the rush database and checks it afterwards.
//
//   claims_setup init   DB MEMBERS STOCK TOKENS_OUT   fresh DB: one batch of STOCK coupons
//                                                    (open now, one per member), MEMBERS
//                                                    members, and a session token each
//   claims_setup verify DB STOCK ACKED_FILE          every acknowledged claim present?
//                                                    remaining + issued = STOCK? (see verify)
//
// Members are inserted directly and their tokens minted with the database's own session
// key (server/auth/token.h), exactly what /auth/login would hand out, without running
// Argon2 100,000 times.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "core/coupons/batch.h"
#include "server/auth/token.h"
#include "server/coupons/coupon_repo.h"
#include "server/store/member_repo.h"
#include "server/store/store.h"
#include "tests/core/coupons/fixtures.h"

using namespace hg;
using namespace hg::srv;

namespace {

UnixSeconds wall_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int init(const std::string& path, int members, std::int64_t stock, const std::string& tokens_out) {
  const UnixSeconds now = wall_now();
  std::unique_ptr<Store> store = Store::open({path, 1, 5000}, now);
  Campaign c;
  c.id = "bench-cp";
  c.brand = Brand::gift;
  c.title_zh = "压测活动";
  c.title_en = "Rush benchmark";
  c.merchants = {{"bench-m1", "压测商户", "Bench merchant"}};
  c.starts_at = now - 86400;
  c.ends_at = now + 30 * 86400;
  Batch b = test::one_item_batch("bench-rush", c.id, "满100减10", "10 off 100", threshold_rule(10000, 1000),
                                  fixed_split(Funder::merchant, 500), {"bench-m1"});
  b.stock.cycle = Cycle::once;
  b.stock.per_period = stock;
  b.window = fixed_window(now - 3600, now + 7 * 86400);
  b.limit.cycle = Cycle::once;
  b.limit.per_member = 1;
  b.validity.days = 7;
  if (auto e = validate(b, c)) {
    std::cerr << "bad batch: " << e->en << "\n";
    return 1;
  }
  std::ofstream out(tokens_out);
  store->write([&](Db& db) {
    coupon_repo::insert_campaign(db, c, 0, now);
    coupon_repo::insert_batch(db, b, now);
    const TokenKey key = load_or_create_token_key(db);
    for (int i = 0; i < members; ++i) {
      char id[16], phone[16];
      std::snprintf(id, sizeof id, "bm%06d", i);
      std::snprintf(phone, sizeof phone, "138****%04d", i % 10000);
      Member m;
      m.id = id;
      m.name = std::string("职工") + std::to_string(i);
      m.phone_masked = phone;
      m.union_name = "福州市总工会";
      m.city = "福州市";
      m.joined_at = now - 86400;
      member_repo::insert(db, m);
      Principal p;
      p.account_id = std::string("acc-") + id;
      p.role = Role::member;
      p.subject = id;
      p.display_name = m.name;
      p.expires_at = now + 86400;
      out << id << ' ' << sign_token(key, p) << '\n';
    }
  });
  std::cout << "setup: " << members << " members, batch bench-rush with " << stock << " coupons\n";
  return 0;
}

// Prints "VERIFY <acked> <lost> <duplicates> <issued> <coupons> <remaining> <oversold> <balanced>"
// and exits 1 on any violation: an acknowledged claim without its coupon (lost), a coupon
// acknowledged twice, more claims than stock, remaining + issued != STOCK, or a claim count
// that differs from the coupon count.
int verify(const std::string& path, std::int64_t stock, const std::string& acked_file) {
  Db db = Db::open(path);
  const std::int64_t issued = db.query_int64("SELECT count(*) FROM coupon_claims WHERE batch_id = 'bench-rush'");
  const std::int64_t coupons = db.query_int64("SELECT count(*) FROM coupons WHERE batch_id = 'bench-rush'");
  const std::int64_t remaining =
      db.query_int64("SELECT remaining FROM coupon_stock WHERE batch_id = 'bench-rush'", stock);
  std::int64_t acked = 0, lost = 0;
  std::set<std::string> seen;
  std::ifstream in(acked_file);
  std::string member, coupon;
  Stmt s = db.prepare("SELECT count(*) FROM coupons WHERE id = ?1 AND member_id = ?2 AND batch_id = 'bench-rush'");
  while (in >> member >> coupon) {
    ++acked;
    seen.insert(coupon);
    s.reset();
    s.bind(1, coupon).bind(2, member);
    s.step();
    if (s.column_int64(0) != 1) ++lost;
  }
  const std::int64_t duplicates = acked - static_cast<std::int64_t>(seen.size());
  const std::int64_t oversold = issued > stock ? issued - stock : 0;
  const bool balanced = remaining + issued == stock && coupons == issued;
  std::cout << "verify " << path.substr(path.find_last_of('/') + 1) << ": acknowledged " << acked << ", lost " << lost
            << ", acknowledged twice " << duplicates << ", issued " << issued << " (coupons " << coupons
            << "), remaining " << remaining << ", remaining+issued " << remaining + issued
            << (remaining + issued == stock ? " = " : " != ") << stock << ", oversold " << oversold << "\n";
  std::cout << "VERIFY " << acked << ' ' << lost << ' ' << duplicates << ' ' << issued << ' ' << coupons << ' '
            << remaining << ' ' << oversold << ' ' << (balanced ? 1 : 0) << "\n";
  return (lost == 0 && duplicates == 0 && oversold == 0 && balanced) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "init" && argc == 6) return init(argv[2], std::stoi(argv[3]), std::stoll(argv[4]), argv[5]);
    if (cmd == "verify" && argc == 5) return verify(argv[2], std::stoll(argv[3]), argv[4]);
  } catch (const std::exception& e) {
    std::cerr << "claims_setup: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: claims_setup init DB MEMBERS STOCK TOKENS_OUT | verify DB STOCK ACKED_FILE\n";
  return 2;
}
