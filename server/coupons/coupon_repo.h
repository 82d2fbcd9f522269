// Coupon rows in the store: every SQL statement of the coupons area, as plain functions over
// a Db that map rows to core models and back. Used by the routes (inside group-committed
// writes or reads) and by the demo seed. Statements on the rush path are cached per
// connection (Db::cached), so a claim prepares nothing.
//
// Sections (and the file that holds each):
//   catalogue       merchants, campaigns, batches              coupon_repo.cpp
//   members         the fields the claim rules read            coupon_repo.cpp
//   claims          stock, a member's claims, the claim row    coupon_repo_claims.cpp
//   coupons         insert, by id / serial / claim, status     coupon_repo_claims.cpp
//   money           redemptions and refunds                    coupon_repo_money.cpp
//   month figures   a month's records, the ledger, what was issued   coupon_repo_money.cpp
//   lotteries       the lottery, its entries, the draw         coupon_repo_lottery.cpp
//   seed            what only the demo seed needs              coupon_repo.cpp
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/coupons/claim.h"
#include "core/coupons/lottery.h"
#include "core/coupons/wire.h"
#include "core/models/member.h"
#include "server/store/sqlite.h"

namespace hg::srv::coupon_repo {

// ---- catalogue ----

// A campaign with what only the union sees: its subsidy budget.
struct StoredCampaign {
  Campaign campaign;
  Fen union_budget_fen = 0;
};

void insert_merchant(Db& db, const Merchant& m);  // ignored when the id exists
// The campaign and its merchants (inserted when new), in the campaign's order.
void insert_campaign(Db& db, const Campaign& c, Fen union_budget_fen, UnixSeconds now);
void insert_batch(Db& db, const Batch& b, UnixSeconds now);
std::optional<StoredCampaign> find_campaign(Db& db, const std::string& id);
bool campaign_exists(Db& db, const std::string& id);
// Throws internal when the stored rules do not read back.
std::optional<Batch> find_batch(Db& db, const std::string& id);
std::vector<std::string> campaign_ids(Db& db);                              // oldest first
std::vector<std::string> batch_ids(Db& db, const std::string& campaign_id);  // oldest first
std::vector<Merchant> merchants(Db& db);                                    // by id

// ---- members ----

// The member's occupation, group, union and city (what eligibility reads); nullopt when missing.
std::optional<Member> find_member(Db& db, const std::string& member_id);

// ---- claims ----

// Stock left for a batch period; nullopt when the period has no row yet (full stock).
std::optional<std::int64_t> stock_remaining(Db& db, const std::string& batch_id, const std::string& period_key);
// One coupon pack out of the period's stock: the row's remaining goes down by one, or the
// row is created with `total - 1` when stock_remaining found none.
void take_one(Db& db, const std::string& batch_id, const std::string& period_key, std::int64_t total, bool row_exists);
// `n` packs out of the period's stock, creating the row with `total` when missing.
void take_stock(Db& db, const std::string& batch_id, const std::string& period_key, std::int64_t total, std::int64_t n);
std::int64_t member_claims(Db& db, const std::string& batch_id, const std::string& member_id,
                           const std::string& limit_key);

// A rush claim, the member's `seq`-th in its limit period, with the request's idempotency key
// and fingerprint and the stock left its answer reports (see claim_by_key).
void insert_claim(Db& db, const std::string& claim_id, const std::string& batch_id, const std::string& member_id,
                  const ClaimKeys& keys, std::int64_t seq, UnixSeconds at, const std::string& idem_key,
                  const std::string& idem_hash, std::int64_t answer_remaining);
// A claim made without a request: a lottery win (`via` "lottery") or demo history ("rush").
void insert_keyless_claim(Db& db, const std::string& claim_id, const std::string& batch_id, const std::string& member_id,
                          const ClaimKeys& keys, std::int64_t seq, UnixSeconds at, const char* via);

struct KeyedClaim {
  std::string claim_id;
  std::string idem_hash;
  std::int64_t answer_remaining = 0;
};
// The member's claim made with this Idempotency-Key, if any.
std::optional<KeyedClaim> claim_by_key(Db& db, const std::string& member_id, const std::string& idem_key);

// ---- coupons ----

// Returns the coupon's serial (the number its codes carry).
std::int64_t insert_coupon(Db& db, const Coupon& c);
// A claim's coupons by item, appended to `out`.
void claim_coupons(Db& db, const std::string& claim_id, std::vector<Coupon>& out);
struct NumberedCoupon {
  Coupon coupon;
  std::int64_t serial = 0;
};
// The member's coupons, newest first (at most 500).
std::vector<NumberedCoupon> member_coupons(Db& db, const std::string& member_id);
std::optional<NumberedCoupon> find_coupon(Db& db, const std::string& id);
std::optional<NumberedCoupon> coupon_by_serial(Db& db, std::int64_t serial);
std::int64_t max_serial(Db& db);  // 0 without coupons
// The item index of a coupon, 0 when missing.
std::int32_t coupon_item(Db& db, const std::string& coupon_id);
// issued → redeemed; false when the coupon was not issued (used meanwhile).
bool mark_redeemed(Db& db, std::int64_t serial, UnixSeconds at);
// redeemed → issued after a full refund, only while the coupon is still valid at `now`;
// false when it stays spent.
bool give_back(Db& db, const std::string& coupon_id, UnixSeconds now);

// ---- money ----

// The redemption, booked in the CST month of its redeemed_at.
void insert_redemption(Db& db, const Redemption& r);
struct StoredRedemption {
  Redemption redemption;
  Fen refunded_fen = 0;   // order amount refunded so far
  bool reversed = false;  // fully refunded
};
std::optional<StoredRedemption> find_redemption(Db& db, const std::string& id);
// The refund, booked in the CST month of its refunded_at.
void insert_refund(Db& db, const RefundRecord& f);
void set_refunded(Db& db, const std::string& redemption_id, Fen refunded_total_fen, bool reversed);
std::vector<RefundRecord> refunds_of(Db& db, const std::string& redemption_id);  // oldest first

// ---- month figures ----

// A CST month's money records ("2026-12"), for one merchant or all (merchant ""):
// redemptions booked in the month and refunds booked in the month, each refund with the
// batch of its redemption. Settlement and the dashboard both add up exactly these.
struct MonthRecords {
  std::vector<Redemption> redemptions;
  std::vector<RefundRecord> refunds;
  std::vector<std::string> refund_batches;  // refund_batches[i]: the batch of refunds[i]
};
MonthRecords month_records(Db& db, const std::string& month, const std::string& merchant);
// The month's redemptions for the ledger, newest first (at most 2000), with what was refunded.
std::vector<StoredRedemption> ledger_redemptions(Db& db, const std::string& month, const std::string& merchant);
// Claims (packs) and coupons made in [from, to), per batch; batches with none are left out.
struct BatchIssued {
  std::int64_t claims = 0, coupons = 0;
};
std::map<std::string, BatchIssued> issued_between(Db& db, UnixSeconds from, UnixSeconds to);
// The union's subsidy per campaign since it began, net of refunds; campaigns with none are left out.
std::map<std::string, Fen> union_spent_by_campaign(Db& db);

// ---- lotteries ----

// A lottery as stored: the seed stays in `lottery` (callers hide it until revealed) and
// the draw's result is kept as its JSON.
struct StoredLottery {
  Lottery lottery;
  std::string result_json;
};
void insert_lottery(Db& db, const Lottery& l);
std::optional<StoredLottery> find_lottery(Db& db, const std::string& id);
std::vector<std::string> lottery_ids(Db& db);  // latest registration close first
// The batch's lottery with the latest registration close, "" when none.
std::string latest_lottery_of(Db& db, const std::string& batch_id);
std::vector<LotteryEntry> lottery_entries(Db& db, const std::string& lottery_id);  // by member id
std::int64_t lottery_registrants(Db& db, const std::string& lottery_id);
struct MemberEntry {
  std::int32_t quantity = 0, won = 0;
};
std::optional<MemberEntry> member_entry(Db& db, const std::string& lottery_id, const std::string& member_id);
// Registers the member, or changes the quantity of an existing registration.
void register_entry(Db& db, const std::string& lottery_id, const std::string& member_id, std::int32_t quantity,
                    UnixSeconds at);
void set_won(Db& db, const std::string& lottery_id, const std::string& member_id, std::int32_t won);
// Reveals the seed's draw: when, the registrants' digest and the result.
void record_draw(Db& db, const std::string& lottery_id, UnixSeconds at, const DrawResult& result);
std::optional<DrawResult> draw_result(const StoredLottery& st);

// ---- seed ----

// The first `limit` members by joining time (the demo's claimers).
std::vector<std::string> seed_member_ids(Db& db, int limit);

}  // namespace hg::srv::coupon_repo
