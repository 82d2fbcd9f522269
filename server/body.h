// A request's JSON body, read as the model T under its top-level name: the same size limit
// for every endpoint, checked before parsing; a bad body throws ApiError (400, or 413 when
// over the limit).
#pragma once
#include <cstddef>

#include "core/json.h"
#include "server/api_error.h"
#include "server/http_types.h"

namespace hg::srv {

// Request bodies are small: a claim, a hold, a station, a plan.
constexpr std::size_t kMaxBodyBytes = 16 * 1024;

template <class T>
T body(const Request& req, const char* name) {
  return take(from_json<T>(req.body, name, kMaxBodyBytes));
}

}  // namespace hg::srv
