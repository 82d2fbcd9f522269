// One typed error from core to the screen: a stable machine code, an optional stable reason
// within it, a Chinese and an English message. The server maps the code to an HTTP status;
// the client shows the message in the member's language. Code that needs to tell errors
// apart compares the reason, never the message text, so editing a translation breaks nothing.
// Nothing below the UI formats error text on its own.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace hg {

enum class Errc {
  invalid_input,   // 400: malformed or out-of-range input
  unauthorized,    // 401: not signed in
  forbidden,       // 403: signed in, not allowed
  not_found,       // 404
  conflict,        // 409: e.g. sold out, limit reached, already used
  too_large,       // 413: request body over the limit
  unavailable,     // 503: store or network down; try again later
  internal,        // 500: a bug; the message says so honestly
};

struct Error {
  Errc code = Errc::internal;
  std::string zh;
  std::string en;
  // Which refusal within the code, as sent on the wire ("sold_out", "slot_full"); the area's
  // error table (core/coupons/coupon_errors.h, core/bookings/booking_errors.h) owns the words.
  // Empty when the code says it all.
  std::string reason;

  int http_status() const;
  const char* code_name() const;  // "invalid_input", … as sent in JSON
  const std::string& message(bool chinese) const { return chinese ? zh : en; }
};

Error make_error(Errc code, std::string zh, std::string en, std::string reason = {});
// Reverse of code_name, for errors that arrive over the wire; unknown names map to internal.
Errc errc_from_name(const std::string& name);

// A value or an Error. Small on purpose: ok(), value(), error(), nothing else to learn.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace hg
