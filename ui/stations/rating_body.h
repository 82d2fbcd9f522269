// The JSON a rating is sent as (POST /api/v1/stations/{id}/ratings).
#pragma once
#include <string>

#include "core/stations/rating.h"

namespace hg::ui::stations {

std::string rating_body(const hg::stations::Rating& r);

}  // namespace hg::ui::stations
