// Sign-in accounts. A member's account points at the members row (subject = member id);
// staff accounts point at what they act for (see Principal::subject).
#pragma once
#include <optional>
#include <string>

#include "core/cst_time.h"
#include "server/auth/principal.h"
#include "server/store/sqlite.h"

namespace hg::srv::account_repo {

struct Account {
  std::string id;
  std::string login;
  std::string password_hash;
  Role role = Role::member;
  std::string subject;
  std::string display_name;
};

// Throws DbError conflict when the login is taken.
void insert(Db& db, const Account& a, UnixSeconds now);
std::optional<Account> find_by_login(Db& db, const std::string& login);
std::optional<Account> find_by_id(Db& db, const std::string& id);
std::int64_t count(Db& db);

}  // namespace hg::srv::account_repo
