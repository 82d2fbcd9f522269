#include "core/coupons/eligibility.h"

#include <algorithm>

namespace hg {

namespace {
bool open_to_all(const Eligibility& e) {
  return e.groups.empty() || std::find(e.groups.begin(), e.groups.end(), MemberGroup::general) != e.groups.end();
}

const char* group_zh(MemberGroup g) {
  switch (g) {
    case MemberGroup::general: return "全体会员";
    case MemberGroup::new_employment: return "新就业形态劳动者";
    case MemberGroup::young: return "青年职工";
    case MemberGroup::model_worker: return "劳动模范";
  }
  return "";
}

const char* group_en(MemberGroup g) {
  switch (g) {
    case MemberGroup::general: return "all members";
    case MemberGroup::new_employment: return "new-employment-form workers";
    case MemberGroup::young: return "young workers";
    case MemberGroup::model_worker: return "model workers";
  }
  return "";
}

std::string join(const Eligibility& e, const char* (*name)(MemberGroup), const char* all, const char* sep) {
  if (open_to_all(e)) return all;
  std::string out;
  for (MemberGroup g : e.groups) {
    if (!out.empty()) out += sep;
    out += name(g);
  }
  return out;
}
}  // namespace

bool is_eligible(const Eligibility& e, const Member& m) {
  if (open_to_all(e)) return true;
  for (MemberGroup g : e.groups) {
    if (g == m.group) return true;
    if (g == MemberGroup::new_employment && is_new_employment(m.occupation)) return true;
  }
  return false;
}

std::string eligibility_zh(const Eligibility& e) { return join(e, group_zh, "全体会员", "、"); }
std::string eligibility_en(const Eligibility& e) { return join(e, group_en, "all members", ", "); }

}  // namespace hg
