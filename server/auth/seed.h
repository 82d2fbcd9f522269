// Demo sign-ins (--demo). Every demo account shares one published password, so its
// Argon2id hash is computed once (~0.1 s) rather than once per account.
//
//   admin                  union admin (福建省总工会)     password huigong123
//   m001 … m200            the demo members in join order  password huigong123
// Other areas add their staff accounts (merchants, clinics, lockers) with add_demo_account.
#pragma once
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/models/member.h"
#include "server/auth/principal.h"
#include "server/store/sqlite.h"

namespace hg::srv {

constexpr const char* kDemoPassword = "huigong123";

void seed_accounts(Db& db, const std::vector<Member>& members, UnixSeconds now);
// For other areas' seeds: a staff account with the demo password.
void add_demo_account(Db& db, const std::string& login, Role role, const std::string& subject,
                      const std::string& display_name, UnixSeconds now);
// The member account login for the i-th demo member (0-based): "m001".
std::string demo_member_login(int index);

}  // namespace hg::srv
