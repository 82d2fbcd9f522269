#include "server/store/area_schemas.h"

namespace hg::srv {

// Issue 3 fills this in (tables, CHECK and UNIQUE constraints). Until then it is empty so
// the numbering is fixed: 3 stations, 4 coupons, 5 bookings.
const Migration kStationsMigration = {3, "stations", R"sql(
CREATE TABLE stations_placeholder (id INTEGER PRIMARY KEY) STRICT;
)sql"};

}  // namespace hg::srv
