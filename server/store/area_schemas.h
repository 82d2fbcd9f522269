// Each area keeps its own migration next to its endpoints (server/<area>/schema.cpp);
// migrations.cpp puts them in version order. Numbers are fixed: 1 init, 2 accounts,
// 3 stations, 4 coupons, 5 bookings, 6 coupon claim keys, 7 idempotency answers appended;
// later changes append 8, 9, …
#pragma once
#include "server/store/migrations.h"

namespace hg::srv {

extern const Migration kAccountsMigration;
extern const Migration kStationsMigration;
extern const Migration kCouponsMigration;
extern const Migration kBookingsMigration;
extern const Migration kCouponClaimKeysMigration;
extern const Migration kIdempotencyAppendMigration;

}  // namespace hg::srv
