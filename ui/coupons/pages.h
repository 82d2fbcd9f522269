// The coupon pages, one class each (one .cpp each). CouponsArea (coupons_area.cpp) routes
// between them; they talk through Shared.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "ui/coupons/coupons_shared.h"
#include "ui/coupons/qr_view.h"

namespace hg::ui::coupons {

// Campaigns by brand: live stock, countdowns to the window, claim buttons.
class CampaignsPage {
 public:
  explicit CampaignsPage(Shared& s) : s_(s) {}
  // Which campaigns show: one brand's (-1: every brand's), or only the campaign `campaign`.
  void set_brand(int brand) {
    brand_ = brand;
    campaign_.clear();
  }
  void set_campaign(const std::string& campaign) {
    brand_ = -1;
    campaign_ = campaign;
  }
  int brand() const { return brand_; }
  void tick(const UiContext& ctx, bool visible);
  void draw(UiContext& ctx, float width);

 private:
  void fetch(const UiContext& ctx);
  void draw_batch(UiContext& ctx, const CampaignView& cv, const BatchView& bv, float width);

  Shared& s_;
  int brand_ = -1;
  std::string campaign_;  // "" for all of the brand's
  Remote<CampaignList, 8000> list_;  // live stock while visible; cheap for the server (one GET)
};

// Got it / sold out / limit reached / not eligible / not open yet, and what to do next.
class ClaimResultPage {
 public:
  explicit ClaimResultPage(Shared& s) : s_(s) {}
  void draw(UiContext& ctx, float width);

 private:
  Shared& s_;
};

// The member's coupons: valid, used, expired.
class MyCouponsPage {
 public:
  explicit MyCouponsPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx, bool visible);
  void draw(UiContext& ctx, float width);

 private:
  void fetch(const UiContext& ctx);
  Shared& s_;
  Remote<MyCoupons, 60000> mine_;
  int tab_ = 0;
};

// One coupon's QR code and 12-digit code, refreshed before it expires.
class CouponQrPage {
 public:
  explicit CouponQrPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx, bool visible);
  void draw(UiContext& ctx, float width);

 private:
  void refresh(const UiContext& ctx);
  Shared& s_;
  QrView qr_;
  // The shown coupon's latest code: fetched when the one on the coupon is due for refresh
  // (its refresh_after), again 10 s after a failure, and never for another coupon's page.
  Remote<CouponCode, kOnDemand> code_;
  std::string code_for_;  // the coupon id code_ was fetched for
};

// Merchant staff: code + amount → split preview → confirm → result.
class RedeemPage {
 public:
  explicit RedeemPage(Shared& s) : s_(s) {}
  void reset();
  void draw(UiContext& ctx, float width);

 private:
  bool read_inputs(Lang lang);
  void preview(UiContext& ctx);
  void confirm(UiContext& ctx);
  Shared& s_;
  char code_[64] = {};
  char amount_[32] = {};
  std::string sent_code_;
  Fen sent_fen_ = 0;
  std::optional<RedeemPreview> preview_;
  std::optional<RedemptionResult> done_;
  Error error_;
  std::string refusal_reason_;
  bool busy_ = false;
  std::string key_;  // the confirm's Idempotency-Key, kept for retries of the same confirm
};

// Union admin: dashboard numbers, links to create and to settle.
class AdminPage {
 public:
  explicit AdminPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx, bool visible);
  void draw(UiContext& ctx, float width);

 private:
  Shared& s_;
  Remote<Dashboard, 15000> dash_;
};

// Union admin: a new campaign and its first batch, with every rule kind.
class AdminCreatePage {
 public:
  explicit AdminCreatePage(Shared& s);
  void draw(UiContext& ctx, float width);

 private:
  void submit(UiContext& ctx);
  std::optional<Error> build(UiContext& ctx, CreateCampaign& cc, Batch& b) const;
  Shared& s_;
  // The form's fields, with sensible defaults: the fuel campaign's shape (满200减30, merchant
  // ¥10, monthly stock, opening 10:00 on the 1st, one per member per month, 30 days'
  // validity); the dates are set from today by the constructor.
  // Campaign
  int brand_ = 2;
  char title_zh_[96] = {}, title_en_[96] = {};
  char merchant_id_[48] = {}, merchant_zh_[96] = {}, merchant_en_[96] = {};
  char budget_[24] = {};
  // Batch
  char batch_zh_[96] = {}, batch_en_[96] = {};
  int kind_ = 0;  // RuleKind
  char threshold_[24] = "200", off_[24] = "30", zhe_[16] = "7.5", cap_[24] = "15", face_[24] = "40", price_[24] = "100";
  int funding_mode_ = 0;  // 0 fixed merchant amount, 1 shares
  char merchant_part_[24] = "10", merchant_share_[8] = "30";
  int stock_cycle_ = 2;  // Cycle::month
  char stock_[16] = "1000";
  char opens_[24] = {}, closes_[24] = {};
  int window_kind_ = 1;  // 0 fixed, 1 monthly
  char open_day_[4] = "1", open_time_[8] = "10:00";
  int limit_cycle_ = 2;
  char per_member_[8] = "1";
  bool groups_[4] = {true, false, false, false};
  int validity_kind_ = 1;  // 0 fixed dates, 1 days after claim
  char days_[8] = "30";
  char valid_from_[24] = {}, valid_until_[24] = {};
  // State
  std::string key_;
  std::string campaign_id_;  // once the campaign exists, a retry only sends the batch
  bool busy_ = false;
  Error error_;
  std::string done_;
};

// Union admin (all merchants) or merchant staff (own line): one CST month's settlement.
class SettlementPage {
 public:
  explicit SettlementPage(Shared& s) : s_(s) {}
  // Shown again: fetch again (a redemption may have happened since).
  void reload() { settlement_.invalidate(); }
  void tick(const UiContext& ctx, bool visible);
  void draw(UiContext& ctx, float width);

 private:
  void show_month(const UiContext& ctx, YearMonth month);
  void fetch(const UiContext& ctx);
  Shared& s_;
  std::optional<YearMonth> month_;  // CST; this month when the page first shows
  Remote<Settlement, kOnDemand> settlement_;  // month_'s settlement
};

}  // namespace hg::ui::coupons
