// The roles an account acts in. One table gives each its wire and store word, and its title
// in both languages; the server checks roles with it, the client shows and compares them.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace hg {

enum class Role : std::uint8_t { member, merchant_staff, clinic_staff, locker, union_admin };
constexpr int kRoleCount = 5;

struct RoleInfo {
  Role role;
  const char* key;  // "member", "merchant_staff", … on the wire and in the store
  const char* zh;   // 工会会员, 商户店员, …
  const char* en;
};

const RoleInfo& role_info(Role r);
std::optional<Role> role_from_key(std::string_view key);

}  // namespace hg
