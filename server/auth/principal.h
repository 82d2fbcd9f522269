// Who is calling: the account a valid session token names, and the role it acts in.
// Every endpoint that is not public asks for one with require_role() (server/auth/require.h).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/cst_time.h"

namespace hg::srv {

enum class Role { member, merchant_staff, clinic_staff, locker, union_admin };

const char* role_name(Role r);  // "member", "merchant_staff", … (wire and store names)
std::optional<Role> role_from_name(std::string_view name);

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
