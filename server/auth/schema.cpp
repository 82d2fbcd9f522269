#include "server/store/area_schemas.h"

namespace hg::srv {

// Accounts (members, merchant staff, clinic staff, lockers, union admins) and the answers
// remembered for idempotent retries.
const Migration kAccountsMigration = {2, "accounts", R"sql(
CREATE TABLE accounts (
  id            TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  login         TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 64),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  role          TEXT NOT NULL CHECK (role IN ('member', 'merchant_staff', 'clinic_staff', 'locker', 'union_admin')),
  subject       TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 128),
  display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 64),
  created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX accounts_by_subject ON accounts (role, subject);

CREATE TABLE idempotency (
  scope        TEXT NOT NULL CHECK (length(scope) BETWEEN 1 AND 64),  -- the account
  key          TEXT NOT NULL CHECK (length(key) BETWEEN 8 AND 64),
  request_hash TEXT NOT NULL,
  status       INTEGER NOT NULL CHECK (status BETWEEN 200 AND 299),
  body         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) STRICT, WITHOUT ROWID;
)sql"};

// The remembered answers move to an ordinary rowid table: answers are hundreds of bytes,
// and as the key of a WITHOUT ROWID table each landed in a random leaf (a few per page,
// splitting often), so in a rush they were a quarter of the writer's time and of every
// commit's pages. Now the answers append in arrival order and only the small (scope, key)
// index takes the random inserts.
const Migration kIdempotencyAppendMigration = {7, "idempotency answers appended", R"sql(
CREATE TABLE idempotency_answers (
  id           INTEGER PRIMARY KEY,
  scope        TEXT NOT NULL CHECK (length(scope) BETWEEN 1 AND 64),  -- the account
  key          TEXT NOT NULL CHECK (length(key) BETWEEN 8 AND 64),
  request_hash TEXT NOT NULL,
  status       INTEGER NOT NULL CHECK (status BETWEEN 200 AND 299),
  body         TEXT NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;
INSERT INTO idempotency_answers (scope, key, request_hash, status, body, created_at)
  SELECT scope, key, request_hash, status, body, created_at FROM idempotency ORDER BY created_at;
DROP TABLE idempotency;
ALTER TABLE idempotency_answers RENAME TO idempotency;
CREATE UNIQUE INDEX idempotency_by_key ON idempotency (scope, key);
)sql"};

}  // namespace hg::srv
