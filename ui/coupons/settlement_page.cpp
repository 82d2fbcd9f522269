// 月度结算: for one CST month, what each merchant gave up and what the union owes it, from
// the server's settlement (core settle_month over the redemption ledger), with the totals.
// Union admins see every merchant; merchant staff their own line. The month is the one the
// dashboard shows (Shared::month).
#include <imgui.h>

#include <cstdio>

#include "core/cst_time.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {
void line_rows(const SettlementLine& l, float width, Lang lang) {
  char n[64];
  std::snprintf(n, sizeof n, lang == Lang::zh ? "%lld 笔核销 · %lld 笔退款" : "%lld redemptions · %lld refunds",
                static_cast<long long>(l.redemptions), static_cast<long long>(l.refunds));
  label(n, theme::kCaptionSize, theme::kMuted);
  amount_row(L(lang, "订单金额", "Orders"), l.order_fen, width, theme::kText);
  amount_row(L(lang, "优惠合计", "Discounts"), l.discount_fen, width, theme::kPrimary);
  amount_row(L(lang, "职工实付", "Workers paid"), l.worker_paid_fen, width, theme::kText);
  if (l.refunds > 0) amount_row(L(lang, "退款冲回", "Refunded"), l.refunded_order_fen, width, theme::kMuted);
  amount_row(L(lang, "商家承担", "Merchant gave"), l.merchant_net_fen, width, theme::kMuted);
  amount_row(L(lang, "工会应付商家", "Union owes"), l.union_net_fen, width, theme::kText, true);
}
}  // namespace

YearMonth shown_month(Shared& s, const UiContext& ctx) {
  if (!s.month) s.month = month_of(s.clock.known() ? s.clock.now(ctx.now_ms) : ctx.now_ms / 1000);
  return *s.month;
}

void SettlementPage::tick(const UiContext& ctx, bool visible) {
  if (!visible || !(s_.session.is(Role::union_admin) || s_.session.is(Role::merchant_staff))) return;
  const YearMonth month = shown_month(s_, ctx);
  if (!month_ || !(*month_ == month)) show_month(ctx, month);
  else if (settlement_.due(ctx)) fetch(ctx);
}

// Another month: the last one's figures and any fetch still in flight for it are dropped.
void SettlementPage::show_month(const UiContext& ctx, YearMonth month) {
  month_ = month;
  settlement_.drop();
  settlement_.clear();
  fetch(ctx);
}

void SettlementPage::fetch(const UiContext& ctx) {
  settlement_.start(ctx);
  const YearMonth month = *month_;
  call<Settlement>(s_.session, get_request(std::string(kApi) + "/settlement?month=" + month_key(month)), kSettlementJson,
                   [this, month](Answer<Settlement> a) {
                     if (!month_ || !(*month_ == month)) return;  // an older month's answer
                     settlement_.keep(a);
                   });
}

void SettlementPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  label(L(lang, "月度结算", "Monthly settlement"), theme::kTitleSize, theme::kText);
  if (!sign_in_gate(ctx, {Role::union_admin, Role::merchant_staff}, L(lang, "请用工会管理员或商户账号登录。", "Sign in as union admin or merchant staff."), width)) return;
  if (!month_ || !s_.month) {
    label(tr(S::loading, lang), theme::kBodySize, theme::kMuted);
    return;
  }
  if (month_switcher(*s_.month, lang, width)) show_month(ctx, *s_.month);

  if (settlement_.failed()) message_box(settlement_.error().message(zh).c_str(), true, width);
  if (!settlement_) {
    if (!settlement_.failed()) label(tr(S::loading, lang), theme::kBodySize, theme::kMuted);
    return;
  }
  const float inner = width - 24;
  const std::string total = zh ? month_key(*month_) + " 全月合计" : "Total for " + month_key(*month_);
  section_title(total.c_str());
  card_begin(width);
  line_rows(settlement_->total, inner, lang);
  card_end(width);
  section_title(L(lang, "按商户", "By merchant"));
  if (settlement_->lines.empty()) label(L(lang, "该月没有核销记录。", "No redemptions in this month."), theme::kRowSize, theme::kMuted);
  for (const SettlementLine& l : settlement_->lines) {
    ImGui::PushID(l.merchant_id.c_str());
    card_begin(width);
    label(l.merchant_name.c_str(), theme::kBodySize, theme::kText, inner);
    line_rows(l, inner, lang);
    card_end(width);
    ImGui::PopID();
  }
}

}  // namespace hg::ui::coupons
