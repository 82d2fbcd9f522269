// --demo: fills an empty database with the deterministic demo data (data/demo_data.h),
// all in one transaction. A database that already has members or notices, or was seeded
// before, is left alone, so starting with --demo again does nothing.
#pragma once
#include <cstdint>

#include "core/cst_time.h"
#include "server/store/sqlite.h"

namespace hg::srv {

struct SeedResult {
  bool seeded = false;  // false: the database was not empty, nothing written
  int members = 0;
  int notices = 0;
};

SeedResult seed_demo(Db& db, std::uint64_t seed, UnixSeconds now);

}  // namespace hg::srv
