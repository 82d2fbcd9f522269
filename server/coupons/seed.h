// --demo data of the coupons area, written inside seed_demo's transaction.
#pragma once
#include <cstdint>

#include "core/cst_time.h"
#include "server/store/sqlite.h"

namespace hg::srv {

void seed_coupons(Db& db, std::uint64_t seed, UnixSeconds now);

}  // namespace hg::srv
