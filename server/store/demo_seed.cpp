#include "server/store/demo_seed.h"

#include <string>

#include "data/demo_data.h"
#include "server/auth/seed.h"
#include "server/bookings/seed.h"
#include "server/coupons/seed.h"
#include "server/stations/seed.h"
#include "server/store/member_repo.h"
#include "server/store/notice_repo.h"

namespace hg::srv {

SeedResult seed_demo(Db& db, std::uint64_t seed, UnixSeconds now) {
  SeedResult result;
  // IMMEDIATE: two servers started with --demo at once cannot both see an empty database.
  Transaction txn(db, Transaction::Kind::immediate);
  const bool seeded_before = db.query_int64("SELECT count(*) FROM meta WHERE key = 'demo_seed'") > 0;
  if (seeded_before || member_repo::count(db) > 0 || notice_repo::count(db) > 0) return result;

  const demo::DemoData data = demo::make_demo_data(now, seed);
  for (const Member& m : data.members) member_repo::insert(db, m);
  for (const Notice& n : data.notices) notice_repo::insert(db, n, now);
  seed_accounts(db, data.members, now);
  seed_stations(db, seed, now);
  seed_coupons(db, seed, now);
  seed_bookings(db, seed, now);
  Stmt meta = db.prepare("INSERT INTO meta (key, value) VALUES ('demo_seed', ?1), ('demo_seeded_at', ?2)");
  meta.bind(1, std::to_string(seed)).bind(2, format_cst(now) + " CST");
  meta.run();
  txn.commit();
  result.seeded = true;
  result.members = static_cast<int>(data.members.size());
  result.notices = static_cast<int>(notice_repo::count(db));
  return result;
}

}  // namespace hg::srv
