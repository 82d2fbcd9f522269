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

// The member's coupons: valid, used, expired. The list (with each coupon's code key) is
// kept on the device, so a member with no signal still finds a coupon and its code.
class MyCouponsPage {
 public:
  explicit MyCouponsPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx, bool visible);
  void draw(UiContext& ctx, float width);

 private:
  void fetch(const UiContext& ctx);
  Shared& s_;
  KeptRemote<MyCoupons, 60000> mine_{kMyCouponsJson};
  int tab_ = 0;
};

// One coupon's QR code and 12-digit code, refreshed before it expires: made on the device
// from the coupon's key (so it shows with no signal), while the server is still asked each
// window (it says when the coupon was used meanwhile).
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
  bool offline_ = false;  // the last fetch got no answer at all
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

// Union admin: dashboard numbers for a CST month (Shared::month, the month settlement shows),
// links to create and to settle.
class AdminPage {
 public:
  explicit AdminPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx, bool visible);
  void draw(UiContext& ctx, float width);

 private:
  void show_month(const UiContext& ctx, YearMonth month);
  void fetch(const UiContext& ctx);
  Shared& s_;
  std::optional<YearMonth> month_;  // the month dash_ is for
  Remote<Dashboard, 15000> dash_;
};

// Union admin: a new campaign and its first batch, with every rule kind.
class AdminCreatePage {
 public:
  explicit AdminCreatePage(Shared& s);
  void draw(UiContext& ctx, float width);
  // The page came on screen: after a campaign was created it starts with a fresh form.
  void arrived() {
    if (!done_.empty()) start_afresh();
  }

 private:
  void submit(UiContext& ctx);
  std::optional<Error> build(UiContext& ctx, CreateCampaign& cc, Batch& b) const;
  Shared& s_;
  // The form's fields, with sensible defaults: the fuel campaign's shape (满200减30, merchant
  // ¥10, monthly stock, opening 10:00 on the 1st, one per member per month, 30 days'
  // validity); the dates are set from today when the form starts afresh.
  struct Form {
    // Campaign
    int brand = 2;
    char title_zh[96] = {}, title_en[96] = {};
    char merchant_id[48] = {}, merchant_zh[96] = {}, merchant_en[96] = {};
    char budget[24] = {};
    // Batch
    char batch_zh[96] = {}, batch_en[96] = {};
    int kind = 0;  // RuleKind
    char threshold[24] = "200", off[24] = "30", zhe[16] = "7.5", cap[24] = "15", face[24] = "40", price[24] = "100";
    int funding_mode = 0;  // 0 fixed merchant amount, 1 shares
    char merchant_part[24] = "10", merchant_share[8] = "30";
    int stock_cycle = 2;  // Cycle::month
    char stock[16] = "1000";
    char opens[24] = {}, closes[24] = {};
    int window_kind = 1;  // 0 fixed, 1 monthly
    char open_day[4] = "1", open_time[8] = "10:00";
    int limit_cycle = 2;
    char per_member[8] = "1";
    bool groups[4] = {true, false, false, false};
    int validity_kind = 1;  // 0 fixed dates, 1 days after claim
    char days[8] = "30";
    char valid_from[24] = {}, valid_until[24] = {};
  };
  void start_afresh();  // a new form, its dates from today, a new submission
  Form f_;
  // State
  std::string key_;
  std::string campaign_id_;  // once the campaign exists, a retry only sends the batch
  bool busy_ = false;
  Error error_;
  std::string done_;  // the title of the campaign just created: the page shows the result
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
  std::optional<YearMonth> month_;  // the month settlement_ is for (Shared::month once fetched)
  Remote<Settlement, kOnDemand> settlement_;  // month_'s settlement
};

}  // namespace hg::ui::coupons
