#include "server/http_types.h"

#include "core/json.h"
#include "server/api_error.h"

namespace hg::srv {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

const std::string* Request::header(std::string_view name) const {
  for (const Header& h : headers)
    if (iequals(h.name, name)) return &h.value;
  return nullptr;
}

std::string_view Request::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

std::string Request::query(std::string_view name) const {
  std::string_view q = query_string;
  while (!q.empty()) {
    const size_t amp = q.find('&');
    const std::string_view pair = q.substr(0, amp);
    const size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      std::string out;
      if (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), out, true))
        fail(Errc::invalid_input, "查询参数编码有误", "Malformed query parameter");
      return out;
    }
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return {};
}

YearMonth month_query(const Request& req) {
  const std::optional<YearMonth> m = parse_month(req.query("month"));
  if (!m) fail(Errc::invalid_input, "月份格式应为 YYYY-MM", "The month must look like YYYY-MM");
  return *m;
}

YearMonth month_query(const Request& req, UnixSeconds now) {
  if (req.query("month").empty()) return month_of(now);
  return month_query(req);
}

void Response::set_header(std::string name, std::string value) {
  for (Header& h : headers)
    if (iequals(h.name, name)) {
      h.value = std::move(value);
      return;
    }
  headers.push_back({std::move(name), std::move(value)});
}

Response Response::json(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = kJsonType;
  r.body = std::move(body);
  return r;
}

Response Response::error(const Error& e) { return error(e.http_status(), e); }

Response Response::error(int status, const Error& e) { return json(status, error_to_json(e)); }

Response Response::text(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool percent_decode(std::string_view in, std::string& out, bool plus_is_space) {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return false;
    out += c;
  }
  return true;
}

}  // namespace hg::srv
