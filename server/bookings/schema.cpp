#include "server/store/area_schemas.h"

namespace hg::srv {

// Bookings: plans and packages, resources (clinics, lockers, class rooms, stations) with
// slots, bookings through the state machine of core/bookings/booking_state.h, waitlists,
// no-show strikes, smart-locker compartments and pickups, the restock log.
//
// The store itself refuses overbooking, so a second server instance (or a bug) cannot
// oversell: every booking that occupies a place (held, confirmed, checked_in) is counted in
// bk_slots.taken, bk_plan_years.used and bk_allowance.used in the same transaction that
// changes its state, and each counter carries a CHECK against its limit. A partial UNIQUE
// index keeps one occupying booking per member and slot (cancelled bookings stay as
// history, so a member may book the same slot again after cancelling).
const Migration kBookingsMigration = {5, "bookings", R"sql(
CREATE TABLE bk_plans (
  id               TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  name_zh          TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
  name_en          TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  yearly_quota     INTEGER NOT NULL CHECK (yearly_quota >= 0),
  -- Occupation keys separated by ',' ('' = every member).
  eligible         TEXT NOT NULL,
  allowance_period TEXT NOT NULL CHECK (allowance_period IN ('day', 'month', 'year')),
  allowance        INTEGER NOT NULL CHECK (allowance >= 1)
) STRICT;

CREATE TABLE bk_packages (
  plan_id   TEXT NOT NULL REFERENCES bk_plans (id),
  id        TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 32),
  name_zh   TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
  name_en   TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  value_fen INTEGER NOT NULL CHECK (value_fen >= 0),
  copay_fen INTEGER NOT NULL CHECK (copay_fen >= 0 AND copay_fen <= value_fen),
  sort      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;

-- Places used per plan and CST year of the slot's start; quota copied from the plan when the
-- row is made and raised with it (2,000 → 10,000).
CREATE TABLE bk_plan_years (
  plan_id TEXT NOT NULL REFERENCES bk_plans (id),
  year    TEXT NOT NULL CHECK (year GLOB '[0-9][0-9][0-9][0-9]'),
  quota   INTEGER NOT NULL CHECK (quota >= 0),
  used    INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0 AND used <= quota),
  PRIMARY KEY (plan_id, year)
) STRICT, WITHOUT ROWID;

-- One row per member, plan and CST period ("2026" for a yearly allowance).
CREATE TABLE bk_allowance (
  plan_id     TEXT NOT NULL REFERENCES bk_plans (id),
  member_id   TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
  period      TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 10),
  allowed     INTEGER NOT NULL CHECK (allowed >= 1),
  used        INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0 AND used <= allowed),
  PRIMARY KEY (plan_id, member_id, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE bk_resources (
  id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  kind       TEXT NOT NULL CHECK (kind IN ('clinic', 'locker', 'class', 'station')),
  name_zh    TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
  name_en    TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  city       TEXT NOT NULL,
  address_zh TEXT NOT NULL DEFAULT '',
  address_en TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE bk_slots (
  id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  kind         TEXT NOT NULL CHECK (kind IN ('health_check', 'locker', 'class_session', 'station_duty')),
  resource_id  TEXT NOT NULL REFERENCES bk_resources (id),
  plan_id      TEXT REFERENCES bk_plans (id),
  title_zh     TEXT NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 100),
  title_en     TEXT NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
  start_at     INTEGER NOT NULL,
  end_at       INTEGER NOT NULL CHECK (end_at > start_at),
  capacity     INTEGER NOT NULL CHECK (capacity >= 0),
  taken        INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
  book_until   INTEGER NOT NULL CHECK (book_until <= end_at),
  cancel_until INTEGER NOT NULL CHECK (cancel_until <= end_at),
  hold_seconds INTEGER NOT NULL CHECK (hold_seconds > 0),
  cadre_only   INTEGER NOT NULL DEFAULT 0 CHECK (cadre_only IN (0, 1)),
  -- Rows in bk_waitlist for this slot, kept with them: a join's position without counting.
  waiting      INTEGER NOT NULL DEFAULT 0 CHECK (waiting >= 0),
  CHECK (kind <> 'health_check' OR plan_id IS NOT NULL)
) STRICT;
CREATE INDEX bk_slots_by_kind ON bk_slots (kind, start_at);
CREATE INDEX bk_slots_by_resource ON bk_slots (resource_id, start_at);

-- seq: the server's acceptance order of holds and waitlist joins (one counter for both).
CREATE TABLE bk_bookings (
  id                  TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  slot_id             TEXT NOT NULL REFERENCES bk_slots (id),
  member_id           TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
  state               TEXT NOT NULL CHECK (state IN ('held', 'confirmed', 'checked_in', 'cancelled', 'expired', 'no_show')),
  package_id          TEXT NOT NULL DEFAULT '',
  value_fen           INTEGER NOT NULL DEFAULT 0 CHECK (value_fen >= 0),
  copay_fen           INTEGER NOT NULL DEFAULT 0 CHECK (copay_fen >= 0 AND copay_fen <= value_fen),
  union_share_fen     INTEGER NOT NULL DEFAULT 0 CHECK (union_share_fen = value_fen - copay_fen),
  copay_collected_fen INTEGER NOT NULL DEFAULT 0 CHECK (copay_collected_fen >= 0),
  from_waitlist       INTEGER NOT NULL DEFAULT 0 CHECK (from_waitlist IN (0, 1)),
  created_at          INTEGER NOT NULL,
  hold_expires_at     INTEGER NOT NULL,
  confirmed_at        INTEGER NOT NULL DEFAULT 0,
  closed_at           INTEGER NOT NULL DEFAULT 0,
  seq                 INTEGER NOT NULL UNIQUE,
  checkin_code        TEXT CHECK (checkin_code IS NULL OR checkin_code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
  CHECK (state <> 'checked_in' OR copay_collected_fen = copay_fen)
) STRICT;
CREATE UNIQUE INDEX bk_one_place_per_member ON bk_bookings (slot_id, member_id)
  WHERE state IN ('held', 'confirmed', 'checked_in');
CREATE UNIQUE INDEX bk_checkin_codes ON bk_bookings (checkin_code) WHERE state = 'confirmed';
CREATE INDEX bk_bookings_by_member ON bk_bookings (member_id, created_at);
CREATE INDEX bk_bookings_by_slot ON bk_bookings (slot_id, state);
CREATE INDEX bk_holds_due ON bk_bookings (hold_expires_at) WHERE state = 'held';

CREATE TABLE bk_waitlist (
  slot_id    TEXT NOT NULL REFERENCES bk_slots (id),
  member_id  TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
  package_id TEXT NOT NULL DEFAULT '',
  joined_at  INTEGER NOT NULL,
  seq        INTEGER NOT NULL UNIQUE,
  PRIMARY KEY (slot_id, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX bk_waitlist_order ON bk_waitlist (slot_id, seq);
CREATE INDEX bk_waitlist_by_member ON bk_waitlist (member_id);

CREATE TABLE bk_sequence (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL CHECK (value >= 0)
) STRICT, WITHOUT ROWID;
INSERT INTO bk_sequence (name, value) VALUES ('accept', 0);

CREATE TABLE bk_no_shows (
  booking_id  TEXT PRIMARY KEY REFERENCES bk_bookings (id),
  member_id   TEXT NOT NULL,
  missed_at   INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX bk_no_shows_by_member ON bk_no_shows (member_id, missed_at);

CREATE TABLE bk_blocks (
  member_id     TEXT PRIMARY KEY CHECK (length(member_id) BETWEEN 1 AND 32),
  blocked_until INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Union cadres (may sign up for station-duty days); kept here rather than on members.
CREATE TABLE bk_cadres (
  member_id TEXT PRIMARY KEY REFERENCES members (id),
  title_zh  TEXT NOT NULL DEFAULT '',
  title_en  TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

-- Smart lockers (resource kind 'locker'). Each stocking of a compartment is a capacity-1
-- slot; a reservation is a held booking of it until the pickup deadline.
CREATE TABLE bk_lockers (
  id           TEXT PRIMARY KEY REFERENCES bk_resources (id),
  station_id   TEXT NOT NULL,
  compartments INTEGER NOT NULL CHECK (compartments BETWEEN 1 AND 64),
  pickup_seconds INTEGER NOT NULL CHECK (pickup_seconds > 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE bk_compartments (
  locker_id  TEXT NOT NULL REFERENCES bk_lockers (id),
  number     INTEGER NOT NULL CHECK (number >= 1),
  slot_id    TEXT REFERENCES bk_slots (id),  -- the current stocking; NULL when empty
  item_kind  TEXT NOT NULL DEFAULT '' CHECK (item_kind IN ('', 'instant_noodles', 'raincoat', 'gloves', 'welcome_pack', 'other')),
  item_zh    TEXT NOT NULL DEFAULT '',
  item_en    TEXT NOT NULL DEFAULT '',
  value_fen  INTEGER NOT NULL DEFAULT 0 CHECK (value_fen >= 0),
  PRIMARY KEY (locker_id, number),
  CHECK ((slot_id IS NULL) = (item_kind = ''))
) STRICT, WITHOUT ROWID;

CREATE TABLE bk_pickups (
  booking_id  TEXT PRIMARY KEY REFERENCES bk_bookings (id),
  locker_id   TEXT NOT NULL REFERENCES bk_lockers (id),
  compartment INTEGER NOT NULL,
  member_id   TEXT NOT NULL,
  code        TEXT NOT NULL CHECK (code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
  item_kind   TEXT NOT NULL,
  item_zh     TEXT NOT NULL,
  item_en     TEXT NOT NULL,
  value_fen   INTEGER NOT NULL CHECK (value_fen >= 0),
  state       TEXT NOT NULL CHECK (state IN ('active', 'picked_up', 'expired', 'cancelled')),
  reserved_at INTEGER NOT NULL,
  deadline    INTEGER NOT NULL CHECK (deadline > reserved_at),
  closed_at   INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
-- A code opens one compartment: unique among a locker's active reservations.
CREATE UNIQUE INDEX bk_active_codes ON bk_pickups (locker_id, code) WHERE state = 'active';
CREATE UNIQUE INDEX bk_one_pickup_per_member ON bk_pickups (locker_id, member_id) WHERE state = 'active';
CREATE INDEX bk_pickups_by_member ON bk_pickups (member_id, reserved_at);

-- Wrong codes typed at a locker, for its rate limit.
CREATE TABLE bk_pickup_failures (
  id        INTEGER PRIMARY KEY,
  locker_id TEXT NOT NULL,
  at        INTEGER NOT NULL
) STRICT;
CREATE INDEX bk_pickup_failures_by_locker ON bk_pickup_failures (locker_id, at);

CREATE TABLE bk_restock_log (
  id          INTEGER PRIMARY KEY,
  locker_id   TEXT NOT NULL REFERENCES bk_lockers (id),
  compartment INTEGER NOT NULL,
  item_kind   TEXT NOT NULL,
  item_zh     TEXT NOT NULL,
  item_en     TEXT NOT NULL,
  value_fen   INTEGER NOT NULL CHECK (value_fen >= 0),
  month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),  -- CST
  at          INTEGER NOT NULL,
  by_account  TEXT NOT NULL
) STRICT;
CREATE INDEX bk_restock_by_month ON bk_restock_log (locker_id, month);
)sql"};

}  // namespace hg::srv
