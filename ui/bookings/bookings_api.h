// The bookings API as the screens use it (/api/v1/bookings/…, core/bookings/wire.h): typed
// answers sent with the session's token (requests: ui/api_call.h), and the few formats
// every page shows (¥ amounts, China-time dates and times).
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/bookings/wire.h"
#include "core/error.h"
#include "core/json.h"
#include "ui/api_call.h"
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

// "¥100" / "¥465.50": whole yuan without decimals.
std::string yuan(Fen fen);
// "12月10日 周四" / "Thu 10 Dec" (CST).
std::string day_text(UnixSeconds t, Lang lang);
// "09:00" (CST).
std::string clock_text(UnixSeconds t);
// "12月10日 09:00-10:00" / "10 Dec 09:00-10:00".
std::string slot_text(UnixSeconds start, UnixSeconds end, Lang lang);
const char* state_text(BookingState s, Lang lang);
// The error in the screen's language.
const std::string& say(const Error& e, Lang lang);

}  // namespace hg::ui::bookings
