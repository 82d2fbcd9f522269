// Who is calling: the account a valid session token names, and the role it acts in.
// Every endpoint that is not public asks for one with require_role() (server/auth/require.h).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/cst_time.h"
#include "core/models/role.h"

namespace hg::srv {

using hg::Role;

inline const char* role_name(Role r) { return role_info(r).key; }  // wire and store word
inline std::optional<Role> role_from_name(std::string_view name) { return role_from_key(name); }

struct Principal {
  std::string account_id;
  Role role = Role::member;
  // What the account acts for, by role: the member id (member), merchant id (merchant
  // staff), clinic id (clinic staff), locker station id (locker), union name (union admin).
  // Ownership checks compare against it: a merchant redeems only its own coupons.
  std::string subject;
  std::string display_name;
  UnixSeconds expires_at = 0;
};

}  // namespace hg::srv
