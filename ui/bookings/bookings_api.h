// The bookings API as the screens use it (/api/v1/bookings/…, core/bookings/wire.h): typed
// answers sent with the session's token (requests: ui/api_call.h). Amounts, dates and times
// come from ui/format.h.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/bookings/wire.h"
#include "core/error.h"
#include "core/json.h"
#include "ui/api_call.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/session.h"

namespace hg::ui::bookings {

constexpr const char* kApi = "/api/v1/bookings";

template <class T>
using Answer = ApiAnswer<T>;

// Sends `req` with the session's token; a 2xx body's `name` becomes the value (ui/api_call.h).
template <class T>
void call(Session& session, HttpRequest req, const char* name, std::function<void(Answer<T>)> done) {
  api_call<T>(session, std::move(req), name, std::move(done));
}

const char* state_text(BookingState s, Lang lang);
// The error in the screen's language.
const std::string& say(const Error& e, Lang lang);

}  // namespace hg::ui::bookings
