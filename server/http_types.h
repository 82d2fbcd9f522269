// The request and response every handler sees. Plain structs with no Boost in them, so the
// router, the API and the static files compile without Beast; only http_server.cpp
// translates between these and the wire.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/cst_time.h"
#include "core/error.h"

namespace hg::srv {

struct Header {
  std::string name;  // lower case in requests
  std::string value;
};

struct Request {
  std::string method;  // "GET", "HEAD", "POST", …
  std::string target;  // as sent: "/api/v1/notices?lang=zh"
  std::string path;    // target before '?', still percent-encoded
  std::string query_string;  // after '?', without it, still percent-encoded
  std::vector<Header> headers;
  std::string body;    // at most the server's body limit
  std::string remote;  // "127.0.0.1:53412"
  // Filled by the router from "{name}" segments of the route, percent-decoded.
  std::vector<std::pair<std::string, std::string>> params;

  // Case-insensitive; nullptr when absent.
  const std::string* header(std::string_view name) const;
  // "" when absent.
  std::string_view param(std::string_view name) const;
  // The value of ?name=… decoded as a form ('+' is a space, %XX a byte); "" when absent or
  // empty. Throws ApiError invalid_input (400) on a malformed escape or an encoded NUL.
  std::string query(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::vector<Header> headers;  // besides Content-Type, Content-Length and Connection
  std::string body;
  // Static files share one copy of their bytes among all responses instead of copying them.
  std::shared_ptr<const std::string> shared_body;
  bool close = false;  // close the connection after this response

  std::string_view body_view() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
  void set_header(std::string name, std::string value);

  // application/json; charset=utf-8
  static Response json(int status, std::string body);
  // {"error":{…}} with the error's own status, or an explicit one (405 has no Errc).
  static Response error(const Error& e);
  static Response error(int status, const Error& e);
  static Response text(int status, std::string body);  // text/plain; charset=utf-8
};

constexpr const char* kJsonType = "application/json; charset=utf-8";

// ?month=YYYY-MM (core parse_month). The first form requires it; the second gives the CST
// month of now when it is absent. Malformed or missing-when-required: 400 invalid_input,
// "月份格式应为 YYYY-MM" on every route.
YearMonth month_query(const Request& req);
YearMonth month_query(const Request& req, UnixSeconds now);

bool iequals(std::string_view a, std::string_view b);
// Decodes %XX; false on a malformed escape or an encoded NUL. '+' stays '+' unless
// plus_is_space (query strings are forms; paths are not).
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space = false);

}  // namespace hg::srv
