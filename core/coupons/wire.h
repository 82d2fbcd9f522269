// The coupons API's request and response bodies (server/coupons/API.md lists the
// endpoints). Rules travel as the core models themselves (Batch, CouponItem, PricePreview…),
// so the client previews with the same engine the server decides with.
//
// Every body is one JSON object under a top-level name defined here (kXxxJson), read with
// hg::from_json<T>(body, kXxxJson) and written with hg::to_json(kXxxJson, value). Enums of
// the core models are numbers (cereal's default); the states the server computes for the
// screen (window state, coupon state, refusal reason) are short stable strings.
//
// Refusals (sold out, limit reached, expired code…) are ordinary API errors — a 4xx with
// {"error":{code,zh,en}} — that also carry {"coupon_refusal":{reason,…}} beside "error", so
// a client can both show the message (error_of) and act on the reason.
//
// Sections (each "// ---- … ----" below):
//   refusal reasons            CouponRefusal and its reason words
//   campaigns                  GET /campaigns: BatchView, CampaignView, CampaignList
//   claim                      POST /claim: ClaimRequest, CouponCode, CouponView, ClaimResult
//   mine                       GET /mine: MyCoupons, the short-lived code
//   redeem                     preview and redeem (merchant staff)
//   refund                     RefundRequest, RefundResult
//   ledger                     GET /ledger: LedgerEntry, Ledger
//   settlement                 GET /settlement and settlement.csv
//   dashboard                  GET /dashboard?month= (union admin): each figure's period
//   union admin                create campaigns and batches
//   lottery                    create, register, draw; LotteryView, LotteryList
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/coupons/batch.h"
#include "core/coupons/campaign.h"
#include "core/coupons/coupon.h"
#include "core/coupons/lottery.h"
#include "core/coupons/price.h"
#include "core/coupons/redemption.h"
#include "core/coupons/settlement.h"
#include "core/cst_time.h"
#include "core/money.h"

namespace hg {

// ---- refusal reasons ----
// CouponRefusal::reason, BatchView::member_state.
namespace refusal {
constexpr const char* kSoldOut = "sold_out";
constexpr const char* kLimitReached = "limit_reached";
constexpr const char* kNotEligible = "not_eligible";
constexpr const char* kNotOpenYet = "not_open_yet";
constexpr const char* kClosed = "closed";
constexpr const char* kByLottery = "by_lottery";          // claim refused: register for the draw
constexpr const char* kCodeForged = "code_forged";        // code not issued by this server
constexpr const char* kCodeExpired = "code_expired";      // genuine but older than its lifetime
constexpr const char* kAlreadyUsed = "already_used";
constexpr const char* kExpired = "expired";               // the coupon's validity has ended
constexpr const char* kNotValidYet = "not_valid_yet";
constexpr const char* kRevoked = "revoked";
constexpr const char* kWrongMerchant = "wrong_merchant";
constexpr const char* kBelowThreshold = "below_threshold";
constexpr const char* kRegistrationClosed = "registration_closed";
constexpr const char* kRefundTooLarge = "refund_too_large";
}  // namespace refusal

// Sent beside "error" in a refusal's body.
constexpr const char* kCouponRefusalJson = "coupon_refusal";
struct CouponRefusal {
  std::string reason;         // one of refusal::k…
  UnixSeconds next_open = 0;  // not_open_yet / closed: when to come back, 0 = never
  std::int64_t remaining = 0; // claims: stock left in the period when refused

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(reason), CEREAL_NVP(next_open), CEREAL_NVP(remaining));
  }
};

// ---- campaigns ----
// GET /api/v1/coupons/campaigns

// BatchView::member_state when the member may claim (otherwise a refusal::k… word).
constexpr const char* kCanClaim = "can_claim";

// BatchView::state
namespace batch_state {
constexpr const char* kNotOpenYet = "not_open_yet";
constexpr const char* kOpen = "open";
constexpr const char* kSoldOut = "sold_out";
constexpr const char* kClosed = "closed";
}  // namespace batch_state

struct BatchView {
  Batch batch;                 // the full rules
  std::string state;           // batch_state::k…, at server_now
  std::string period_key;      // current stock period ("2026-12", "once", …)
  std::int64_t stock = 0;      // this period's stock (claims, i.e. packs)
  std::int64_t remaining = 0;  // live
  UnixSeconds next_open = 0;   // not_open_yet / closed: next opening (0 = none); countdown target
  UnixSeconds closes = 0;      // open: when this opening ends (0 = with the batch)
  // Signed-in member only ("" otherwise): kCanClaim, or refusal::kLimitReached /
  // kNotEligible / kByLottery; and how many claims they made in the current limit period.
  std::string member_state;
  std::int32_t member_claimed = 0;
  std::string lottery_id;      // by_lottery batches: the draw to register for

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(batch), CEREAL_NVP(state), CEREAL_NVP(period_key), CEREAL_NVP(stock), CEREAL_NVP(remaining),
       CEREAL_NVP(next_open), CEREAL_NVP(closes), CEREAL_NVP(member_state), CEREAL_NVP(member_claimed),
       CEREAL_NVP(lottery_id));
  }
};

struct CampaignView {
  Campaign campaign;
  Fen union_budget_fen = 0;  // the union's subsidy budget for the campaign; 0 = not set
  std::vector<BatchView> batches;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(campaign), CEREAL_NVP(union_budget_fen), CEREAL_NVP(batches));
  }
};

constexpr const char* kCampaignListJson = "coupon_campaigns";
struct CampaignList {
  UnixSeconds server_now = 0;  // countdowns: target − server_now, not the device clock
  std::vector<CampaignView> campaigns;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(server_now), CEREAL_NVP(campaigns));
  }
};

// ---- claim ----
// POST /api/v1/coupons/claim

constexpr const char* kClaimRequestJson = "claim";
struct ClaimRequest {
  std::string batch_id;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(batch_id));
  }
};

// The signed, short-lived code a merchant types or scans. 12 digits; the QR code holds
// qr_payload ("HGQ1:" + code). A fresh one is in every my-coupons answer, with the coupon's
// own code key: the member's device derives the code of later windows itself
// (core/coupons/code.h), with no signal too. Only the coupon's owner is ever sent a key.
struct CouponCode {
  std::string code;          // "123456789012"
  std::string qr_payload;
  UnixSeconds expires_at = 0;
  UnixSeconds refresh_after = 0;
  std::string key;           // K_c, 64 hex digits (version 2)
  std::int64_t slot = 0;     // the code's first six digits as a number (version 2)

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t version) {
    ar(CEREAL_NVP(code), CEREAL_NVP(qr_payload), CEREAL_NVP(expires_at), CEREAL_NVP(refresh_after));
    if (version >= 2) ar(CEREAL_NVP(key), CEREAL_NVP(slot));
  }
};

// CouponView::state
namespace coupon_state {
constexpr const char* kValid = "valid";
constexpr const char* kNotValidYet = "not_valid_yet";
constexpr const char* kUsed = "used";
constexpr const char* kExpired = "expired";
constexpr const char* kRevoked = "revoked";
}  // namespace coupon_state

struct CouponView {
  Coupon coupon;
  std::string state;               // coupon_state::k…
  Brand brand = Brand::gift;
  std::string campaign_title_zh, campaign_title_en;
  CouponItem item;                 // title, rule, funding, merchant ids
  std::vector<Merchant> merchants; // where it can be used, with names
  Stacking stacking = Stacking::exclusive;
  CouponCode code;                 // valid and not-yet-valid coupons only

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(coupon), CEREAL_NVP(state), CEREAL_NVP(brand), CEREAL_NVP(campaign_title_zh),
       CEREAL_NVP(campaign_title_en), CEREAL_NVP(item), CEREAL_NVP(merchants), CEREAL_NVP(stacking), CEREAL_NVP(code));
  }
};

constexpr const char* kClaimResultJson = "claim_result";
struct ClaimResult {
  std::string claim_id;
  // One per item (several for a combo pack). Kept small (the rush answers thousands a
  // second): titles, merchants and codes come with GET /mine.
  std::vector<Coupon> coupons;
  std::int64_t remaining = 0;       // stock left in the period after this claim

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(claim_id), CEREAL_NVP(coupons), CEREAL_NVP(remaining));
  }
};

// ---- mine ----
// GET /api/v1/coupons/mine

constexpr const char* kMyCouponsJson = "my_coupons";
struct MyCoupons {
  UnixSeconds server_now = 0;
  std::vector<CouponView> coupons;  // newest claim first

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(server_now), CEREAL_NVP(coupons));
  }
};

// GET /api/v1/coupons/{id}/code
constexpr const char* kCouponCodeJson = "coupon_code";

// ---- redeem ----
// POST /api/v1/coupons/redeem/preview and /api/v1/coupons/redeem (merchant staff)

constexpr const char* kRedeemRequestJson = "redeem";
struct RedeemRequest {
  std::string code;  // the 12 digits (spaces and dashes ignored) or the QR payload
  Fen order_fen = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(code), CEREAL_NVP(order_fen));
  }
};

constexpr const char* kRedeemPreviewJson = "redeem_preview";
struct RedeemPreview {
  std::string coupon_id;
  std::string title_zh, title_en;
  std::string merchant_id;
  PricePreview price;  // discount, worker pays, merchant share, union share

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(coupon_id), CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(merchant_id), CEREAL_NVP(price));
  }
};

constexpr const char* kRedemptionResultJson = "redemption";
struct RedemptionResult {
  Redemption redemption;  // .price holds the split
  std::string title_zh, title_en;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(redemption), CEREAL_NVP(title_zh), CEREAL_NVP(title_en));
  }
};

// ---- refund ----
// POST /api/v1/coupons/refund (merchant staff of the redeeming merchant)

constexpr const char* kRefundRequestJson = "refund";
struct RefundRequest {
  std::string redemption_id;
  Fen refund_fen = 0;  // part of the order returned; the whole order for a full refund

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(redemption_id), CEREAL_NVP(refund_fen));
  }
};

constexpr const char* kRefundResultJson = "refund_result";
struct RefundResult {
  RefundRecord refund;
  Fen refunded_total_fen = 0;   // order amount refunded so far, this one included
  bool coupon_returned = false; // full refund while the coupon was still valid: usable again

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(refund), CEREAL_NVP(refunded_total_fen), CEREAL_NVP(coupon_returned));
  }
};

// ---- ledger ----
// GET /api/v1/coupons/ledger?month=YYYY-MM

struct LedgerEntry {
  Redemption redemption;
  std::string title_zh, title_en;
  Fen refunded_fen = 0;  // order amount refunded so far
  std::vector<RefundRecord> refunds;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(redemption), CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(refunded_fen),
       CEREAL_NVP(refunds));
  }
};

constexpr const char* kLedgerJson = "coupon_ledger";
struct Ledger {
  std::string month;
  std::vector<LedgerEntry> entries;  // newest first

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(month), CEREAL_NVP(entries));
  }
};

// ---- settlement ----
// GET /api/v1/coupons/settlement?month=YYYY-MM → {"settlement": Settlement}
// GET /api/v1/coupons/settlement.csv?month=YYYY-MM → text/csv
constexpr const char* kSettlementJson = "settlement";

// ---- dashboard ----
// GET /api/v1/coupons/dashboard?month=YYYY-MM (union admin; default the current CST month)
//
// Each figure has one period, shown next to it on screen:
//   month         claimed, coupons: made in the CST month (claimed_at); redeemed, refunds
//                 and the money: the month's records, added up as settlement adds them up
//                 (core settle_month_by_batch), so the rows sum to that month's settlement
//   stock period  stock, remaining: the batch's stock period now (stock_cycle, period_key)
//   campaign run  union_spent_total_fen, budget_left_fen: everything since the campaign began

struct DashboardRow {
  std::string campaign_id, batch_id;
  Brand brand = Brand::gift;
  std::string title_zh, title_en;  // the batch
  Cycle stock_cycle = Cycle::month;
  std::string period_key;          // the stock period now: cycle_key(stock_cycle, server_now)
  std::int64_t stock = 0, remaining = 0;
  std::int64_t claimed = 0;   // month: claims (packs)
  std::int64_t coupons = 0;   // month: coupons issued
  std::int64_t redeemed = 0;  // month: redemptions (settlement's count)
  std::int64_t refunds = 0;   // month: refunds
  Fen union_spent_fen = 0;    // month: union subsidy net of the month's refunds (settlement's union net)
  Fen merchant_spent_fen = 0; // month: merchant's share net of refunds

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(campaign_id), CEREAL_NVP(batch_id), CEREAL_NVP(brand), CEREAL_NVP(title_zh), CEREAL_NVP(title_en),
       CEREAL_NVP(stock_cycle), CEREAL_NVP(period_key), CEREAL_NVP(stock), CEREAL_NVP(remaining), CEREAL_NVP(claimed),
       CEREAL_NVP(coupons), CEREAL_NVP(redeemed), CEREAL_NVP(refunds), CEREAL_NVP(union_spent_fen),
       CEREAL_NVP(merchant_spent_fen));
  }
};

struct DashboardCampaign {
  std::string campaign_id;
  Brand brand = Brand::gift;
  std::string title_zh, title_en;
  std::int64_t claimed = 0, redeemed = 0;  // month: its batches' rows added up
  Fen union_spent_fen = 0;                 // month
  Fen union_budget_fen = 0;                // campaign run
  Fen union_spent_total_fen = 0;           // campaign run: union subsidy net of refunds
  Fen budget_left_fen = 0;  // campaign run: budget − spent (negative when overspent); 0 without a budget

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(campaign_id), CEREAL_NVP(brand), CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(claimed),
       CEREAL_NVP(redeemed), CEREAL_NVP(union_spent_fen), CEREAL_NVP(union_budget_fen),
       CEREAL_NVP(union_spent_total_fen), CEREAL_NVP(budget_left_fen));
  }
};

constexpr const char* kDashboardJson = "coupon_dashboard";
struct Dashboard {
  UnixSeconds server_now = 0;
  std::string month;  // the CST month the month figures cover, "2026-12"
  std::vector<DashboardCampaign> campaigns;
  std::vector<DashboardRow> batches;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(server_now), CEREAL_NVP(month), CEREAL_NVP(campaigns), CEREAL_NVP(batches));
  }
};

// ---- union admin ----
// POST /api/v1/coupons/admin/campaigns, /admin/batches

constexpr const char* kCreateCampaignJson = "campaign_create";
struct CreateCampaign {
  Campaign campaign;           // id may be empty: the server assigns one
  Fen union_budget_fen = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(campaign), CEREAL_NVP(union_budget_fen));
  }
};
// Answer: {"campaign": CampaignView}
constexpr const char* kCampaignJson = "campaign";

constexpr const char* kCreateBatchJson = "batch_create";
struct CreateBatch {
  Batch batch;  // id may be empty: the server assigns one; campaign_id must exist

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(batch));
  }
};
// Answer: {"batch": BatchView}
constexpr const char* kBatchJson = "batch";

// ---- lottery ----
// POST /api/v1/coupons/admin/lotteries {"lottery_create": CreateLottery} → {"lottery": LotteryView}
//   the server picks the seed and publishes only its commitment
// POST /api/v1/coupons/lotteries/{id}/register {"lottery_register": {quantity}} → {"lottery": LotteryView}
// GET  /api/v1/coupons/lotteries/{id} → {"lottery": LotteryView}
// POST /api/v1/coupons/admin/lotteries/{id}/draw (after registration closes) → {"lottery": LotteryView}

constexpr const char* kCreateLotteryJson = "lottery_create";
struct CreateLottery {
  std::string batch_id;  // a by_lottery batch
  UnixSeconds registration_opens = 0;
  UnixSeconds registration_closes = 0;
  std::int64_t prizes = 0;
  std::int32_t per_member_cap = 1;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(batch_id), CEREAL_NVP(registration_opens), CEREAL_NVP(registration_closes), CEREAL_NVP(prizes),
       CEREAL_NVP(per_member_cap));
  }
};

constexpr const char* kLotteryRegisterJson = "lottery_register";
struct LotteryRegister {
  std::int32_t quantity = 1;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(quantity));
  }
};

// LotteryView::state
namespace lottery_state {
constexpr const char* kUpcoming = "upcoming";        // registration not open yet
constexpr const char* kRegistering = "registering";
constexpr const char* kClosed = "closed";            // registration over, awaiting the draw
constexpr const char* kDrawn = "drawn";
}  // namespace lottery_state

constexpr const char* kLotteryJson = "lottery";
struct LotteryView {
  Lottery lottery;                    // .seed is empty until revealed at the draw
  std::string state;                  // one of lottery_state::k…
  std::int64_t registrants = 0;
  std::int32_t my_quantity = 0;       // signed-in member: quantity registered (0 = not registered)
  std::int32_t my_won = 0;            // after the draw
  // After the draw, everything needed to recompute it with core/coupons/lottery.h:
  std::vector<LotteryEntry> entries;  // sorted by member id
  DrawResult result;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(lottery), CEREAL_NVP(state), CEREAL_NVP(registrants), CEREAL_NVP(my_quantity), CEREAL_NVP(my_won),
       CEREAL_NVP(entries), CEREAL_NVP(result));
  }
};

// GET /api/v1/coupons/lotteries → {"lotteries": LotteryList}
constexpr const char* kLotteryListJson = "lotteries";
struct LotteryList {
  std::vector<LotteryView> lotteries;  // without entries/result (fetch one for those)

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(lotteries));
  }
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::CouponRefusal, 1)
CEREAL_CLASS_VERSION(hg::BatchView, 1)
CEREAL_CLASS_VERSION(hg::CampaignView, 1)
CEREAL_CLASS_VERSION(hg::CampaignList, 1)
CEREAL_CLASS_VERSION(hg::ClaimRequest, 1)
CEREAL_CLASS_VERSION(hg::CouponCode, 2)
CEREAL_CLASS_VERSION(hg::CouponView, 1)
CEREAL_CLASS_VERSION(hg::ClaimResult, 1)
CEREAL_CLASS_VERSION(hg::MyCoupons, 1)
CEREAL_CLASS_VERSION(hg::RedeemRequest, 1)
CEREAL_CLASS_VERSION(hg::RedeemPreview, 1)
CEREAL_CLASS_VERSION(hg::RedemptionResult, 1)
CEREAL_CLASS_VERSION(hg::RefundRequest, 1)
CEREAL_CLASS_VERSION(hg::RefundResult, 1)
CEREAL_CLASS_VERSION(hg::LedgerEntry, 1)
CEREAL_CLASS_VERSION(hg::Ledger, 1)
CEREAL_CLASS_VERSION(hg::DashboardRow, 2)
CEREAL_CLASS_VERSION(hg::DashboardCampaign, 2)
CEREAL_CLASS_VERSION(hg::Dashboard, 2)
CEREAL_CLASS_VERSION(hg::CreateCampaign, 1)
CEREAL_CLASS_VERSION(hg::CreateBatch, 1)
CEREAL_CLASS_VERSION(hg::CreateLottery, 1)
CEREAL_CLASS_VERSION(hg::LotteryRegister, 1)
CEREAL_CLASS_VERSION(hg::LotteryView, 1)
CEREAL_CLASS_VERSION(hg::LotteryList, 1)
