// 新建活动 (union admin): a campaign (brand, title, partner merchant, dates, union budget)
// and its first batch: the rule (满减 threshold, 折扣 percentage with an optional cap, free up
// to a face value, fixed price), who pays the discount, stock per period, the claim window,
// the per-member limit, who is eligible and how long coupons stay valid. This file draws
// the form and sends it (the campaign, then its batch); admin_create_form.cpp turns the
// fields into core's models and checks them.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/models/brand.h"
#include "ui/coupons/coupon_text.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {
void copy(char* dst, size_t n, const std::string& s) { std::snprintf(dst, n, "%s", s.c_str()); }

void field(const char* name, const char* id, const char* hint, char* buf, size_t n, float width) {
  label(name, theme::kCaptionSize, theme::kMuted);
  text_field(id, hint, buf, n, width);
}

// Two fields side by side. Placed by position rather than SameLine, which would drop the
// second label to the first field's text baseline.
void field_pair(const char* name_a, const char* id_a, const char* hint_a, char* a, size_t na, const char* name_b,
                const char* id_b, const char* hint_b, char* b, size_t nb, float width) {
  const float half = (width - theme::kGap) * 0.5f;
  const float x = ImGui::GetCursorPosX(), y = ImGui::GetCursorPosY();
  ImGui::BeginGroup();
  field(name_a, id_a, hint_a, a, na, half);
  ImGui::EndGroup();
  const float bottom_a = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(x + half + theme::kGap, y));
  ImGui::BeginGroup();
  field(name_b, id_b, hint_b, b, nb, half);
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(x, std::max(bottom_a, ImGui::GetCursorPosY())));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

AdminCreatePage::AdminCreatePage(Shared& s) : s_(s) {
  // The campaign runs a year from today; fixed-date coupons are valid for 90 days.
  const UnixSeconds now = s_.platform.now_ms() / 1000;
  copy(opens_, sizeof opens_, iso_date(now));
  copy(closes_, sizeof closes_, iso_date(now + 365 * 86400));
  copy(valid_from_, sizeof valid_from_, iso_date(now));
  copy(valid_until_, sizeof valid_until_, iso_date(now + 90 * 86400));
}

void AdminCreatePage::submit(UiContext& ctx) {
  if (busy_) return;
  CreateCampaign cc;
  Batch b;
  error_ = Error{};
  done_.clear();
  if (std::optional<Error> e = build(ctx, cc, b)) {
    error_ = *e;
    return;
  }
  busy_ = true;
  // Step 2: the batch, under the campaign's id.
  auto send_batch = [this](Batch batch) {
    batch.campaign_id = campaign_id_;
    if (key_.empty()) key_ = s_.session.new_idempotency_key();
    CreateBatch cb{batch};
    call<BatchView>(s_.session, post_request(std::string(kApi) + "/admin/batches", to_json(kCreateBatchJson, cb), key_),
                    kBatchJson, [this](Answer<BatchView> a) {
                      busy_ = false;
                      if (a.status != 0) key_.clear();
                      if (a.ok()) {
                        done_ = a.value->batch.id;
                        campaign_id_.clear();  // the next submit is a new campaign
                        s_.campaigns_stale = true;
                      } else {
                        error_ = a.error;
                      }
                    });
  };
  if (!campaign_id_.empty()) {  // the campaign was created; only the batch failed
    send_batch(b);
    return;
  }
  if (key_.empty()) key_ = s_.session.new_idempotency_key();
  call<CampaignView>(s_.session,
                     post_request(std::string(kApi) + "/admin/campaigns", to_json(kCreateCampaignJson, cc), key_),
                     kCampaignJson, [this, b, send_batch](Answer<CampaignView> a) {
                       if (a.status != 0) key_.clear();
                       if (!a.ok()) {
                         busy_ = false;
                         error_ = a.error;
                         return;
                       }
                       campaign_id_ = a.value->campaign.id;
                       send_batch(b);
                     });
}

void AdminCreatePage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  label(L(lang, "新建活动", "New campaign"), theme::kTitleSize, theme::kText);
  if (!sign_in_gate(ctx, {Role::union_admin}, L(lang, "请用工会管理员账号登录。", "Sign in with a union admin account."), width))
    return;
  const float inner = width - 24;

  section_title(L(lang, "活动", "Campaign"));
  card_begin(width);
  label(L(lang, "品牌", "Brand"), theme::kCaptionSize, theme::kMuted);
  const char* brands[kBrandCount];
  for (int i = 0; i < kBrandCount; ++i) brands[i] = zh ? brand_info(static_cast<Brand>(i)).zh : brand_info(static_cast<Brand>(i)).en;
  choice_grid("##brand", brands, kBrandCount, &brand_, inner);
  field(L(lang, "活动名称", "Title (Chinese)"), "##tzh", L(lang, "如：加油惠工月", "e.g. 加油惠工月"), title_zh_, sizeof title_zh_, inner);
  field(L(lang, "英文名称（可选）", "Title (English, optional)"), "##ten", "Fuel month", title_en_, sizeof title_en_, inner);
  field_pair(L(lang, "商户编号", "Merchant id"), "##mid", "m-fuel-01", merchant_id_, sizeof merchant_id_,
             L(lang, "商户名称", "Merchant name"), "##mzh", L(lang, "如：鼓楼加油站", "e.g. 鼓楼加油站"), merchant_zh_,
             sizeof merchant_zh_, inner);
  field_pair(L(lang, "开始日期", "Starts"), "##opens", "2026-12-01", opens_, sizeof opens_, L(lang, "结束日期", "Ends"),
             "##closes", "2027-12-31", closes_, sizeof closes_, inner);
  field(L(lang, "工会补贴预算（元，可选）", "Union budget (yuan, optional)"), "##budget", "600000", budget_, sizeof budget_, inner);
  card_end(width);

  section_title(L(lang, "券与规则", "Coupon and rule"));
  card_begin(width);
  field(L(lang, "券名称（默认同活动）", "Coupon title (default: the campaign's)"), "##bzh",
        L(lang, "如：加油满200减30", "e.g. 加油满200减30"), batch_zh_, sizeof batch_zh_, inner);
  const char* kinds[] = {L(lang, "满减", "Threshold"), L(lang, "折扣", "Percent"), L(lang, "免费", "Free"),
                         L(lang, "一口价", "Fixed price")};
  choice_grid("##kind", kinds, 4, &kind_, inner);
  switch (kind_) {
    case 0:
      field_pair(L(lang, "满（元）", "Order of (yuan)"), "##thr", "200", threshold_, sizeof threshold_,
                 L(lang, "减（元）", "Off (yuan)"), "##off", "30", off_, sizeof off_, inner);
      break;
    case 1:
      field_pair(L(lang, "折扣（折）", "Rate (折)"), "##zhe", "7.5", zhe_, sizeof zhe_, L(lang, "最高减（元，可空）", "Cap (yuan)"),
                 "##cap", "15", cap_, sizeof cap_, inner);
      break;
    case 2: field(L(lang, "面值（元）", "Face value (yuan)"), "##face", "40", face_, sizeof face_, inner); break;
    default: field(L(lang, "职工支付（元）", "Worker pays (yuan)"), "##price", "100", price_, sizeof price_, inner); break;
  }
  label(L(lang, "优惠由谁承担", "Who pays the discount"), theme::kCaptionSize, theme::kMuted);
  const char* modes[] = {L(lang, "商家固定金额", "Merchant: fixed"), L(lang, "按比例分摊", "By shares")};
  choice_grid("##fund", modes, 2, &funding_mode_, inner);
  if (funding_mode_ == 0)
    field(L(lang, "商家每张承担（元），其余工会补贴", "Merchant pays per coupon (yuan); the union the rest"), "##mpart", "10",
          merchant_part_, sizeof merchant_part_, inner);
  else
    field(L(lang, "商家承担比例（%），其余工会补贴", "Merchant's share (%); the union the rest"), "##mshare", "30",
          merchant_share_, sizeof merchant_share_, inner);
  const std::string example = [&] {
    CreateCampaign cc;
    Batch b;
    if (build(ctx, cc, b) || b.items.empty()) return std::string();
    return (zh ? "示例：" : "Example: ") + rule_text(b.items.front().rule, lang);
  }();
  if (!example.empty()) label(example.c_str(), theme::kCaptionSize, theme::kPrimary);
  card_end(width);

  section_title(L(lang, "库存与领取", "Stock and claims"));
  card_begin(width);
  const char* cycles[kCycleCount];
  for (int i = 0; i < kCycleCount; ++i) {
    const CycleInfo& c = cycle_info(static_cast<Cycle>(i));
    cycles[i] = L(lang, c.refill_zh, c.refill_en);
  }
  label(L(lang, "库存周期（北京时间）", "Stock refills (CST)"), theme::kCaptionSize, theme::kMuted);
  choice_grid("##scycle", cycles, 4, &stock_cycle_, inner);
  field(L(lang, "每期库存（份）", "Stock per period"), "##stock", "20000", stock_, sizeof stock_, inner);
  label(L(lang, "开抢时间", "Claim window"), theme::kCaptionSize, theme::kMuted);
  const char* windows[] = {L(lang, "活动期间随时", "Any time in the dates"), L(lang, "每月定时开抢", "Monthly rush")};
  choice_grid("##window", windows, 2, &window_kind_, inner);
  if (window_kind_ == 1)
    field_pair(L(lang, "每月几号", "Day of month"), "##oday", "1", open_day_, sizeof open_day_, L(lang, "几点", "Time"),
               "##otime", "10:00", open_time_, sizeof open_time_, inner);
  label(L(lang, "每人限领周期", "Per-member limit period"), theme::kCaptionSize, theme::kMuted);
  choice_grid("##lcycle", cycles, 4, &limit_cycle_, inner);
  field(L(lang, "每人限领（份）", "Claims per member"), "##per", "1", per_member_, sizeof per_member_, inner);
  label(L(lang, "领取人群", "Who can claim"), theme::kCaptionSize, theme::kMuted);
  const char* groups[] = {L(lang, "全体会员", "All members"), L(lang, "新就业形态", "Gig workers"), L(lang, "青年职工", "Young workers"),
                          L(lang, "劳动模范", "Model workers")};
  toggle_grid("##groups", groups, 4, groups_, inner);
  card_end(width);

  section_title(L(lang, "有效期", "Validity"));
  card_begin(width);
  const char* validity[] = {L(lang, "固定日期", "Fixed dates"), L(lang, "领取后N天", "N days after claim")};
  choice_grid("##validity", validity, 2, &validity_kind_, inner);
  if (validity_kind_ == 1)
    field(L(lang, "有效天数（含领取当天，至23:59:59）", "Days, the claim day included, until 23:59:59"), "##days", "30", days_,
          sizeof days_, inner);
  else
    field_pair(L(lang, "起", "From"), "##vfrom", "2026-12-01", valid_from_, sizeof valid_from_, L(lang, "止", "Until"),
               "##vuntil", "2026-12-31", valid_until_, sizeof valid_until_, inner);
  card_end(width);

  if (!error_.zh.empty()) message_box(error_.message(zh).c_str(), true, width);
  if (!done_.empty()) {
    const std::string ok = std::string(zh ? "已创建，券批次 " : "Created: batch ") + done_;
    message_box(ok.c_str(), false, width);
  }
  if (busy_)
    inactive_button(L(lang, "正在创建…", "Creating…"), width);
  else if (primary_button(L(lang, "创建活动", "Create campaign"), width))
    submit(ctx);
}

}  // namespace hg::ui::coupons
