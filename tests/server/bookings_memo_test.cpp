// Plans and resources are remembered inside a write transaction (server/bookings/booking_repo.cpp);
// these are the rules that keep a remembered row from ever being stale: an edit in the same
// transaction, a savepoint rolled back, a new transaction, reads outside any transaction.
#include <gtest/gtest.h>

#include "server/bookings/booking_repo.h"
#include "server/store/store.h"
#include "tests/server/test_support.h"

namespace hg::test::bookings {
namespace {

using srv::Db;
using srv::Transaction;
using srv::booking_repo::find_plan;
using srv::booking_repo::find_resource;
using srv::booking_repo::save_plan;

Plan plan_with_quota(std::int32_t quota) {
  Plan p;
  p.id = "MEMO-PLAN";
  p.name_zh = "记忆测试";
  p.name_en = "Memo test";
  p.yearly_quota = quota;
  p.packages = {Package{"PK", "套餐", "Package", 46500, 10000}};
  p.allowance = 1;
  return p;
}

TEST(BookingsMemo, RememberedPlansFollowEditsRollbacksAndOtherConnections) {
  TempDir dir;
  auto store = srv::Store::open({dir.file("memo.db"), 2, 5000}, 1795900000);
  store->write([](Db& db) { save_plan(db, plan_with_quota(100)); });
  store->write([](Db& db) {
    EXPECT_EQ(find_plan(db, "MEMO-PLAN")->yearly_quota, 100);
    save_plan(db, plan_with_quota(200));  // an edit in the same transaction is seen at once
    EXPECT_EQ(find_plan(db, "MEMO-PLAN")->yearly_quota, 200);
    db.exec("SAVEPOINT op");
    save_plan(db, plan_with_quota(300));
    EXPECT_EQ(find_plan(db, "MEMO-PLAN")->yearly_quota, 300);
    db.exec("ROLLBACK TO op");
    db.forget_rows();  // as GroupCommit does after rolling an operation back
    db.exec("RELEASE op");
    EXPECT_EQ(find_plan(db, "MEMO-PLAN")->yearly_quota, 200);
    EXPECT_FALSE(find_plan(db, "NO-SUCH-PLAN"));
    EXPECT_FALSE(find_resource(db, "NO-SUCH-CLINIC"));
  });
  // Another connection changes the plan; this thread's next transaction reads it afresh.
  Db other = Db::open(dir.file("memo.db"));
  {
    Transaction t(other, Transaction::Kind::immediate);
    save_plan(other, plan_with_quota(400));
    t.commit();
  }
  store->write([](Db& db) { EXPECT_EQ(find_plan(db, "MEMO-PLAN")->yearly_quota, 400); });
  // Outside a transaction nothing is remembered.
  store->read([](Db& db) {
    EXPECT_EQ(find_plan(db, "MEMO-PLAN")->yearly_quota, 400);
    return 0;
  });
}

}  // namespace
}  // namespace hg::test::bookings
