// Numbered schema migrations, compiled into the binary. Each runs in its own IMMEDIATE
// transaction together with its row in schema_migrations, so a crash leaves the database at
// the previous version, never halfway; running them again on restart does nothing.
// A database whose schema is newer than this binary knows is refused: an old server must
// not write into tables it does not understand.
//
// To change the schema, append a migration with the next number. Never edit or reorder a
// migration that has shipped.
#pragma once
#include <vector>

#include "core/cst_time.h"
#include "server/store/sqlite.h"

namespace hg::srv {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// Every migration this binary knows, in version order (1, 2, 3, … without gaps).
const std::vector<Migration>& all_migrations();
int latest_schema_version();

// The highest version recorded in schema_migrations (0 for a new database).
int current_schema_version(Db& db);

// Brings the database up to the newest of `migrations`; returns the schema version it ends
// at. Throws DbError when the database is newer than `migrations` know, or a migration fails
// (that migration is rolled back; earlier ones stay applied).
int migrate(Db& db, const std::vector<Migration>& migrations, UnixSeconds now);

}  // namespace hg::srv
