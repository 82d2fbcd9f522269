#include "server/store/area_schemas.h"

namespace hg::srv {

// Stations: the station set with a revision counter for deltas, a change log, ratings,
// opening/closing check-ins, visit counts, the monthly evaluations and the cards they gave.
//
// Invariants the store keeps even against a second server process on the same file:
//  - every station write takes the next revision from station_version (one row) and stamps
//    it on the station and on a station_changes row, so "everything after version v" is
//    "stations WHERE rev > v" plus the deletions logged after v;
//  - one rating per member, station and CST day: UNIQUE (member_id, station_id, cst_day);
//  - one evaluation per station and month: PRIMARY KEY (station_id, period), and one card
//    per station and month.
// Positions are stored as integer micro-degrees, exactly what the snapshot carries, so a
// decoded snapshot equals the table. Hours are the core model's JSON ({"hours": …}).
const Migration kStationsMigration = {3, "stations", R"sql(
CREATE TABLE stations (
  id             TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^A-Za-z0-9_-]*'),
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  city           TEXT NOT NULL CHECK (length(city) <= 30),
  district       TEXT NOT NULL CHECK (length(district) <= 30),
  address        TEXT NOT NULL CHECK (length(address) <= 100),
  lon_e6         INTEGER NOT NULL CHECK (lon_e6 BETWEEN 73000000 AND 136000000),
  lat_e6         INTEGER NOT NULL CHECK (lat_e6 BETWEEN 3000000 AND 54000000),
  kind           INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),
  amenities      INTEGER NOT NULL CHECK (amenities BETWEEN 0 AND 4095),
  hours          TEXT NOT NULL CHECK (hours LIKE '{%}'),
  operator_union TEXT NOT NULL CHECK (length(operator_union) <= 30),
  phone          TEXT NOT NULL CHECK (length(phone) <= 32),
  status         INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),
  rev            INTEGER NOT NULL CHECK (rev >= 1),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL CHECK (updated_at >= created_at)
) STRICT;
CREATE INDEX stations_by_rev ON stations (rev);

-- The set's version: the revision of the latest change (0 = no stations yet).
CREATE TABLE station_version (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  rev INTEGER NOT NULL CHECK (rev >= 0),
  -- Changes at or below this revision have been pruned from station_changes: a delta from
  -- an older version cannot be told, the client fetches the snapshot (410).
  pruned_through INTEGER NOT NULL CHECK (pruned_through >= 0 AND pruned_through <= rev)
) STRICT;
INSERT INTO station_version (one, rev, pruned_through) VALUES (1, 0, 0);

CREATE TABLE station_changes (
  rev        INTEGER PRIMARY KEY CHECK (rev >= 1),
  station_id TEXT NOT NULL,
  change     TEXT NOT NULL CHECK (change IN ('create', 'edit', 'evaluation', 'delete')),
  at         INTEGER NOT NULL,
  by_account TEXT NOT NULL
) STRICT;
CREATE INDEX station_changes_by_at ON station_changes (at);

CREATE TABLE station_ratings (
  id         INTEGER PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES stations (id),
  member_id  TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 64),
  cst_day    TEXT NOT NULL CHECK (length(cst_day) = 10),
  at         INTEGER NOT NULL,
  stars      INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  tags       INTEGER NOT NULL CHECK (tags BETWEEN 0 AND 63),
  comment    TEXT NOT NULL CHECK (length(CAST(comment AS BLOB)) <= 420),
  UNIQUE (member_id, station_id, cst_day)
) STRICT;
CREATE INDEX station_ratings_by_station ON station_ratings (station_id, at);

CREATE TABLE station_checkins (
  id         INTEGER PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES stations (id),
  kind       TEXT NOT NULL CHECK (kind IN ('open', 'close')),
  at         INTEGER NOT NULL,
  by_account TEXT NOT NULL
) STRICT;
CREATE INDEX station_checkins_by_station ON station_checkins (station_id, at);

-- Visits are counted per station, CST day and method: a busy station logs hundreds of
-- face-scan entries a day and the evaluation only needs the month's sum.
CREATE TABLE station_visit_days (
  station_id TEXT NOT NULL REFERENCES stations (id),
  cst_day    TEXT NOT NULL CHECK (length(cst_day) = 10),
  method     TEXT NOT NULL CHECK (method IN ('face_scan', 'qr', 'manual')),
  count      INTEGER NOT NULL CHECK (count >= 1),
  last_at    INTEGER NOT NULL,
  PRIMARY KEY (station_id, cst_day, method)
) STRICT, WITHOUT ROWID;

-- Configurable thresholds of the monthly rules (one row; union staff may tune them).
CREATE TABLE station_thresholds (
  one            INTEGER PRIMARY KEY CHECK (one = 1),
  grace_minutes  INTEGER NOT NULL CHECK (grace_minutes BETWEEN 0 AND 240),
  max_late_days  INTEGER NOT NULL CHECK (max_late_days BETWEEN 0 AND 31),
  min_visits     INTEGER NOT NULL CHECK (min_visits >= 0),
  min_mean_stars REAL NOT NULL CHECK (min_mean_stars BETWEEN 1 AND 5),
  min_ratings    INTEGER NOT NULL CHECK (min_ratings >= 0)
) STRICT;
INSERT INTO station_thresholds VALUES (1, 15, 3, 300, 3.5, 5);

-- One row per station and evaluated month: the assessment and the status it led to.
CREATE TABLE station_evaluations (
  station_id     TEXT NOT NULL REFERENCES stations (id),
  period         TEXT NOT NULL CHECK (length(period) = 7),
  scheduled_days INTEGER NOT NULL CHECK (scheduled_days >= 0),
  late_days      INTEGER NOT NULL CHECK (late_days BETWEEN 0 AND scheduled_days),
  usage          INTEGER NOT NULL CHECK (usage >= 0),
  face_scans     INTEGER NOT NULL CHECK (face_scans BETWEEN 0 AND usage),
  ratings        INTEGER NOT NULL CHECK (ratings >= 0),
  mean_stars     REAL NOT NULL CHECK (mean_stars BETWEEN 0 AND 5),
  findings       INTEGER NOT NULL CHECK (findings BETWEEN 0 AND 7),  -- bit i = Finding i
  status_before  INTEGER NOT NULL CHECK (status_before BETWEEN 0 AND 3),
  status_after   INTEGER NOT NULL CHECK (status_after BETWEEN 0 AND 3),
  evaluated_at   INTEGER NOT NULL,
  PRIMARY KEY (station_id, period)
) STRICT, WITHOUT ROWID;
CREATE INDEX station_evaluations_by_period ON station_evaluations (period);

-- Cards: a change of status by a monthly run. Lifting is two steps, as the rules say:
-- union staff confirm the rectification (rectified_at), then a clean month lifts the card
-- (lifted_in = that month).
CREATE TABLE station_cards (
  id           INTEGER PRIMARY KEY,
  station_id   TEXT NOT NULL REFERENCES stations (id),
  period       TEXT NOT NULL CHECK (length(period) = 7),
  status_from  INTEGER NOT NULL CHECK (status_from BETWEEN 0 AND 2),
  status_to    INTEGER NOT NULL CHECK (status_to BETWEEN 1 AND 3 AND status_to = status_from + 1),
  reasons      INTEGER NOT NULL CHECK (reasons BETWEEN 1 AND 7),
  issued_at    INTEGER NOT NULL,
  rectified_at INTEGER CHECK (rectified_at IS NULL OR rectified_at >= issued_at),
  rectified_by TEXT,
  lifted_in    TEXT CHECK (lifted_in IS NULL OR (length(lifted_in) = 7 AND lifted_in > period)),
  UNIQUE (station_id, period)
) STRICT;
CREATE INDEX station_cards_by_period ON station_cards (period);
)sql"};

}  // namespace hg::srv
