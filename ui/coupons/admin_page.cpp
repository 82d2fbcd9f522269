// 活动与结算 (union admin): each campaign's claims, redemptions and subsidy against its
// budget, each batch's stock this period; links to create a campaign and to settle a month.
#include <imgui.h>

#include <cstdio>

#include "core/models/brand.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

void AdminPage::tick(const UiContext& ctx, bool visible) {
  if (!visible || !s_.session.is(Role::union_admin) || dash_.loading()) return;
  if (!dash_.due(ctx) && !s_.campaigns_stale) return;
  dash_.start(ctx);
  call<Dashboard>(s_.session, get_request(std::string(kApi) + "/dashboard"), kDashboardJson,
                  [this](Answer<Dashboard> a) { keep_list_answer(s_, a, dash_); });
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

  if (dash_.failed()) message_box(dash_.error().message(zh).c_str(), true, width);
  if (!dash_) {
    if (!dash_.failed()) label(tr(S::loading, lang), theme::kBodySize, theme::kMuted);
    return;
  }
  section_title(L(lang, "活动概况", "Campaigns"));
  for (const DashboardCampaign& c : dash_->campaigns) {
    ImGui::PushID(c.campaign_id.c_str());
    card_begin(width);
    const float inner = width - 24;
    chip(zh ? brand_info(c.brand).zh : brand_info(c.brand).en, theme::brand_color(c.brand));
    label(zh ? c.title_zh.c_str() : c.title_en.c_str(), theme::kCardTitleSize, theme::kText, inner);
    key_value(L(lang, "已领取", "Claimed"), count(c.claimed).c_str(), inner);
    key_value(L(lang, "已核销", "Redeemed"), count(c.redeemed).c_str(), inner);
    key_value(L(lang, "工会已补贴", "Union subsidy spent"), money(c.union_spent_fen).c_str(), inner);
    if (c.union_budget_fen > 0) {
      key_value(L(lang, "预算", "Budget"), money(c.union_budget_fen).c_str(), inner);
      key_value(L(lang, "预算剩余", "Budget left"), money(c.budget_left_fen).c_str(), inner);
      stock_bar(static_cast<float>(c.union_spent_fen) / static_cast<float>(c.union_budget_fen), inner,
                c.budget_left_fen < 0 ? theme::kPrimaryDark : theme::kOnline);
    }
    // The campaign's batches.
    for (const DashboardRow& r : dash_->batches) {
      if (r.campaign_id != c.campaign_id) continue;
      ImGui::Dummy(ImVec2(0, 2));
      label(zh ? r.title_zh.c_str() : r.title_en.c_str(), theme::kRowSize, theme::kText, inner);
      char line[160];
      std::snprintf(line, sizeof line, zh ? "本期(%s) 剩余 %s/%s · 领 %s · 核销 %s" : "%s: %s/%s left · %s claimed · %s used",
                    r.period_key.c_str(), count(r.remaining).c_str(), count(r.stock).c_str(), count(r.claimed).c_str(),
                    count(r.redeemed).c_str());
      label(line, theme::kCaptionSize, theme::kMuted, inner);
      stock_bar(r.stock > 0 ? static_cast<float>(r.remaining) / static_cast<float>(r.stock) : 0.0f, inner,
                theme::brand_color(r.brand));
    }
    card_end(width);
    ImGui::PopID();
  }
  if (dash_->campaigns.empty()) label(L(lang, "还没有活动。", "No campaigns yet."), theme::kRowSize, theme::kMuted);
}

}  // namespace hg::ui::coupons
