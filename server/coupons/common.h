// What the coupons endpoints share: the catalogue of campaigns and batches (cached in
// memory — they never change once created, so a second server process can only add to
// them, and a miss reads the store), id generation, the store's rows as core models, and
// the refusal answer ({"error":…, "coupon_refusal":…}).
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/coupons/coupon_errors.h"
#include "core/coupons/wire.h"
#include "core/ids.h"
#include "core/models/member.h"
#include "server/api_error.h"
#include "server/api_v1.h"
#include "server/http_types.h"
#include "server/store/sqlite.h"

namespace hg::srv::coupons {

struct CampaignEntry {
  Campaign campaign;
  Fen union_budget_fen = 0;
};
struct BatchEntry {
  Batch batch;
  std::shared_ptr<const CampaignEntry> campaign;
};

class Catalog {
 public:
  // nullptr when the store has no such batch / campaign.
  std::shared_ptr<const BatchEntry> batch(Db& db, const std::string& id);
  std::shared_ptr<const CampaignEntry> campaign(Db& db, const std::string& id);

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const BatchEntry>> batches_;
  std::map<std::string, std::shared_ptr<const CampaignEntry>> campaigns_;
};

struct Ctx {
  explicit Ctx(ApiContext& a);
  ApiContext& api;
  Catalog catalog;
  std::string new_id(UnixSeconds now);

 private:
  std::mutex id_mu_;
  IdGenerator ids_;
};

// 64 hex characters from 32 random bytes (libsodium): a lottery seed.
std::string random_seed_hex();

// ---- store rows ----
const char* brand_key(Brand b);
std::optional<Brand> brand_from_key(const std::string& key);
void insert_merchant(Db& db, const Merchant& m);  // ignored when the id exists
void insert_campaign(Db& db, const Campaign& c, Fen union_budget_fen, UnixSeconds now);
void insert_batch(Db& db, const Batch& b, UnixSeconds now);
std::vector<std::string> campaign_ids(Db& db);                              // oldest first
std::vector<std::string> batch_ids(Db& db, const std::string& campaign_id);  // oldest first
std::optional<Member> find_member(Db& db, const std::string& member_id);

// Stock left for a batch period; nullopt when the period has no row yet (full stock).
std::optional<std::int64_t> stock_remaining(Db& db, const std::string& batch_id, const std::string& period_key);
std::int64_t member_claims(Db& db, const std::string& batch_id, const std::string& member_id,
                           const std::string& limit_key);

constexpr const char* kCouponColumns =
    "serial, id, claim_id, batch_id, campaign_id, member_id, item_index, stock_key, limit_key, claimed_at, "
    "valid_from, valid_until, status, redeemed_at";
// Reads kCouponColumns starting at column 0; serial goes to *serial.
Coupon read_coupon(const Stmt& s, std::int64_t* serial = nullptr);
void insert_coupon(Db& db, const Coupon& c);

constexpr const char* kRedemptionColumns =
    "id, coupon_id, batch_id, campaign_id, member_id, merchant_id, redeemed_at, order_fen, discount_fen, "
    "worker_pays_fen, merchant_fen, union_fen, refunded_order_fen";
// Reads kRedemptionColumns starting at column 0; the refunded order amount goes to *refunded.
Redemption read_redemption_row(const Stmt& s, Fen* refunded = nullptr);
// A lottery with its seed (kept secret until the draw) and the seed's published commitment.
void insert_lottery(Db& db, const Lottery& l);

// ---- views ----
const char* coupon_state(const Coupon& c, UnixSeconds now);
CouponView coupon_view(Ctx& ctx, const BatchEntry& b, const Coupon& c, std::int64_t serial, UnixSeconds now);
// The batch as the campaign list shows it; member is null when not signed in as a member.
BatchView batch_view(Db& db, const BatchEntry& b, const Member* member, UnixSeconds now);

// ---- answers ----
// The refusal word a refusal body carries (core's coupon_reason), "" for errors that are not refusals.
const char* reason_of(CouponErrc e);
// 4xx with {"error": e, "coupon_refusal": {reason, next_open, remaining}}.
Response refusal(const Error& e, const std::string& reason, UnixSeconds next_open = 0, std::int64_t remaining = 0);
// For errors from core: a refusal when the error is a coupon refusal, else the plain error.
Response refusal_from(const Error& e, CouponErrc why);

// Thrown where a refusal is found deep in a helper; refusals_answered() turns it into the
// refusal answer. Throw it only before anything was written: the answer is a normal
// return, so a write operation's savepoint is kept, not rolled back.
class RefusalError : public ApiError {
 public:
  RefusalError(Error e, std::string reason, UnixSeconds next_open = 0)
      : ApiError(std::move(e)), reason_(std::move(reason)), next_open_(next_open) {}
  const std::string& reason() const { return reason_; }
  UnixSeconds next_open() const { return next_open_; }

 private:
  std::string reason_;
  UnixSeconds next_open_;
};
Response refusals_answered(const std::function<Response()>& fn);

}  // namespace hg::srv::coupons
