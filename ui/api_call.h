// One typed JSON call to the server, shared by the areas' API layers (ui/coupons/coupons_api.h,
// ui/bookings/bookings_api.h): a 2xx body's member `name` becomes the value, anything else the
// server's error (zh + en). Also the two request builders every area uses.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "core/error.h"
#include "core/json.h"
#include "ui/session.h"

namespace hg::ui {

// A GET of `path` (no body).
HttpRequest get_request(const std::string& path);
// A POST of a JSON `body` carrying `key` as its Idempotency-Key. No Content-Type here: each
// Platform adds it for a body (a second one would be merged by the browser into
// "application/json, application/json").
HttpRequest post_request(const std::string& path, std::string body, const std::string& key);

// What came back: the value, or the error (zh + en).
template <class T>
struct ApiAnswer {
  std::optional<T> value;
  Error error;
  int status = 0;  // 0: no answer at all (a retry may send the same key again)
  bool ok() const { return value.has_value(); }
};

// Sends `req` with the session's token and hands `done` the parsed answer. `Answer` may extend
// ApiAnswer<T> with an area's own fields; `on_error` (optional) fills them from a non-2xx
// response after `error` is set. Big bodies are allowed (lists flow server → client).
template <class T, class Answer = ApiAnswer<T>>
void api_call(Session& session, HttpRequest req, const char* name, std::function<void(Answer)> done,
              void (*on_error)(const HttpResponse&, Answer&) = nullptr) {
  session.api(std::move(req), [name, on_error, done = std::move(done)](const HttpResponse& r) {
    Answer a;
    a.status = r.status;
    if (r.status >= 200 && r.status < 300) {
      Result<T> v = from_json<T>(r.body, name, 8u << 20);
      if (v.ok())
        a.value = std::move(v.value());
      else
        a.error = v.error();
    } else {
      a.error = error_of(r);
      if (on_error) on_error(r, a);
    }
    done(std::move(a));
  });
}

}  // namespace hg::ui
