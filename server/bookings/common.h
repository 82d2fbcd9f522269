// Helpers the bookings endpoints share: reading a JSON body, answering JSON, query values.
#pragma once
#include <string>

#include "core/json.h"
#include "server/api_error.h"
#include "server/http_types.h"

namespace hg::srv::bk {

// Request bodies are small: a hold, a code, a plan.
constexpr size_t kMaxBody = 16 * 1024;

template <class T>
T body_of(const Request& req, const char* name) {
  return take(from_json<T>(req.body, name, kMaxBody));
}

template <class T>
Response json_ok(const char* name, const T& value, int status = 200) {
  return Response::json(status, to_json(name, value));
}

// The value of ?name=… (percent-decoded), "" when absent.
std::string query_value(const Request& req, const std::string& name);

}  // namespace hg::srv::bk
