// 核销: merchant staff type or paste the member's 12-digit code (or the scanned QR text),
// enter the order amount in yuan, see the split the server computed with core's price
// engine (订单金额 / 优惠 / 商家承担 / 工会补贴 / 职工实付) and confirm. Nothing is written
// until the confirm; the confirm carries an Idempotency-Key kept for its retries, so a lost
// answer retried cannot redeem twice.
#include <imgui.h>

#include <cstring>

#include "core/money.h"
#include "ui/coupons/coupon_text.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {
constexpr const char* kQrPrefix = "HGQ1:";

// What the screen shows above the server's message for a refusal a cashier can act on.
const char* advice(const std::string& reason, Lang lang) {
  if (reason == refusal::kCodeForged) return L(lang, "券码无效，请核对后重新输入", "Not a valid code: check the digits");
  if (reason == refusal::kCodeExpired) return L(lang, "券码已过期，请职工刷新后重新出示", "Code expired: ask for a fresh one");
  if (reason == refusal::kAlreadyUsed) return L(lang, "这张券已经用过了", "This coupon was already used");
  if (reason == refusal::kExpired) return L(lang, "这张券已过有效期", "This coupon has expired");
  if (reason == refusal::kNotValidYet) return L(lang, "这张券还没到使用时间", "This coupon is not valid yet");
  if (reason == refusal::kRevoked) return L(lang, "这张券已作废", "This coupon was revoked");
  if (reason == refusal::kWrongMerchant) return L(lang, "这张券不能在本店使用", "This coupon is not for this shop");
  if (reason == refusal::kBelowThreshold) return L(lang, "订单金额未达使用门槛", "The order is below the threshold");
  return nullptr;
}

void split_rows(const PricePreview& p, float width, Lang lang) {
  amount_row(L(lang, "订单金额", "Order amount"), p.order_fen, width, theme::kText);
  amount_row(L(lang, "优惠", "Discount"), p.discount_fen, width, theme::kPrimary);
  amount_row(L(lang, "  商家承担", "  Paid by merchant"), p.merchant_fen, width, theme::kMuted);
  amount_row(L(lang, "  工会补贴", "  Paid by union"), p.union_fen, width, theme::kMuted);
  amount_row(L(lang, "职工实付", "Worker pays"), p.worker_pays_fen, width, theme::kText, true);
}

// The split must add up; a mismatch would mean client and server disagree on the rules.
bool adds_up(const PricePreview& p) {
  return p.discount_fen + p.worker_pays_fen == p.order_fen && p.merchant_fen + p.union_fen == p.discount_fen &&
         p.discount_fen >= 0 && p.worker_pays_fen >= 0;
}
}  // namespace

void RedeemPage::reset() {
  std::memset(code_, 0, sizeof code_);
  std::memset(amount_, 0, sizeof amount_);
  preview_.reset();
  done_.reset();
  error_ = Error{};
  refusal_reason_.clear();
  key_.clear();
}

bool RedeemPage::read_inputs(Lang /*lang*/) {
  error_ = Error{};
  refusal_reason_.clear();
  std::string code = code_;
  std::string trimmed = code;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\n')) trimmed.erase(trimmed.begin());
  if (trimmed.rfind(kQrPrefix, 0) == 0) trimmed = trimmed.substr(std::strlen(kQrPrefix));
  const std::optional<std::string> digits = code_digits(trimmed);
  if (!digits || digits->size() != 12) {
    error_ = make_error(Errc::invalid_input, "券码是12位数字（空格可忽略）", "The code is 12 digits (spaces are ignored)");
    return false;
  }
  const std::optional<Fen> fen = parse_yuan(amount_);
  if (!fen || *fen <= 0) {
    error_ = make_error(Errc::invalid_input, "请输入订单金额，例如 200 或 85.50",
                        "Enter the order amount in yuan, e.g. 200 or 85.50");
    return false;
  }
  sent_code_ = *digits;
  sent_fen_ = *fen;
  return true;
}

void RedeemPage::preview(UiContext& ctx) {
  if (busy_ || !read_inputs(ctx.lang)) return;
  busy_ = true;
  preview_.reset();
  key_.clear();
  RedeemRequest req{sent_code_, sent_fen_};
  // A preview writes nothing, but every POST carries a key.
  call<RedeemPreview>(s_.session,
                      post_request(std::string(kApi) + "/redeem/preview", to_json(kRedeemRequestJson, req),
                                   s_.session.new_idempotency_key()),
                      kRedeemPreviewJson, [this](Answer<RedeemPreview> a) {
                        busy_ = false;
                        if (a.ok()) {
                          preview_ = std::move(a.value);
                        } else {
                          error_ = a.error;
                          refusal_reason_ = a.refusal ? a.refusal->reason : "";
                        }
                      });
}

void RedeemPage::confirm(UiContext& /*ctx*/) {
  if (busy_ || !preview_) return;
  busy_ = true;
  if (key_.empty()) key_ = s_.session.new_idempotency_key();
  RedeemRequest req{sent_code_, sent_fen_};
  call<RedemptionResult>(s_.session,
                         post_request(std::string(kApi) + "/redeem", to_json(kRedeemRequestJson, req), key_),
                         kRedemptionResultJson, [this](Answer<RedemptionResult> a) {
                           busy_ = false;
                           if (a.status != 0) key_.clear();  // answered: a new confirm is a new request
                           if (a.ok()) {
                             done_ = std::move(a.value);
                             preview_.reset();
                             error_ = Error{};
                           } else {
                             error_ = a.error;
                             refusal_reason_ = a.refusal ? a.refusal->reason : "";
                           }
                         });
}

void RedeemPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  label(L(lang, "核销惠工券", "Redeem a coupon"), theme::kTitleSize, theme::kText);
  if (!sign_in_gate(ctx, {Role::merchant_staff},
                    L(lang, "请用商户店员账号登录后核销。", "Sign in with a merchant staff account to redeem coupons."), width))
    return;
  label(s_.session.info().display_name.c_str(), theme::kSmallSize, theme::kMuted, width);

  if (done_) {
    const PricePreview& p = done_->redemption.price;
    message_box(L(lang, "核销成功", "Redeemed"), false, width);
    card_begin(width);
    label(zh ? done_->title_zh.c_str() : done_->title_en.c_str(), theme::kBodySize, theme::kText, width - 24);
    split_rows(p, width - 24, lang);
    label(((zh ? "核销时间 " : "At ") + date_time_text(done_->redemption.redeemed_at, lang)).c_str(), theme::kCaptionSize, theme::kMuted);
    card_end(width);
    if (primary_button(L(lang, "继续核销", "Redeem another"), width)) reset();
    return;
  }

  card_begin(width);
  const float inner = width - 24;
  label(L(lang, "券码", "Coupon code"), theme::kSmallSize, theme::kMuted);
  if (text_field("##code", L(lang, "输入或粘贴12位券码", "Type or paste the 12 digits"), code_, sizeof code_, inner)) {
    preview_.reset();
    key_.clear();
  }
  if (std::optional<std::string> d = code_digits(code_); d && !d->empty())
    label(group_digits(*d).c_str(), theme::kSubtitleSize, d->size() == 12 ? theme::kText : theme::kMuted);
  ImGui::Dummy(ImVec2(0, 2));
  label(L(lang, "订单金额（元）", "Order amount (yuan)"), theme::kSmallSize, theme::kMuted);
  if (text_field("##amount", L(lang, "例如 200 或 85.50", "e.g. 200 or 85.50"), amount_, sizeof amount_, inner)) {
    preview_.reset();
    key_.clear();
  }
  ImGui::Dummy(ImVec2(0, 4));
  if (busy_ && !preview_)
    inactive_button(L(lang, "正在计算…", "Calculating…"), inner);
  else if (preview_)
    ;  // the split below has its own confirm button
  else if (primary_button(L(lang, "计算优惠", "Preview the discount"), inner))
    preview(ctx);
  card_end(width);

  if (!error_.zh.empty()) {
    if (const char* a = advice(refusal_reason_, lang)) label(a, theme::kBodySize, theme::kPrimaryDark, width);
    message_box(error_.message(zh).c_str(), true, width);
  }

  if (preview_) {
    section_title(L(lang, "优惠明细", "The split"));
    card_begin(width);
    label(zh ? preview_->title_zh.c_str() : preview_->title_en.c_str(), theme::kBodySize, theme::kText, inner);
    ImGui::Dummy(ImVec2(0, 2));
    split_rows(preview_->price, inner, lang);
    card_end(width);
    if (!adds_up(preview_->price))  // (outside the card: cards and message boxes both split the draw list)
      message_box(L(lang, "金额不一致，请勿核销并联系工会", "The figures do not add up: do not redeem, call the union"), true,
                  width);
    const std::string pay = std::string(zh ? "确认核销 · 收款 " : "Confirm · collect ") + money(preview_->price.worker_pays_fen);
    if (busy_)
      inactive_button(L(lang, "正在核销…", "Redeeming…"), width);
    else if (adds_up(preview_->price) && primary_button(pay.c_str(), width))
      confirm(ctx);
    ImGui::Dummy(ImVec2(0, 2));
    if (!busy_ && outline_button(L(lang, "修改", "Change"), width, theme::kPrimary)) {
      preview_.reset();
      key_.clear();
    }
    return;
  }
  // The shop's own line of this month's settlement (what the union owes it).
  ImGui::Dummy(ImVec2(0, 8));
  if (outline_button(L(lang, "本店月度结算", "This shop's monthly settlement"), width, theme::kPrimary))
    s_.open(Page::settlement);
}

}  // namespace hg::ui::coupons
