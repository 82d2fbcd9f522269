// The one exception handlers throw for an expected refusal (bad input, not signed in, sold
// out…). App turns it into {"error":{code,zh,en}} with the error's HTTP status; inside a
// group-committed write it also rolls back that request's savepoint, so a refusal never
// leaves anything half-written.
#pragma once
#include <stdexcept>
#include <string>

#include "core/error.h"

namespace hg::srv {

class ApiError : public std::runtime_error {
 public:
  explicit ApiError(Error e) : std::runtime_error(e.en), error_(std::move(e)) {}
  const Error& error() const { return error_; }

 private:
  Error error_;
};

[[noreturn]] inline void fail(Errc code, std::string zh, std::string en) {
  throw ApiError(make_error(code, std::move(zh), std::move(en)));
}
[[noreturn]] inline void fail(Error e) { throw ApiError(std::move(e)); }

// Unwraps a core Result or throws its error.
template <class T>
T take(Result<T> r) {
  if (!r.ok()) fail(r.error());
  return std::move(r.value());
}

}  // namespace hg::srv
