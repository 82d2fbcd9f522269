// The areas App hosts, one factory each (defined in ui/<area>/). App knows them only as
// Area: adding a page inside an area never touches App.
#pragma once
#include <memory>

#include "ui/area.h"

namespace hg::ui {

std::unique_ptr<Area> make_stations_area(Platform& platform, Session& session);
std::unique_ptr<Area> make_coupons_area(Platform& platform, Session& session);
std::unique_ptr<Area> make_bookings_area(Platform& platform, Session& session);
std::unique_ptr<Area> make_account_area(Platform& platform, Session& session);

}  // namespace hg::ui
