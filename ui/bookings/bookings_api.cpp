#include "ui/bookings/bookings_api.h"

namespace hg::ui::bookings {

const char* state_text(BookingState s, Lang lang) { return lang == Lang::zh ? state_zh(s) : state_en(s); }

const std::string& say(const Error& e, Lang lang) { return e.message(lang == Lang::zh); }

}  // namespace hg::ui::bookings
