// The JSON a rating is sent as (POST /api/v1/stations/{id}/ratings).
#pragma once
#include <string>

#include "core/stations/rating.h"

namespace hg::ui::stations {

std::string rating_body(const hg::stations::Rating& r);
// Reads the aggregate GET /api/v1/stations/{id}/ratings answers; false when unreadable.
bool parse_rating_summary(const std::string& json, int* count, double* mean);

}  // namespace hg::ui::stations
