// Helpers the bookings endpoints share: reading a JSON body, answering JSON.
#pragma once
#include <string>

#include "core/json.h"
#include "server/api_error.h"
#include "server/body.h"
#include "server/http_types.h"

namespace hg::srv::bookings {

template <class T>
Response json_ok(const char* name, const T& value, int status = 200) {
  return Response::json(status, to_json(name, value));
}

}  // namespace hg::srv::bookings
