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

AdminCreatePage::AdminCreatePage(Shared& s) : s_(s) { start_afresh(); }

void AdminCreatePage::start_afresh() {
  // The campaign runs a year from today; fixed-date coupons are valid for 90 days.
  f_ = Form{};
  const UnixSeconds now = s_.platform.now_ms() / 1000;
  copy(f_.opens, sizeof f_.opens, iso_date(now));
  copy(f_.closes, sizeof f_.closes, iso_date(now + 365 * 86400));
  copy(f_.valid_from, sizeof f_.valid_from, iso_date(now));
  copy(f_.valid_until, sizeof f_.valid_until, iso_date(now + 90 * 86400));
  key_.clear();
  campaign_id_.clear();
  error_ = Error{};
  done_.clear();
}

void AdminCreatePage::submit(UiContext& ctx) {
  if (busy_) return;
  CreateCampaign cc;
  Batch b;
  error_ = Error{};
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
                        // The form gives way to the result, so a second tap cannot make a twin.
                        done_ = f_.title_zh;
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
  if (!done_.empty()) {
    card_begin(width);
    label(L(lang, "活动已创建", "Campaign created"), theme::kHeadingSize, theme::kOnline, inner);
    const std::string title = !zh && f_.title_en[0] ? std::string(f_.title_en) : done_;
    const std::string what = zh ? "「" + title + "」已上线，会员在惠工券的活动列表里就能看到。"
                                : "“" + title + "” is live: members see it in the coupon campaigns.";
    label(what.c_str(), theme::kBodySize, theme::kText, inner);
    card_end(width);
    if (primary_button(L(lang, "查看活动列表", "See the campaigns"), width)) s_.open(Page::campaigns);
    if (outline_button(L(lang, "再建一个活动", "Create another"), width, theme::kPrimary)) start_afresh();
    return;
  }

  section_title(L(lang, "活动", "Campaign"));
  card_begin(width);
  label(L(lang, "品牌", "Brand"), theme::kCaptionSize, theme::kMuted);
  const char* brands[kBrandCount];
  for (int i = 0; i < kBrandCount; ++i) brands[i] = zh ? brand_info(static_cast<Brand>(i)).zh : brand_info(static_cast<Brand>(i)).en;
  choice_grid("##brand", brands, kBrandCount, &f_.brand, inner);
  field(L(lang, "活动名称", "Title (Chinese)"), "##tzh", L(lang, "如：加油惠工月", "e.g. 加油惠工月"), f_.title_zh, sizeof f_.title_zh, inner);
  field(L(lang, "英文名称（可选）", "Title (English, optional)"), "##ten", "Fuel month", f_.title_en, sizeof f_.title_en, inner);
  field_pair(L(lang, "商户编号", "Merchant id"), "##mid", "m-fuel-01", f_.merchant_id, sizeof f_.merchant_id,
             L(lang, "商户名称", "Merchant name"), "##mzh", L(lang, "如：鼓楼加油站", "e.g. 鼓楼加油站"), f_.merchant_zh,
             sizeof f_.merchant_zh, inner);
  field_pair(L(lang, "开始日期", "Starts"), "##opens", "2026-12-01", f_.opens, sizeof f_.opens, L(lang, "结束日期", "Ends"),
             "##closes", "2027-12-31", f_.closes, sizeof f_.closes, inner);
  field(L(lang, "工会补贴预算（元，可选）", "Union budget (yuan, optional)"), "##budget", "600000", f_.budget, sizeof f_.budget, inner);
  card_end(width);

  section_title(L(lang, "券与规则", "Coupon and rule"));
  card_begin(width);
  field(L(lang, "券名称（默认同活动）", "Coupon title (default: the campaign's)"), "##bzh",
        L(lang, "如：加油满200减30", "e.g. 加油满200减30"), f_.batch_zh, sizeof f_.batch_zh, inner);
  const char* kinds[] = {L(lang, "满减", "Threshold"), L(lang, "折扣", "Percent"), L(lang, "免费", "Free"),
                         L(lang, "一口价", "Fixed price")};
  choice_grid("##kind", kinds, 4, &f_.kind, inner);
  switch (f_.kind) {
    case 0:
      field_pair(L(lang, "满（元）", "Order of (yuan)"), "##thr", "200", f_.threshold, sizeof f_.threshold,
                 L(lang, "减（元）", "Off (yuan)"), "##off", "30", f_.off, sizeof f_.off, inner);
      break;
    case 1:
      field_pair(L(lang, "折扣（折）", "Rate (折)"), "##zhe", "7.5", f_.zhe, sizeof f_.zhe, L(lang, "最高减（元，可空）", "Cap (yuan)"),
                 "##cap", "15", f_.cap, sizeof f_.cap, inner);
      break;
    case 2: field(L(lang, "面值（元）", "Face value (yuan)"), "##face", "40", f_.face, sizeof f_.face, inner); break;
    default: field(L(lang, "职工支付（元）", "Worker pays (yuan)"), "##price", "100", f_.price, sizeof f_.price, inner); break;
  }
  label(L(lang, "优惠由谁承担", "Who pays the discount"), theme::kCaptionSize, theme::kMuted);
  const char* modes[] = {L(lang, "商家固定金额", "Merchant: fixed"), L(lang, "按比例分摊", "By shares")};
  choice_grid("##fund", modes, 2, &f_.funding_mode, inner);
  if (f_.funding_mode == 0)
    field(L(lang, "商家每张承担（元），其余工会补贴", "Merchant pays per coupon (yuan); the union the rest"), "##mpart", "10",
          f_.merchant_part, sizeof f_.merchant_part, inner);
  else
    field(L(lang, "商家承担比例（%），其余工会补贴", "Merchant's share (%); the union the rest"), "##mshare", "30",
          f_.merchant_share, sizeof f_.merchant_share, inner);
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
  choice_grid("##scycle", cycles, 4, &f_.stock_cycle, inner);
  field(L(lang, "每期库存（份）", "Stock per period"), "##stock", "20000", f_.stock, sizeof f_.stock, inner);
  label(L(lang, "开抢时间", "Claim window"), theme::kCaptionSize, theme::kMuted);
  const char* windows[] = {L(lang, "活动期间随时", "Any time in the dates"), L(lang, "每月定时开抢", "Monthly rush")};
  choice_grid("##window", windows, 2, &f_.window_kind, inner);
  if (f_.window_kind == 1)
    field_pair(L(lang, "每月几号", "Day of month"), "##oday", "1", f_.open_day, sizeof f_.open_day, L(lang, "几点", "Time"),
               "##otime", "10:00", f_.open_time, sizeof f_.open_time, inner);
  label(L(lang, "每人限领周期", "Per-member limit period"), theme::kCaptionSize, theme::kMuted);
  choice_grid("##lcycle", cycles, 4, &f_.limit_cycle, inner);
  field(L(lang, "每人限领（份）", "Claims per member"), "##per", "1", f_.per_member, sizeof f_.per_member, inner);
  label(L(lang, "领取人群", "Who can claim"), theme::kCaptionSize, theme::kMuted);
  const char* groups[] = {L(lang, "全体会员", "All members"), L(lang, "新就业形态", "Gig workers"), L(lang, "青年职工", "Young workers"),
                          L(lang, "劳动模范", "Model workers")};
  toggle_grid("##groups", groups, 4, f_.groups, inner);
  card_end(width);

  section_title(L(lang, "有效期", "Validity"));
  card_begin(width);
  const char* validity[] = {L(lang, "固定日期", "Fixed dates"), L(lang, "领取后N天", "N days after claim")};
  choice_grid("##validity", validity, 2, &f_.validity_kind, inner);
  if (f_.validity_kind == 1)
    field(L(lang, "有效天数（含领取当天，至23:59:59）", "Days, the claim day included, until 23:59:59"), "##days", "30", f_.days,
          sizeof f_.days, inner);
  else
    field_pair(L(lang, "起", "From"), "##vfrom", "2026-12-01", f_.valid_from, sizeof f_.valid_from, L(lang, "止", "Until"),
               "##vuntil", "2026-12-31", f_.valid_until, sizeof f_.valid_until, inner);
  card_end(width);

  if (!error_.zh.empty()) message_box(error_.message(zh).c_str(), true, width);
  if (busy_)
    inactive_button(L(lang, "正在创建…", "Creating…"), width);
  else if (primary_button(L(lang, "创建活动", "Create campaign"), width))
    submit(ctx);
}

}  // namespace hg::ui::coupons
