// The SQLite store: migrations, constraints, transactions and --demo seeding, on real files.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "core/json.h"
#include "data/demo_data.h"
#include "server/api_error.h"
#include "server/server.h"
#include "server/store/demo_seed.h"
#include "server/store/idempotency.h"
#include "server/store/member_repo.h"
#include "server/store/migrations.h"
#include "server/store/notice_repo.h"
#include "server/store/store.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

using srv::Db;
using srv::DbError;
using srv::Store;

constexpr UnixSeconds kNow = 1795900000;

std::unique_ptr<Store> open_store(const std::string& path) { return Store::open({path, 2, 5000}, kNow); }

TEST(Store, ConnectionsUseWalForeignKeysAndFullSync) {
  TempDir dir;
  Db db = Db::open(dir.file("a.db"));
  EXPECT_EQ(db.journal_mode(), "wal");
  EXPECT_EQ(db.query_int64("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(db.query_int64("PRAGMA synchronous"), 2);  // FULL
  EXPECT_EQ(db.query_int64("PRAGMA busy_timeout"), 5000);
}

TEST(Store, MigrationsAreAppliedOnceAndRecorded) {
  TempDir dir;
  const std::string path = dir.file("m.db");
  int first_version;
  {
    auto store = open_store(path);
    first_version = store->schema_version();
    EXPECT_EQ(first_version, srv::latest_schema_version());
  }
  auto again = open_store(path);
  EXPECT_EQ(again->schema_version(), first_version);
  again->read([&](Db& db) {
    EXPECT_EQ(db.query_int64("SELECT count(*) FROM schema_migrations"),
              static_cast<std::int64_t>(srv::all_migrations().size()));
    srv::Stmt s = db.prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
    for (const srv::Migration& m : srv::all_migrations()) {
      ASSERT_TRUE(s.step());
      EXPECT_EQ(s.column_int(0), m.version);
      EXPECT_EQ(s.column_text(1), m.name);
      EXPECT_EQ(s.column_int64(2), kNow);
    }
    for (const char* table : {"meta", "members", "notices"}) {
      srv::Stmt t = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
      t.bind(1, table);
      ASSERT_TRUE(t.step());
      EXPECT_EQ(t.column_int(0), 1) << table;
    }
  });
}

TEST(Store, MigrationNumbersRunOneTwoThreeWithoutGaps) {
  int expected = 1;
  for (const srv::Migration& m : srv::all_migrations()) {
    EXPECT_EQ(m.version, expected++);
    EXPECT_NE(std::string(m.name), "");
  }
}

TEST(Store, ANewerSchemaIsRefused) {
  TempDir dir;
  const std::string path = dir.file("future.db");
  const int future = srv::latest_schema_version() + 1;
  {
    auto store = open_store(path);
    store->write([&](Db& db) {
      srv::Stmt s = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, 'from the future', 0)");
      s.bind(1, future).run();
    });
  }
  try {
    open_store(path);
    FAIL() << "a database at schema " << future << " was opened";
  } catch (const DbError& e) {
    EXPECT_NE(e.error().en.find(std::to_string(future)), std::string::npos) << e.error().en;
    EXPECT_NE(e.error().en.find("newer"), std::string::npos) << e.error().en;
    EXPECT_NE(e.error().zh.find(std::to_string(future)), std::string::npos) << e.error().zh;
  }
  // The whole server refuses to start on it, too.
  EXPECT_THROW({ srv::Server s(test_config(path, "", false)); }, srv::StartupError);
}

TEST(Store, AFailingMigrationLeavesTheEarlierVersion) {
  TempDir dir;
  Db db = Db::open(dir.file("broken.db"));
  const std::vector<srv::Migration> migrations = {
      {1, "one", "CREATE TABLE one (x INTEGER);"},
      {2, "two", "CREATE TABLE two_a (x INTEGER); CREATE TABLE two_b (x NOT A VALID ("},
  };
  EXPECT_THROW(srv::migrate(db, migrations, kNow), DbError);
  EXPECT_EQ(srv::current_schema_version(db), 1);
  EXPECT_EQ(db.query_int64("SELECT count(*) FROM sqlite_schema WHERE name = 'two_a'"), 0)
      << "migration 2 was rolled back as a whole";
  // Fixed, it applies on the next start.
  const std::vector<srv::Migration> fixed = {migrations[0], {2, "two", "CREATE TABLE two_a (x INTEGER);"}};
  EXPECT_EQ(srv::migrate(db, fixed, kNow), 2);
  EXPECT_EQ(srv::migrate(db, fixed, kNow), 2);
}

// Migration 7 moves remembered answers to an appended table: an answer stored before the
// upgrade still answers a retry after it, and a second answer with the same key is refused.
TEST(Store, RememberedAnswersSurviveTheMoveToTheAppendedTable) {
  TempDir dir;
  Db db = Db::open(dir.file("upgrade.db"));
  const std::vector<srv::Migration>& all = srv::all_migrations();
  const std::vector<srv::Migration> before(all.begin(), all.begin() + 6);
  ASSERT_EQ(before.back().version, 6);
  ASSERT_EQ(srv::migrate(db, before, kNow), 6);
  db.exec("INSERT INTO idempotency (scope, key, request_hash, status, body, created_at) "
          "VALUES ('acc-1', 'key-before-7', 'hash-1', 200, '{\"ok\":1}', 1)");
  ASSERT_EQ(srv::migrate(db, all, kNow), srv::latest_schema_version());
  const srv::IdempotentRequest same{"key-before-7", "hash-1"}, other{"key-before-7", "hash-2"};
  const std::optional<srv::Response> replay = srv::stored_answer(db, same, "acc-1");
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 200);
  EXPECT_EQ(replay->body_view(), "{\"ok\":1}");
  EXPECT_THROW(srv::stored_answer(db, other, "acc-1"), srv::ApiError);
  EXPECT_FALSE(srv::stored_answer(db, same, "acc-2"));
  EXPECT_THROW(db.exec("INSERT INTO idempotency (scope, key, request_hash, status, body, created_at) "
                       "VALUES ('acc-1', 'key-before-7', 'h', 200, '{}', 2)"),
               DbError);
}

TEST(Store, ConstraintsKeepBadRowsOut) {
  TempDir dir;
  auto store = open_store(dir.file("c.db"));
  Member m = demo::make_members(7, 1, kNow).front();
  store->write([&](Db& db) { srv::member_repo::insert(db, m); });

  Member unmasked = m;
  unmasked.id = "0000000000002";
  unmasked.phone_masked = "13812345678";  // the full number must never be stored
  try {
    store->write([&](Db& db) { srv::member_repo::insert(db, unmasked); });
    FAIL() << "an unmasked phone number was stored";
  } catch (const DbError& e) {
    EXPECT_EQ(e.error().code, Errc::conflict);
    EXPECT_FALSE(e.error().zh.empty());
  }
  EXPECT_THROW(store->write([&](Db& db) { srv::member_repo::insert(db, m); }), DbError) << "duplicate id";
  EXPECT_THROW(store->write([&](Db& db) {
                 db.exec("UPDATE members SET occupation = 'astronaut'");
               }),
               DbError);
  EXPECT_THROW(store->write([&](Db& db) {
                 db.exec("INSERT INTO notices (id, brand, title_zh, title_en, body_zh, body_en, published_at, pinned, "
                         "created_at) VALUES ('n1', 'casino', 't', 't', '', '', 0, 0, 0)");
               }),
               DbError);
  EXPECT_THROW(store->write([&](Db& db) {
                 db.exec("INSERT INTO notices (id, brand, title_zh, title_en, body_zh, body_en, published_at, pinned, "
                         "created_at) VALUES ('n2', 'gift', 't', 't', '', '', 'yesterday', 0, 0)");
               }),
               DbError)
      << "STRICT tables refuse text in an INTEGER column";
  store->read([&](Db& db) {
    EXPECT_EQ(srv::member_repo::count(db), 1);
    EXPECT_EQ(srv::notice_repo::count(db), 0);
    const auto back = srv::member_repo::find(db, m.id);
    EXPECT_TRUE(back.has_value());
    if (back) {
      EXPECT_EQ(back->occupation, m.occupation);
      EXPECT_EQ(back->name, m.name);
    }
  });
}

TEST(Store, AWriteThatThrowsLeavesNothingBehind) {
  TempDir dir;
  auto store = open_store(dir.file("t.db"));
  const std::vector<Notice> notices = demo::make_notices(1, kNow);
  EXPECT_THROW(store->write([&](Db& db) {
                 srv::notice_repo::insert(db, notices[0], kNow);
                 srv::notice_repo::insert(db, notices[1], kNow);
                 throw std::runtime_error("the member's request turned out to be invalid");
               }),
               std::runtime_error);
  EXPECT_EQ(store->read([](Db& db) { return srv::notice_repo::count(db); }), 0);
  {
    auto lease = store->lease();
    srv::Transaction txn(lease.db());
    srv::notice_repo::insert(lease.db(), notices[0], kNow);
  }  // no commit: rolled back
  EXPECT_EQ(store->read([](Db& db) { return srv::notice_repo::count(db); }), 0);
}

TEST(Store, StatementsBindAndReadValues) {
  TempDir dir;
  Db db = Db::open(dir.file("s.db"));
  db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT)");
  srv::Stmt ins = db.prepare("INSERT INTO t VALUES (?1, ?2, ?3)");
  ins.bind(1, std::int64_t{1} << 40).bind(2, 2.5).bind(3, std::string_view("惠工"));
  ins.run();
  ins.reset();
  ins.bind_null(1).bind(2, 0.0).bind(3, std::string_view(""));
  ins.run();
  srv::Stmt q = db.prepare("SELECT i, r, s FROM t ORDER BY rowid");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.column_int64(0), std::int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(q.column_double(1), 2.5);
  EXPECT_EQ(q.column_text(2), "惠工");
  ASSERT_TRUE(q.step());
  EXPECT_TRUE(q.column_is_null(0));
  EXPECT_FALSE(q.column_is_null(2)) << "an empty string is not NULL";
  EXPECT_FALSE(q.step());
  EXPECT_THROW(db.prepare("SELECT * FROM no_such_table"), DbError);
  EXPECT_THROW(db.prepare("SELECT 1; DROP TABLE t"), DbError) << "one statement at a time";
}

TEST(Store, OpeningSomethingThatIsNotADatabaseFailsClearly) {
  TempDir dir;
  write_file(dir.file("notes.txt"), std::string(4096, 'x'));
  try {
    open_store(dir.file("notes.txt"));
    FAIL();
  } catch (const DbError& e) {
    EXPECT_EQ(e.error().code, Errc::unavailable);
  }
  EXPECT_THROW(open_store(dir.file("no/such/dir/x.db")), DbError);
}

TEST(DemoSeed, SeedsAnEmptyDatabaseOnceWithTheGeneratorsData) {
  TempDir dir;
  auto store = open_store(dir.file("demo.db"));
  const auto first = store->read([](Db& db) { return srv::seed_demo(db, demo::kDefaultSeed, kNow); });
  EXPECT_TRUE(first.seeded);
  EXPECT_EQ(first.members, demo::kDefaultMemberCount);
  const demo::DemoData want = demo::make_demo_data(kNow, demo::kDefaultSeed);
  // The generator's notices and the coupon seed's announcements of its batches.
  EXPECT_GT(first.notices, static_cast<int>(want.notices.size()));

  const auto second = store->read([](Db& db) { return srv::seed_demo(db, demo::kDefaultSeed, kNow + 60); });
  EXPECT_FALSE(second.seeded);
  store->read([&](Db& db) {
    EXPECT_EQ(srv::member_repo::count(db), demo::kDefaultMemberCount);
    EXPECT_EQ(srv::notice_repo::count(db), first.notices);
    // What was stored is exactly what the generator made.
    const std::vector<Member> stored = srv::member_repo::list(db, 1000);
    EXPECT_EQ(to_json("m", stored), to_json("m", want.members));
  });
}

TEST(DemoSeed, LeavesADatabaseWithDataAlone) {
  TempDir dir;
  auto store = open_store(dir.file("real.db"));
  store->write([](Db& db) { srv::notice_repo::insert(db, demo::make_notices(3, kNow).front(), kNow); });
  const auto r = store->read([](Db& db) { return srv::seed_demo(db, demo::kDefaultSeed, kNow); });
  EXPECT_FALSE(r.seeded);
  store->read([](Db& db) {
    EXPECT_EQ(srv::member_repo::count(db), 0);
    EXPECT_EQ(srv::notice_repo::count(db), 1);
  });
}

TEST(DemoSeed, RestartingWithDemoAddsNothing) {
  TempDir dir;
  const std::string db = dir.file("twice.db");
  std::string first_body;
  {
    srv::Server s(test_config(db, "", true));
    s.start();
    first_body = http_get(s.port(), "/api/v1/notices").body;
    s.stop();
  }
  srv::Server s(test_config(db, "", true));
  s.start();
  EXPECT_EQ(http_get(s.port(), "/api/v1/notices").body, first_body);
  EXPECT_EQ(s.store().read([](Db& d) { return srv::member_repo::count(d); }), demo::kDefaultMemberCount);
  s.stop();
}

}  // namespace
}  // namespace hg::test
