#include "core/models/role.h"

namespace hg {

namespace {
constexpr RoleInfo kRoles[kRoleCount] = {
    {Role::member, "member", "工会会员", "Union member"},
    {Role::merchant_staff, "merchant_staff", "商户店员", "Merchant staff"},
    {Role::clinic_staff, "clinic_staff", "体检机构", "Clinic staff"},
    {Role::locker, "locker", "智能柜", "Smart locker"},
    {Role::union_admin, "union_admin", "工会管理员", "Union admin"},
};
}  // namespace

const RoleInfo& role_info(Role r) { return kRoles[static_cast<int>(r) % kRoleCount]; }

std::optional<Role> role_from_key(std::string_view key) {
  for (const RoleInfo& r : kRoles)
    if (key == r.key) return r.role;
  return std::nullopt;
}

}  // namespace hg
