#include "server/auth/principal.h"

namespace hg::srv {

namespace {
constexpr struct {
  Role role;
  const char* name;
} kRoles[] = {
    {Role::member, "member"},
    {Role::merchant_staff, "merchant_staff"},
    {Role::clinic_staff, "clinic_staff"},
    {Role::locker, "locker"},
    {Role::union_admin, "union_admin"},
};
}  // namespace

const char* role_name(Role r) {
  for (const auto& e : kRoles)
    if (e.role == r) return e.name;
  return "?";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (const auto& e : kRoles)
    if (name == e.name) return e.role;
  return std::nullopt;
}

}  // namespace hg::srv
