// The demo data generator: deterministic, realistic, and valid for the store; the seeded
// demo as a whole: one Fujian union whose notices state the terms of the batches they name.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/coupons/batch.h"
#include "core/ids.h"
#include "core/json.h"
#include "data/demo_data.h"
#include "server/coupons/coupon_repo.h"
#include "server/store/demo_seed.h"
#include "server/store/migrations.h"
#include "server/store/notice_repo.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

TEST(DemoData, SameSeedSameDataDifferentSeedDifferentData) {
  const demo::DemoData a = demo::make_demo_data(kTestNow, 42), b = demo::make_demo_data(kTestNow, 42), c = demo::make_demo_data(kTestNow, 43);
  EXPECT_EQ(to_json("m", a.members), to_json("m", b.members));
  EXPECT_EQ(to_json("n", a.notices), to_json("n", b.notices));
  EXPECT_NE(to_json("m", a.members), to_json("m", c.members));
  EXPECT_NE(to_json("n", a.notices), to_json("n", c.notices));
}

TEST(DemoData, MembersLookLikeFujianUnionMembers) {
  const std::vector<Member> members = demo::make_members(demo::kDefaultSeed, demo::kDefaultMemberCount, kTestNow);
  ASSERT_EQ(members.size(), 200u);
  const std::set<std::string> cities = {"福州市", "厦门市", "泉州市", "漳州市"};
  std::set<std::string> ids, seen_cities, names;
  std::map<Occupation, int> occupations;
  UnixSeconds previous_join = 0;
  for (const Member& m : members) {
    EXPECT_TRUE(ids.insert(m.id).second) << "duplicate id " << m.id;
    EXPECT_TRUE(id_from_string(m.id).has_value()) << m.id;
    // Two to three CJK characters, three UTF-8 bytes each.
    EXPECT_GE(m.name.size(), 6u) << m.name;
    EXPECT_LE(m.name.size(), 9u) << m.name;
    names.insert(m.name);
    ASSERT_EQ(m.phone_masked.size(), 11u) << m.phone_masked;
    EXPECT_EQ(m.phone_masked[0], '1');
    EXPECT_EQ(m.phone_masked.substr(3, 4), "****") << "the middle digits are masked";
    EXPECT_TRUE(cities.count(m.city)) << m.city;
    seen_cities.insert(m.city);
    EXPECT_NE(m.union_name.find("总工会"), std::string::npos) << m.union_name;
    ++occupations[m.occupation];
    if (is_new_employment(m.occupation) && m.group != MemberGroup::model_worker) {
      EXPECT_EQ(m.group, MemberGroup::new_employment) << m.name;
    }
    EXPECT_GE(m.joined_at, previous_join) << "oldest member first";
    EXPECT_LT(m.joined_at, kTestNow);
    previous_join = m.joined_at;
  }
  EXPECT_EQ(seen_cities, cities);
  EXPECT_GT(names.size(), 150u) << "names vary";
  for (Occupation o : {Occupation::delivery_rider, Occupation::ride_hailing_driver, Occupation::courier,
                       Occupation::port_worker, Occupation::factory_worker})
    EXPECT_GE(occupations[o], 5) << occupation_en(o);
  EXPECT_GT(occupations[Occupation::delivery_rider] + occupations[Occupation::courier] +
                occupations[Occupation::ride_hailing_driver],
            100)
      << "most members in the demo are gig workers";
  // Ids sort the way members joined.
  for (size_t i = 1; i < members.size(); ++i) EXPECT_LT(members[i - 1].id, members[i].id);
}

// A database seeded with the whole demo at `now`, as `--demo` seeds one.
struct SeededDemo {
  TempDir dir;
  srv::Db db;
  explicit SeededDemo(UnixSeconds now) : db(srv::Db::open(dir.file("demo.db"))) {
    srv::migrate(db, srv::all_migrations(), now);
    EXPECT_TRUE(srv::seed_demo(db, demo::kDefaultSeed, now).seeded);
  }
  std::vector<Notice> notices() { return srv::notice_repo::feed(db, 1000); }
  std::vector<Batch> batches() {
    std::vector<Batch> out;
    for (const std::string& c : srv::coupon_repo::campaign_ids(db))
      for (const std::string& b : srv::coupon_repo::batch_ids(db, c)) out.push_back(*srv::coupon_repo::find_batch(db, b));
    return out;
  }
};

std::string month_day(UnixSeconds t) {
  const CivilDate d = to_cst(t).date;
  return std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

// Seeded at any instant, the data lies before it and speaks of its month: just after
// midnight on New Year's Day and on a leap day.
TEST(DemoData, EverythingLiesBeforeTheSeedingInstantAndNamesItsMonth) {
  struct Case {
    UnixSeconds now;
    const char* zh;
    const char* en;
  };
  for (const Case& c : {Case{from_cst({{2027, 1, 1}, 0, 0, 30}), "1月惠工券开抢", "January union coupons"},
                        Case{from_cst({{2028, 2, 29}, 23, 59, 50}), "2月惠工券开抢", "February union coupons"}}) {
    const demo::DemoData d = demo::make_demo_data(c.now);
    for (const Member& m : d.members) EXPECT_LT(m.joined_at, period_start(Period::Day, c.now)) << format_cst(c.now);
    SeededDemo seeded(c.now);
    const std::vector<Notice> notices = seeded.notices();
    for (const Notice& n : notices) EXPECT_LT(n.published_at, c.now) << format_cst(c.now);
    const auto rush = std::find_if(notices.begin(), notices.end(), [](const Notice& n) { return n.pinned && n.brand == Brand::ride; });
    ASSERT_NE(rush, notices.end());
    EXPECT_EQ(rush->title_zh.rfind(c.zh, 0), 0u) << rush->title_zh;
    EXPECT_EQ(rush->title_en.rfind(c.en, 0), 0u) << rush->title_en;
  }
}

TEST(DemoData, NoticesCoverEveryBrandInBothLanguages) {
  SeededDemo seeded(kTestNow);
  const std::vector<Notice> notices = seeded.notices();
  EXPECT_GE(notices.size(), 8u);
  std::set<Brand> brands;
  std::set<std::string> ids;
  int pinned = 0;
  for (const Notice& n : notices) {
    brands.insert(n.brand);
    EXPECT_TRUE(ids.insert(n.id).second);
    EXPECT_FALSE(n.title_zh.empty());
    EXPECT_FALSE(n.title_en.empty());
    EXPECT_FALSE(n.body_zh.empty());
    EXPECT_FALSE(n.body_en.empty());
    EXPECT_LE(n.published_at, kTestNow);
    pinned += n.pinned;
  }
  EXPECT_EQ(brands.size(), static_cast<size_t>(kBrandCount));
  EXPECT_GE(pinned, 1);
  EXPECT_LT(pinned, static_cast<int>(notices.size()));
}

// A notice that names a batch states the batch's own opening, per-member limit, stock and
// validity; the expected words are worked out here from the stored batch.
TEST(DemoData, ANoticeNamingABatchStatesItsRealTerms) {
  for (UnixSeconds now : {kTestNow, from_cst({{2027, 1, 1}, 0, 0, 30}), from_cst({{2028, 2, 29}, 23, 59, 50})}) {
    SeededDemo seeded(now);
    const std::vector<Notice> notices = seeded.notices();
    std::set<std::string> announced;
    for (const Batch& b : seeded.batches()) {
      for (const Notice& n : notices) {
        if (n.title_zh.find(b.title_zh) == std::string::npos) continue;
        announced.insert(b.id);
        SCOPED_TRACE(b.id + " " + format_cst(now) + ": " + n.title_zh + " / " + n.body_zh + " / " + n.body_en);
        // Opening.
        if (b.window.kind == WindowKind::monthly) {
          char at[16];
          std::snprintf(at, sizeof at, "%02d:%02d", b.window.open_second / 3600, b.window.open_second / 60 % 60);
          EXPECT_NE(n.body_zh.find("每月" + std::to_string(b.window.open_day) + "日" + at), std::string::npos);
          EXPECT_NE(n.body_en.find(at), std::string::npos);
        } else {
          ASSERT_EQ(b.window.kind, WindowKind::fixed);
          EXPECT_NE(n.body_zh.find(month_day(b.window.opens_at) + "起" + (b.by_lottery ? "报名抽签" : "")), std::string::npos);
          EXPECT_NE(n.body_zh.find(month_day(b.window.closes_at - 1) + "截止"), std::string::npos);
        }
        // Per-member limit and stock.
        EXPECT_NE(n.body_zh.find("限领" + std::to_string(b.limit.per_member)), std::string::npos);
        const std::int64_t stock = b.stock.per_period;
        const std::string stock_zh = stock % 10000 == 0 ? std::to_string(stock / 10000) + "万" : std::to_string(stock);
        EXPECT_NE(n.title_zh.find(stock_zh), std::string::npos);
        // Validity.
        if (b.validity.kind == ValidityKind::days_after_claim) {
          EXPECT_NE(n.body_zh.find("领取后" + std::to_string(b.validity.days) + "天内有效"), std::string::npos);
          EXPECT_NE(n.body_en.find("valid for " + std::to_string(b.validity.days) + " days after claiming"), std::string::npos);
        } else {
          EXPECT_NE(n.body_zh.find(month_day(b.validity.valid_from) + "至" + month_day(b.validity.valid_until) + "有效"),
                    std::string::npos);
        }
        EXPECT_EQ(n.body_zh.find("当月有效"), std::string::npos);
      }
    }
    for (const char* id : {"b-fuel", "b-movie", "b-sport", "b-ride"}) EXPECT_TRUE(announced.count(id)) << id;
  }
}

// One union: no seeded text anywhere in the database names a place outside Fujian.
TEST(DemoData, EverySeededNameIsInTheFujianUnion) {
  SeededDemo seeded(kTestNow);
  srv::Stmt tables = seeded.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  int texts = 0;
  while (tables.step()) {
    const std::string table = tables.column_text(0);
    srv::Stmt rows = seeded.db.prepare("SELECT * FROM \"" + table + "\"");
    while (rows.step())
      for (int col = 0; col < rows.column_count(); ++col) {
        if (rows.column_is_null(col)) continue;
        const std::string text = rows.column_text(col);
        ++texts;
        for (const char* elsewhere : {"青岛", "崂山", "市南区", "Qingdao", "Laoshan"})
          EXPECT_EQ(text.find(elsewhere), std::string::npos) << table << ": " << text.substr(0, 200);
      }
  }
  EXPECT_GT(texts, 1000);
}

TEST(DemoData, NoticesWithoutABatchAreTheGeneratorsOwn) {
  const std::vector<Notice> notices = demo::make_notices(demo::kDefaultSeed, kTestNow);
  EXPECT_GE(notices.size(), 3u);
  for (const Notice& n : notices) {
    EXPECT_LE(n.published_at, kTestNow);
    EXPECT_EQ(n.title_zh.find("{M}"), std::string::npos);
  }
  const auto mall = std::find_if(notices.begin(), notices.end(), [](const Notice& n) { return n.brand == Brand::consume; });
  ASSERT_NE(mall, notices.end());
  EXPECT_NE(mall->title_zh.find("即将开放"), std::string::npos) << "the mall is not built yet";
}

}  // namespace
}  // namespace hg::test
