// Words and numbers the station screens show: amenity, kind and status names in both
// languages, distances, opening hours and the data's age.
#pragma once
#include <cstdint>
#include <string>

#include "core/stations/rating.h"
#include "core/stations/station.h"
#include "ui/i18n.h"

namespace hg::ui::stations {

const char* amenity_name(hg::stations::Amenity a, Lang lang);
const char* kind_name(hg::stations::StationKind k, Lang lang);
const char* status_name(hg::stations::StationStatus s, Lang lang);
const char* tag_name(hg::stations::RatingTag t, Lang lang);
constexpr int kRatingTagCount = 6;

// "350 m", "1.2 km", "35 km".
// "08:00-20:00, 21:00-02:00" for one weekday (0 = Monday); "24 小时" / "休息".
std::string format_day_hours(const hg::stations::WeeklyHours& h, int day, Lang lang);
const char* weekday_name(int day, Lang lang);  // 0 = Monday

}  // namespace hg::ui::stations
