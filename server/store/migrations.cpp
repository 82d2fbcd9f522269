#include "server/store/migrations.h"

#include <string>

#include "server/store/area_schemas.h"

namespace hg::srv {

namespace {

// Enums are stored by their stable names (the ones JSON and URLs use), not by number, so the
// data reads plainly in the sqlite3 shell and in settlement reports. CHECK constraints keep
// anything else out even when a second server instance (or a person) writes directly.
const Migration kInitMigration =
    {1, "init", R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE members (
  id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  -- Masked for display; the full number is never stored here.
  phone_masked TEXT NOT NULL CHECK (phone_masked GLOB '1[3-9][0-9][*][*][*][*][0-9][0-9][0-9][0-9]'),
  occupation   TEXT NOT NULL CHECK (occupation IN
                 ('delivery_rider', 'ride_hailing_driver', 'courier', 'port_worker', 'factory_worker', 'office')),
  member_group TEXT NOT NULL CHECK (member_group IN ('general', 'new_employment', 'young', 'model_worker')),
  union_name   TEXT NOT NULL CHECK (length(union_name) BETWEEN 1 AND 128),
  city         TEXT NOT NULL CHECK (length(city) BETWEEN 1 AND 64),
  joined_at    INTEGER NOT NULL  -- UTC seconds
) STRICT;
CREATE INDEX members_by_union ON members (union_name);

CREATE TABLE notices (
  id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  brand        TEXT NOT NULL CHECK (brand IN ('gift', 'culture_travel', 'ride', 'sport', 'express', 'consume')),
  title_zh     TEXT NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 200),
  title_en     TEXT NOT NULL CHECK (length(title_en) BETWEEN 1 AND 400),
  body_zh      TEXT NOT NULL CHECK (length(body_zh) <= 20000),
  body_en      TEXT NOT NULL CHECK (length(body_en) <= 40000),
  published_at INTEGER NOT NULL,  -- UTC seconds
  pinned       INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  created_at   INTEGER NOT NULL
) STRICT;
-- The home screen's order: pinned first, then newest.
CREATE INDEX notices_feed ON notices (pinned DESC, published_at DESC, id DESC);
)sql"};

constexpr const char* kCreateSchemaMigrations = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY CHECK (version >= 1),
  name       TEXT NOT NULL,
  applied_at INTEGER NOT NULL  -- UTC seconds
) STRICT;
)sql";

Error newer_schema_error(int found, int known) {
  const std::string f = std::to_string(found), k = std::to_string(known);
  return make_error(Errc::unavailable,
                    "数据库结构版本为 " + f + "，比本程序支持的版本 " + k + " 更新。请使用更新版本的服务器，不要用旧版本打开它。",
                    "The database schema is version " + f + ", newer than this server knows (" + k +
                        "). Run a newer server; an older one must not write to it.");
}

}  // namespace

const std::vector<Migration>& all_migrations() {
  // Built on first use: the area migrations are defined in other files, whose static
  // initialisation order relative to this one is unspecified.
  static const std::vector<Migration> all = {
      kInitMigration,     kAccountsMigration,        kStationsMigration,         kCouponsMigration,
      kBookingsMigration, kCouponClaimKeysMigration, kIdempotencyAppendMigration};
  return all;
}

int latest_schema_version() { return all_migrations().back().version; }

int current_schema_version(Db& db) {
  const bool has_table =
      db.query_int64("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'") > 0;
  if (!has_table) return 0;
  return static_cast<int>(db.query_int64("SELECT max(version) FROM schema_migrations", 0));
}

int migrate(Db& db, const std::vector<Migration>& migrations, UnixSeconds now) {
  const int known = migrations.empty() ? 0 : migrations.back().version;
  db.exec(kCreateSchemaMigrations);
  int version = current_schema_version(db);
  if (version > known) throw DbError(newer_schema_error(version, known), "schema " + std::to_string(version) + " > " + std::to_string(known));
  for (const Migration& m : migrations) {
    if (m.version <= version) continue;
    Transaction txn(db, Transaction::Kind::immediate);
    // Another server starting at the same moment may have got here first.
    const int now_version = current_schema_version(db);
    if (now_version >= m.version) {
      version = now_version;
      continue;
    }
    try {
      db.exec(m.sql);
    } catch (const DbError& e) {
      throw DbError(e.error(), "migration " + std::to_string(m.version) + " (" + m.name + "): " + e.what(), e.sqlite_code());
    }
    Stmt s = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)");
    s.bind(1, m.version).bind(2, m.name).bind(3, static_cast<std::int64_t>(now));
    s.run();
    txn.commit();
    version = m.version;
  }
  return version;
}

}  // namespace hg::srv
