#include "server/store/area_schemas.h"

namespace hg::srv {

// Coupons: campaigns, merchants, batches, per-period stock, claims, coupons, redemptions,
// refunds and lotteries. The rules of a batch are stored as the core model's JSON (the
// same versioned cereal form the API carries), with the columns the store's own checks
// need (per-member limit) copied out of it.
//
// Invariants the store keeps even against a second server process on the same file:
//  - stock never oversells: coupon_stock.remaining CHECK (remaining >= 0), decremented in
//    the claim's transaction;
//  - per-member limit: a claim is the member's seq-th in its limit period, UNIQUE (batch,
//    member, limit_key, seq), and a trigger refuses seq above the batch's per_member;
//  - a coupon is redeemed at most once: UNIQUE (coupon_id) on live redemptions (a fully
//    refunded redemption is marked reversed, which frees the coupon again);
//  - a refund never exceeds the order: CHECK on the running refunded total.
const Migration kCouponsMigration = {4, "coupons", R"sql(
CREATE TABLE coupon_merchants (
  id      TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  name_zh TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
  name_en TEXT NOT NULL CHECK (length(name_en) <= 200)
) STRICT;

CREATE TABLE coupon_campaigns (
  id               TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  brand            TEXT NOT NULL CHECK (brand IN ('gift', 'culture_travel', 'ride', 'sport', 'express', 'consume')),
  title_zh         TEXT NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 100),
  title_en         TEXT NOT NULL CHECK (length(title_en) <= 200),
  starts_at        INTEGER NOT NULL,
  ends_at          INTEGER NOT NULL CHECK (ends_at > starts_at),
  union_budget_fen INTEGER NOT NULL DEFAULT 0 CHECK (union_budget_fen >= 0),
  created_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE coupon_campaign_merchants (
  campaign_id TEXT NOT NULL REFERENCES coupon_campaigns (id),
  merchant_id TEXT NOT NULL REFERENCES coupon_merchants (id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, merchant_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE coupon_batches (
  id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  campaign_id TEXT NOT NULL REFERENCES coupon_campaigns (id),
  rules       TEXT NOT NULL CHECK (rules LIKE '{%}'),  -- {"batch": hg::Batch} (trusted_schema=OFF: no json_valid)
  per_member  INTEGER NOT NULL CHECK (per_member >= 1),
  by_lottery  INTEGER NOT NULL CHECK (by_lottery IN (0, 1)),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX coupon_batches_by_campaign ON coupon_batches (campaign_id);

-- One row per batch and stock period, created by the period's first claim.
CREATE TABLE coupon_stock (
  batch_id   TEXT NOT NULL REFERENCES coupon_batches (id),
  period_key TEXT NOT NULL CHECK (length(period_key) BETWEEN 4 AND 10),
  total      INTEGER NOT NULL CHECK (total >= 0),
  remaining  INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= total),
  PRIMARY KEY (batch_id, period_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE coupon_claims (
  id         TEXT PRIMARY KEY CHECK (length(id) = 13),
  batch_id   TEXT NOT NULL REFERENCES coupon_batches (id),
  member_id  TEXT NOT NULL REFERENCES members (id),
  stock_key  TEXT NOT NULL,
  limit_key  TEXT NOT NULL,
  seq        INTEGER NOT NULL CHECK (seq >= 1),  -- the member's n-th claim in limit_key
  via        TEXT NOT NULL DEFAULT 'rush' CHECK (via IN ('rush', 'lottery')),
  claimed_at INTEGER NOT NULL,
  -- Member first: the limit check and "my coupons" both look a member up, and one
  -- member-keyed index is all a claim has to update at a random place (the rest append).
  UNIQUE (member_id, batch_id, limit_key, seq)
) STRICT;

CREATE TRIGGER coupon_claims_limit BEFORE INSERT ON coupon_claims
WHEN NEW.seq > (SELECT per_member FROM coupon_batches WHERE id = NEW.batch_id)
BEGIN
  SELECT RAISE(ABORT, 'per-member limit reached');
END;

-- serial is the rowid: the number a coupon's 12-digit code carries (server/coupons/code.h).
CREATE TABLE coupons (
  serial      INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE CHECK (length(id) = 13),
  claim_id    TEXT NOT NULL REFERENCES coupon_claims (id),
  batch_id    TEXT NOT NULL REFERENCES coupon_batches (id),
  campaign_id TEXT NOT NULL REFERENCES coupon_campaigns (id),
  member_id   TEXT NOT NULL REFERENCES members (id),
  item_index  INTEGER NOT NULL CHECK (item_index BETWEEN 0 AND 19),
  stock_key   TEXT NOT NULL,
  limit_key   TEXT NOT NULL,
  claimed_at  INTEGER NOT NULL,
  valid_from  INTEGER NOT NULL,
  valid_until INTEGER NOT NULL CHECK (valid_until >= valid_from),
  status      TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'redeemed', 'revoked')),
  redeemed_at INTEGER NOT NULL DEFAULT 0,
  UNIQUE (claim_id, item_index)
) STRICT;

CREATE TABLE coupon_redemptions (
  id                 TEXT PRIMARY KEY CHECK (length(id) = 13),
  coupon_id          TEXT NOT NULL REFERENCES coupons (id),
  batch_id           TEXT NOT NULL,
  campaign_id        TEXT NOT NULL,
  member_id          TEXT NOT NULL,
  merchant_id        TEXT NOT NULL REFERENCES coupon_merchants (id),
  redeemed_at        INTEGER NOT NULL,
  month              TEXT NOT NULL,  -- CST month of redeemed_at, for settlement
  order_fen          INTEGER NOT NULL CHECK (order_fen > 0),
  discount_fen       INTEGER NOT NULL CHECK (discount_fen BETWEEN 0 AND order_fen),
  worker_pays_fen    INTEGER NOT NULL CHECK (worker_pays_fen = order_fen - discount_fen),
  merchant_fen       INTEGER NOT NULL CHECK (merchant_fen >= 0),
  union_fen          INTEGER NOT NULL CHECK (union_fen >= 0 AND merchant_fen + union_fen = discount_fen),
  refunded_order_fen INTEGER NOT NULL DEFAULT 0 CHECK (refunded_order_fen BETWEEN 0 AND order_fen),
  reversed           INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1))  -- fully refunded
) STRICT;
-- At most one live redemption per coupon: redeem exactly once.
CREATE UNIQUE INDEX coupon_redemptions_live ON coupon_redemptions (coupon_id) WHERE reversed = 0;
CREATE INDEX coupon_redemptions_by_month ON coupon_redemptions (month, merchant_id);

CREATE TABLE coupon_refunds (
  id                    TEXT PRIMARY KEY CHECK (length(id) = 13),
  redemption_id         TEXT NOT NULL REFERENCES coupon_redemptions (id),
  merchant_id           TEXT NOT NULL,
  refunded_at           INTEGER NOT NULL,
  month                 TEXT NOT NULL,
  order_refunded_fen    INTEGER NOT NULL CHECK (order_refunded_fen > 0),
  worker_refund_fen     INTEGER NOT NULL CHECK (worker_refund_fen >= 0),
  discount_reversed_fen INTEGER NOT NULL CHECK (discount_reversed_fen >= 0),
  merchant_reversed_fen INTEGER NOT NULL CHECK (merchant_reversed_fen >= 0),
  union_reversed_fen    INTEGER NOT NULL CHECK (union_reversed_fen >= 0 AND
                          merchant_reversed_fen + union_reversed_fen = discount_reversed_fen AND
                          worker_refund_fen + discount_reversed_fen = order_refunded_fen)
) STRICT;
CREATE INDEX coupon_refunds_by_redemption ON coupon_refunds (redemption_id);
CREATE INDEX coupon_refunds_by_month ON coupon_refunds (month, merchant_id);

CREATE TABLE coupon_lotteries (
  id                  TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  batch_id            TEXT NOT NULL REFERENCES coupon_batches (id),
  registration_opens  INTEGER NOT NULL,
  registration_closes INTEGER NOT NULL CHECK (registration_closes > registration_opens),
  prizes              INTEGER NOT NULL CHECK (prizes > 0),
  per_member_cap      INTEGER NOT NULL CHECK (per_member_cap >= 1),
  seed_commitment     TEXT NOT NULL CHECK (length(seed_commitment) = 64),
  committed_at        INTEGER NOT NULL CHECK (committed_at < registration_closes),
  seed                TEXT NOT NULL CHECK (length(seed) >= 32),  -- secret until revealed_at
  revealed_at         INTEGER NOT NULL DEFAULT 0,
  registrants_digest  TEXT NOT NULL DEFAULT '',
  result              TEXT NOT NULL DEFAULT ''  -- {"draw": hg::DrawResult} once drawn
) STRICT;

CREATE TABLE coupon_lottery_entries (
  lottery_id    TEXT NOT NULL REFERENCES coupon_lotteries (id),
  member_id     TEXT NOT NULL REFERENCES members (id),
  quantity      INTEGER NOT NULL CHECK (quantity >= 1),
  registered_at INTEGER NOT NULL,
  won           INTEGER NOT NULL DEFAULT 0 CHECK (won BETWEEN 0 AND quantity),
  PRIMARY KEY (lottery_id, member_id)
) STRICT, WITHOUT ROWID;
)sql"};

// A claim's Idempotency-Key lives on the claim row (not in the shared idempotency table):
// the table's rows carry the whole answer and land in random order, which in a rush made
// them most of what each group commit wrote. A retry finds the claim through the member's
// claims (the UNIQUE index above starts with member_id) and rebuilds the first answer from
// the claim's coupons and answer_remaining. Lottery claims have no key.
const Migration kCouponClaimKeysMigration = {6, "coupon claim idempotency keys", R"sql(
ALTER TABLE coupon_claims ADD COLUMN idem_key TEXT CHECK (idem_key IS NULL OR length(idem_key) BETWEEN 8 AND 64);
ALTER TABLE coupon_claims ADD COLUMN idem_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE coupon_claims ADD COLUMN answer_remaining INTEGER NOT NULL DEFAULT 0;
)sql"};

}  // namespace hg::srv
