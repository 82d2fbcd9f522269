#include "server/router.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace hg::srv {

namespace {
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Segments match when equal, or when the pattern's is a parameter and the path's is non-empty.
bool path_matches(const Route& r, const std::vector<std::string_view>& segments) {
  if (r.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (is_param(r.segments[i]) ? segments[i].empty() : r.segments[i] != segments[i]) return false;
  }
  return true;
}
}  // namespace

void Router::add(std::string method, std::string pattern, Run run, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with '/': " + pattern);
  Route r;
  for (std::string_view s : split_path(pattern)) r.segments.emplace_back(s);
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.run = run;
  r.handler = std::move(handler);
  routes_.push_back(std::move(r));
}

void Router::add_write(std::string method, std::string pattern, WritePrepare prepare) {
  add(std::move(method), std::move(pattern), Run::group_commit, nullptr);
  routes_.back().prepare = std::move(prepare);
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  const std::vector<std::string_view> segments = split_path(path);
  const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  // Among routes for this method, the one with the fewest parameters wins, so a literal
  // "/coupons/mine" beats "/coupons/{id}" whatever order they were added in.
  size_t best_params = SIZE_MAX;
  std::vector<std::string> allowed;
  for (const Route& r : routes_) {
    if (!path_matches(r, segments)) continue;
    if (r.method != wanted) {
      for (const char* extra : {r.method.c_str(), r.method == "GET" ? "HEAD" : nullptr})
        if (extra && std::find(allowed.begin(), allowed.end(), extra) == allowed.end()) allowed.emplace_back(extra);
      continue;
    }
    size_t params = 0;
    for (const std::string& s : r.segments) params += is_param(s);
    if (params < best_params) {
      best_params = params;
      m.route = &r;
    }
  }
  if (!m.route) {
    for (const std::string& a : allowed) m.allow += (m.allow.empty() ? "" : ", ") + a;
    return m;
  }
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& seg = m.route->segments[i];
    if (!is_param(seg)) continue;
    std::string value;
    if (!percent_decode(segments[i], value)) {
      Match bad;
      bad.bad_encoding = true;
      return bad;
    }
    m.params.emplace_back(seg.substr(1, seg.size() - 2), std::move(value));
  }
  return m;
}

}  // namespace hg::srv
