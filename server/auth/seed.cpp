#include "server/auth/seed.h"

#include <cstdio>

#include "core/ids.h"
#include "server/auth/account_repo.h"
#include "server/auth/password.h"

namespace hg::srv {

namespace {
const std::string& demo_hash() {
  static const std::string hash = hash_password(kDemoPassword);
  return hash;
}

std::string account_id(const std::string& login) { return "acc-" + login; }
}  // namespace

std::string demo_member_login(int index) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "m%03d", index + 1);
  return buf;
}

void add_demo_account(Db& db, const std::string& login, Role role, const std::string& subject,
                      const std::string& display_name, UnixSeconds now) {
  account_repo::Account a;
  a.id = account_id(login);
  a.login = login;
  a.password_hash = demo_hash();
  a.role = role;
  a.subject = subject;
  a.display_name = display_name;
  account_repo::insert(db, a, now);
}

void seed_accounts(Db& db, const std::vector<Member>& members, UnixSeconds now) {
  add_demo_account(db, "admin", Role::union_admin, "福建省总工会", "工会管理员", now);
  for (size_t i = 0; i < members.size(); ++i)
    add_demo_account(db, demo_member_login(static_cast<int>(i)), Role::member, members[i].id, members[i].name, now);
}

}  // namespace hg::srv
