// The demo data generator: deterministic, realistic, and valid for the store.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/ids.h"
#include "core/json.h"
#include "data/demo_data.h"
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
    for (const Notice& n : d.notices) EXPECT_LT(n.published_at, c.now) << format_cst(c.now);
    const Notice& rush = *std::find_if(d.notices.begin(), d.notices.end(),
                                       [](const Notice& n) { return n.pinned && n.brand == Brand::ride; });
    EXPECT_EQ(rush.title_zh.rfind(c.zh, 0), 0u) << rush.title_zh;
    EXPECT_EQ(rush.title_en.rfind(c.en, 0), 0u) << rush.title_en;
    EXPECT_EQ(rush.body_zh.find("{M}"), std::string::npos) << rush.body_zh;
  }
}

TEST(DemoData, NoticesCoverEveryBrandInBothLanguages) {
  const std::vector<Notice> notices = demo::make_notices(demo::kDefaultSeed, kTestNow);
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
  bool fuel = false;
  for (const Notice& n : notices) fuel = fuel || n.title_zh.find("加油满200减30") != std::string::npos;
  EXPECT_TRUE(fuel);
}

}  // namespace
}  // namespace hg::test
