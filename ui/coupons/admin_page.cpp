// 活动与结算 (union admin): for the CST month settlement shows (Shared::month), each
// campaign's and batch's claims, redemptions and union subsidy, the same figures settlement
// adds up; each batch's stock in its stock period now; each campaign's budget over its whole
// run. Every figure says which of the three periods it covers (core/coupons/wire.h).
// Links to create a campaign and to settle the month.
#include <imgui.h>

#include <cstdio>

#include "core/coupons/schedule.h"
#include "core/models/brand.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {

// "当前库存·本月(2026-12) 剩余 120/200" — the stock period in words, its key only where it
// has one (a once batch's whole run has none).
std::string stock_line(const DashboardRow& r, Lang lang) {
  const CycleInfo& c = cycle_info(r.stock_cycle);
  std::string period = L(lang, c.period_zh, c.period_en);
  if (r.stock_cycle != Cycle::once) period += L(lang, "(", " (") + r.period_key + ")";
  const std::string left = count(r.remaining) + "/" + count(r.stock);
  return lang == Lang::zh ? "当前库存·" + period + " 剩余 " + left : "Stock now, " + period + ": " + left + " left";
}

// "2026-11：领 12 · 核销 9 · 退款 1" — the month's figures.
std::string month_line(const DashboardRow& r, const std::string& month, Lang lang) {
  char line[200];
  if (lang == Lang::zh)
    std::snprintf(line, sizeof line, "%s：领 %s · 核销 %s · 退款 %s", month.c_str(), count(r.claimed).c_str(),
                  count(r.redeemed).c_str(), count(r.refunds).c_str());
  else
    std::snprintf(line, sizeof line, "%s: %s claimed · %s redeemed · %s refunded", month.c_str(), count(r.claimed).c_str(),
                  count(r.redeemed).c_str(), count(r.refunds).c_str());
  return line;
}

}  // namespace

void AdminPage::tick(const UiContext& ctx, bool visible) {
  if (!visible || !s_.session.is(Role::union_admin)) return;
  const YearMonth month = shown_month(s_, ctx);
  if (!month_ || !(*month_ == month)) show_month(ctx, month);
  else if (!dash_.loading() && (dash_.due(ctx) || s_.campaigns_stale)) fetch(ctx);
}

// Another month: the last one's figures and any fetch still in flight for it are dropped.
void AdminPage::show_month(const UiContext& ctx, YearMonth month) {
  month_ = month;
  dash_.drop();
  dash_.clear();
  fetch(ctx);
}

void AdminPage::fetch(const UiContext& ctx) {
  dash_.start(ctx);
  const YearMonth month = *month_;
  call<Dashboard>(s_.session, get_request(std::string(kApi) + "/dashboard?month=" + month_key(month)), kDashboardJson,
                  [this, month](Answer<Dashboard> a) {
                    if (!month_ || !(*month_ == month)) return;  // an older month's answer
                    keep_list_answer(s_, a, dash_);
                  });
}

void AdminPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  label(L(lang, "活动与结算", "Campaigns and settlement"), theme::kTitleSize, theme::kText);
  if (!sign_in_gate(ctx, {Role::union_admin}, L(lang, "请用工会管理员账号登录。", "Sign in with a union admin account."), width)) return;
  const float half = (width - theme::kGap) * 0.5f;
  if (primary_button(L(lang, "新建活动", "New campaign"), half)) s_.open(Page::admin_create);
  ImGui::SameLine(0, theme::kGap);
  if (outline_button(L(lang, "月度结算", "Monthly settlement"), half, theme::kPrimary)) s_.open(Page::settlement);
  if (!month_ || !s_.month) {
    label(tr(S::loading, lang), theme::kBodySize, theme::kMuted);
    return;
  }
  if (month_switcher(*s_.month, lang, width)) show_month(ctx, *s_.month);

  if (dash_.failed()) message_box(dash_.error().message(zh).c_str(), true, width);
  if (!dash_) {
    if (!dash_.failed()) label(tr(S::loading, lang), theme::kBodySize, theme::kMuted);
    return;
  }
  const std::string& month = dash_->month;
  section_title(L(lang, "活动概况", "Campaigns"));
  const std::string scope = zh ? "领取、核销和补贴按 " + month + " 整月计，与该月结算一致；预算按活动全程计。"
                               : "Claims, redemptions and subsidy are for all of " + month +
                                     ", as that month's settlement counts them; budgets are for the whole campaign.";
  label(scope.c_str(), theme::kCaptionSize, theme::kMuted, width);
  const std::string claimed_key = zh ? month + " 领取" : "Claimed in " + month;
  const std::string redeemed_key = zh ? month + " 核销" : "Redeemed in " + month;
  const std::string subsidy_key = zh ? month + " 工会补贴(净额)" : "Union subsidy in " + month + " (net)";
  for (const DashboardCampaign& c : dash_->campaigns) {
    ImGui::PushID(c.campaign_id.c_str());
    card_begin(width);
    const float inner = width - 24;
    chip(zh ? brand_info(c.brand).zh : brand_info(c.brand).en, theme::brand_color(c.brand));
    label(zh ? c.title_zh.c_str() : c.title_en.c_str(), theme::kCardTitleSize, theme::kText, inner);
    key_value(claimed_key.c_str(), count(c.claimed).c_str(), inner);
    key_value(redeemed_key.c_str(), count(c.redeemed).c_str(), inner);
    key_value(subsidy_key.c_str(), money(c.union_spent_fen).c_str(), inner);
    if (c.union_budget_fen > 0) {
      key_value(L(lang, "活动全程预算", "Budget, whole campaign"), money(c.union_budget_fen).c_str(), inner);
      key_value(L(lang, "活动全程已补贴", "Spent, whole campaign"), money(c.union_spent_total_fen).c_str(), inner);
      key_value(L(lang, "活动全程预算剩余", "Budget left, whole campaign"), money(c.budget_left_fen).c_str(), inner);
      stock_bar(static_cast<float>(c.union_spent_total_fen) / static_cast<float>(c.union_budget_fen), inner,
                c.budget_left_fen < 0 ? theme::kPrimaryDark : theme::kOnline);
    }
    // The campaign's batches.
    for (const DashboardRow& r : dash_->batches) {
      if (r.campaign_id != c.campaign_id) continue;
      ImGui::Dummy(ImVec2(0, 2));
      label(zh ? r.title_zh.c_str() : r.title_en.c_str(), theme::kRowSize, theme::kText, inner);
      label(month_line(r, month, lang).c_str(), theme::kCaptionSize, theme::kMuted, inner);
      label(stock_line(r, lang).c_str(), theme::kCaptionSize, theme::kMuted, inner);
      stock_bar(r.stock > 0 ? static_cast<float>(r.remaining) / static_cast<float>(r.stock) : 0.0f, inner,
                theme::brand_color(r.brand));
    }
    card_end(width);
    ImGui::PopID();
  }
  if (dash_->campaigns.empty()) label(L(lang, "还没有活动。", "No campaigns yet."), theme::kRowSize, theme::kMuted);
}

}  // namespace hg::ui::coupons
