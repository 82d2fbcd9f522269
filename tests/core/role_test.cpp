#include "core/models/role.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace hg {
namespace {

const Role kAll[] = {Role::member, Role::merchant_staff, Role::clinic_staff, Role::locker, Role::union_admin};

TEST(Role, EveryRoleHasADistinctKeyAndTitlesThatRoundTrip) {
  ASSERT_EQ(std::size(kAll), static_cast<size_t>(kRoleCount));
  std::set<std::string> keys, zh, en;
  for (Role r : kAll) {
    const RoleInfo& info = role_info(r);
    EXPECT_EQ(info.role, r);
    EXPECT_EQ(role_from_key(info.key), r) << info.key;
    keys.insert(info.key);
    zh.insert(info.zh);
    en.insert(info.en);
  }
  EXPECT_EQ(keys.size(), std::size(kAll));
  EXPECT_EQ(zh.size(), std::size(kAll));
  EXPECT_EQ(en.size(), std::size(kAll));
  EXPECT_STREQ(role_info(Role::union_admin).key, "union_admin");  // the word tokens and the store hold
}

TEST(Role, UnknownKeysAreNoRole) {
  for (const char* bad : {"", "admin", "Member", "member ", "union_admin\n"}) EXPECT_EQ(role_from_key(bad), std::nullopt) << bad;
}

}  // namespace
}  // namespace hg
