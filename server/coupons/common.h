// What the coupons endpoints share: the catalogue of campaigns and batches (cached in
// memory — they never change once created, so a second server process can only add to
// them, and a miss reads the store), id generation, the views built from stored rows, and
// the refusal answer ({"error":…, "coupon_refusal":…}). The rows themselves are read and
// written by coupon_repo.
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
#include "server/coupons/coupon_repo.h"
#include "server/http_types.h"
#include "server/store/sqlite.h"

namespace hg::srv::coupons {

using CampaignEntry = coupon_repo::StoredCampaign;
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

// The brand's protocol word ("ride"); nullopt for an unknown word.
std::optional<Brand> brand_from_key(const std::string& key);

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
