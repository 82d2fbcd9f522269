// Every area App hosts, in one table: the Screen it is, its name (the trace's and deep links'
// "/<name>/…") and its factory (defined in the area's folder). App builds, finds, names and
// ticks areas from this table only: a new area is one row here plus its Screen.
#pragma once
#include <memory>

#include "ui/area.h"

namespace hg::ui {

std::unique_ptr<Area> make_home_area(AreaHost& host);
std::unique_ptr<Area> make_stations_area(AreaHost& host);
std::unique_ptr<Area> make_coupons_area(AreaHost& host);
std::unique_ptr<Area> make_bookings_area(AreaHost& host);
std::unique_ptr<Area> make_points_mall_area(AreaHost& host);
std::unique_ptr<Area> make_account_area(AreaHost& host);

struct AreaEntry {
  Screen screen;
  const char* name;
  std::unique_ptr<Area> (*make)(AreaHost& host);
};

// In the order App ticks them, every frame.
inline constexpr AreaEntry kAreas[] = {
    {Screen::home, "home", make_home_area},
    {Screen::station_map, "station_map", make_stations_area},
    {Screen::coupons, "coupons", make_coupons_area},
    {Screen::bookings, "bookings", make_bookings_area},
    {Screen::points_mall, "points_mall", make_points_mall_area},
    {Screen::account, "account", make_account_area},
};

}  // namespace hg::ui
