#include "core/app_routes.h"

namespace hg {

namespace {

// Segment by segment: literal segments equal, "*" any non-empty segment without a '/'.
bool matches(std::string_view pattern, std::string_view path) {
  while (!pattern.empty() && !path.empty()) {
    if (pattern.front() != '/' || path.front() != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const std::string_view want = pattern.substr(0, pattern.find('/'));
    const std::string_view got = path.substr(0, path.find('/'));
    if (got.empty() || (want != "*" && want != got)) return false;
    pattern.remove_prefix(want.size());
    path.remove_prefix(got.size());
  }
  return pattern.empty() && path.empty();
}

}  // namespace

const AppRoute* find_app_route(std::string_view path) {
  for (const AppRoute& r : kAppRoutes)
    if (matches(r.pattern, path)) return &r;
  return nullptr;
}

}  // namespace hg
