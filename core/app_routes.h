// Every page of the app a URL can name (deep links from reminders, the union's mini-program,
// the QR code on a station's door), in one table: the server serves the app's index.html for
// these paths and 404 for any other non-file path; the client opens the page they name
// (ui/app.cpp), behind sign-in when the page needs an account. A path is "/<area>[/<route>]"
// with the area names of ui/areas.h, or "/s/<station-id>"; "*" stands for one non-empty path
// segment (an id).
#pragma once
#include <string_view>

namespace hg {

struct AppRoute {
  const char* pattern;
  // The page shows the signed-in account's own things or staff tools: a signed-out visitor
  // signs in first and then lands on it.
  bool needs_account;
};

inline constexpr AppRoute kAppRoutes[] = {
    {"/s/*", false},  // the QR code on a station's door: its rating form
    {"/home", false},
    {"/station_map", false},
    {"/station_map/list", false},
    {"/station_map/station/*", false},
    {"/station_map/rate/*", false},
    {"/station_map/at/*", false},
    {"/station_map/admin", true},
    {"/coupons", false},
    {"/coupons/brand/*", false},
    {"/coupons/campaign/*", false},
    {"/coupons/mine", true},
    {"/coupons/redeem", true},
    {"/coupons/admin", true},
    {"/bookings", false},
    {"/bookings/health", true},
    {"/bookings/lockers", false},
    {"/bookings/lockers/*", false},
    {"/bookings/classes", false},
    {"/bookings/duty", false},
    {"/bookings/mine", true},
    {"/bookings/clinic", true},
    {"/bookings/locker", true},
    {"/bookings/admin", true},
    {"/points_mall", false},
    {"/account", false},
};

// The route `path` names ("/coupons/mine", "/bookings/lockers/fz-001"; a trailing "/" or a
// query string is not part of a path), or nullptr when it names no page of the app.
const AppRoute* find_app_route(std::string_view path);

}  // namespace hg
