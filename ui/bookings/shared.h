// What the bookings pages share: the session, which page to open next, and the two-step
// booking (hold, then confirm) every kind of slot goes through.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "ui/area.h"
#include "ui/bookings/bookings_api.h"

namespace hg::ui::bookings {

enum class Page { menu, health, mine, lockers, classes, duty, clinic, pickup, admin };

struct Shared {
  Platform& platform;
  Session& session;
  std::function<void(Page)> open;  // pushes a page; the header's back returns
  bool mine_stale = true;          // something was booked or cancelled: refetch "mine"
};

struct BookOutcome {
  std::optional<BookingView> booking;   // held and confirmed
  std::optional<WaitlistView> waitlist;  // on the waitlist
  Error error;
};

// Holds the slot and confirms the hold (one tap for the member); with waitlist_if_full a
// full slot puts the member on its waitlist instead. Keys are fresh per tap.
void book_slot(Shared& s, const std::string& slot_id, const std::string& package_id, bool waitlist_if_full,
               std::function<void(BookOutcome)> done);

// A chip that shows whether it is chosen; at least kTouch tall.
bool choice_button(const char* id, const char* text, bool selected, float width);

}  // namespace hg::ui::bookings
