#include "core/bookings/plan.h"

#include <algorithm>
#include <set>

#include "core/bookings/booking_errors.h"

namespace hg {

std::vector<Occupation> new_employment_occupations() {
  std::vector<Occupation> out;
  for (int i = 0; i <= static_cast<int>(Occupation::office); ++i) {
    const auto o = static_cast<Occupation>(i);
    if (is_new_employment(o)) out.push_back(o);
  }
  return out;
}

bool plan_admits(const Plan& plan, Occupation occupation) {
  return plan.eligible.empty() || std::find(plan.eligible.begin(), plan.eligible.end(), occupation) != plan.eligible.end();
}

const Package* find_package(const Plan& plan, const std::string& package_id) {
  for (const Package& p : plan.packages)
    if (p.id == package_id) return &p;
  return nullptr;
}

std::optional<Error> validate_plan(const Plan& plan) {
  if (plan.id.empty() || plan.yearly_quota < 0 || plan.allowance < 1 || plan.packages.empty())
    return booking_error(BookingErrc::invalid_plan);
  std::set<std::string> ids;
  for (const Package& p : plan.packages) {
    if (p.id.empty() || !ids.insert(p.id).second) return booking_error(BookingErrc::invalid_plan);
    if (p.value_fen < 0 || p.copay_fen < 0 || p.copay_fen > p.value_fen) return booking_error(BookingErrc::invalid_plan);
  }
  return std::nullopt;
}

}  // namespace hg
