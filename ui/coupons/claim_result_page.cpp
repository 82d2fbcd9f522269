// Sending a claim, and the page that says how it went: got it (with the coupons), sold
// out, limit reached, not eligible, not open yet (with a countdown), or — signed out — a
// prompt to sign in. A lost answer offers a retry with the same Idempotency-Key.
#include <imgui.h>

#include "ui/coupons/coupon_text.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

void start_claim(Shared& s, const Batch& batch) {
  if (s.flight.in_flight) return;  // a double tap: the first claim is still on its way
  // Same batch with a key whose claim got no answer: that key again, so the server returns
  // the first answer if the claim did arrive. Otherwise a fresh key.
  if (s.flight.batch.id != batch.id || s.flight.key.empty()) s.flight = ClaimFlight{batch, {}, false};
  send_claim(s);
}

void send_claim(Shared& s) {
  ClaimFlight& f = s.flight;
  if (f.in_flight) return;
  s.outcome = ClaimOutcome{f.batch, std::nullopt, std::nullopt, Error{}};
  if (!s.session.signed_in()) {
    s.outcome.error = make_error(Errc::unauthorized, "登录后才能领券", "Sign in to claim coupons");
    s.open(Page::claim_result);
    return;
  }
  if (!s.session.is(Role::member)) {
    s.outcome.error = make_error(Errc::forbidden, "只有工会会员可以领券；当前登录的是员工账号",
                                 "Only union members can claim coupons; this is a staff account");
    s.open(Page::claim_result);
    return;
  }
  if (f.key.empty()) f.key = s.session.new_idempotency_key();
  f.in_flight = true;
  ClaimRequest req{f.batch.id};
  call<ClaimResult>(s.session, post_request(std::string(kApi) + "/claim", to_json(kClaimRequestJson, req), f.key),
                    kClaimResultJson, [&s](Answer<ClaimResult> a) {
                      s.flight.in_flight = false;
                      // Answered (either way): the next tap is a new claim with a new key.
                      // No answer: keep the key for the retry button.
                      if (a.status != 0) s.flight.key.clear();
                      s.outcome.result = std::move(a.value);
                      s.outcome.refusal = a.refusal;
                      s.outcome.error = a.error;
                      s.mine_stale = true;
                      s.campaigns_stale = true;
                      s.open(Page::claim_result);
                    });
}

namespace {
struct Look {
  const char* glyph;
  ImU32 color;
  const char* zh;
  const char* en;
};

// Whether two messages say the same, ignoring a closing full stop or exclamation mark.
bool same_words(std::string a, std::string b) {
  for (std::string* s : {&a, &b})
    for (const char* end : {"。", "！", ".", "!"}) {
      const std::string e(end);
      if (s->size() >= e.size() && s->compare(s->size() - e.size(), e.size(), e) == 0) s->resize(s->size() - e.size());
    }
  return a == b;
}

Look look_of(const ClaimOutcome& o) {
  if (o.result) return {"券", theme::kOnline, "领取成功", "You got it"};
  if (o.error.code == Errc::unauthorized && !o.refusal) return {"登", theme::kPrimary, "请先登录", "Please sign in"};
  const std::string r = o.refusal ? o.refusal->reason : "";
  if (r == refusal::kSoldOut) return {"空", theme::kMuted, "已抢光", "Sold out"};
  if (r == refusal::kLimitReached) return {"限", theme::kWarning, "已达领取上限", "Limit reached"};
  if (r == refusal::kNotEligible) return {"限", theme::kWarning, "不符合领取条件", "Not eligible"};
  if (r == refusal::kNotOpenYet) return {"时", theme::kWarning, "还没开抢", "Not open yet"};
  if (r == refusal::kClosed) return {"时", theme::kMuted, "活动已结束", "Closed"};
  if (r == refusal::kByLottery) return {"签", theme::kWarning, "抽签发放", "By lottery"};
  return {"!", theme::kPrimaryDark, "没有领到", "Not claimed"};
}
}  // namespace

void ClaimResultPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  const ClaimOutcome& o = s_.outcome;

  if (s_.flight.in_flight) {
    ImGui::Dummy(ImVec2(0, 40));
    centred_label(L(lang, "正在领取…", "Claiming…"), theme::kTitleSize, theme::kMuted, width);
    return;
  }
  const Look look = look_of(o);
  ImGui::Dummy(ImVec2(0, 16));
  {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + width * 0.5f, p.y + 36);
    dl->AddCircleFilled(c, 36, look.color, 48);
    ImFont* font = ImGui::GetFont();
    const ImVec2 gs = font->CalcTextSizeA(theme::kResultGlyphSize, FLT_MAX, 0, look.glyph);
    dl->AddText(font, theme::kResultGlyphSize, ImVec2(c.x - gs.x * 0.5f, c.y - gs.y * 0.5f), theme::kOnPrimary, look.glyph);
    ImGui::Dummy(ImVec2(width, 80));
  }
  centred_label(zh ? look.zh : look.en, theme::kTitleSize, theme::kText, width);
  const std::string& title = zh ? o.batch.title_zh : o.batch.title_en;
  if (!title.empty()) centred_label(title.c_str(), theme::kRowSize, theme::kMuted, width);
  ImGui::Dummy(ImVec2(0, 8));

  if (o.result) {
    for (const Coupon& c : o.result->coupons) {
      const size_t i = static_cast<size_t>(c.item_index);
      if (i >= o.batch.items.size()) continue;
      const CouponItem& item = o.batch.items[i];
      card_begin(width);
      // A one-item batch's coupon is named like the batch, already shown above.
      const std::string& item_title = zh ? item.title_zh : item.title_en;
      if (item_title != title) label(item_title.c_str(), theme::kBodySize, theme::kText, width - 24);
      label(rule_text(item.rule, lang).c_str(), theme::kSmallSize, theme::kPrimary);
      const std::string until = std::string(zh ? "有效期至 " : "Valid until ") + full_date_time(c.valid_until, lang);
      label(until.c_str(), theme::kCaptionSize, theme::kMuted);
      card_end(width);
    }
    if (primary_button(L(lang, "去我的券出示", "Show it from My coupons"), width)) {
      s_.mine_stale = true;
      s_.open(Page::mine);
    }
    ImGui::Dummy(ImVec2(0, 2));
    if (outline_button(L(lang, "继续逛逛", "Back to campaigns"), width, theme::kPrimary)) s_.open(Page::campaigns);
    return;
  }

  if (o.error.code == Errc::unauthorized && !o.refusal && ctx.session.is(Role::member)) {
    // Back from signing in (the app returns here): the claim can go now.
    message_box(L(lang, "已登录，可以领取了。", "Signed in: you can claim it now."), false, width);
    if (primary_button(L(lang, "立即领取", "Claim now"), width)) start_claim(s_, o.batch);
    ImGui::Dummy(ImVec2(0, 2));
    if (outline_button(L(lang, "返回活动", "Back to campaigns"), width, theme::kPrimary)) s_.open(Page::campaigns);
    return;
  }
  if (o.error.code == Errc::unauthorized && !o.refusal &&
      !sign_in_gate(ctx, {Role::member},
                    L(lang, "惠工券只发给工会会员。请用会员号登录后再领取，演示账号 m001，密码 huigong123。",
                      "Coupons are for union members. Sign in with your member account, then claim again (demo: m001 / huigong123)."),
                    width)) {
    ImGui::Dummy(ImVec2(0, 2));
    if (outline_button(L(lang, "返回活动", "Back to campaigns"), width, theme::kPrimary)) s_.open(Page::campaigns);
    return;
  }

  // A refusal or an error: the server's own words, unless they only repeat the heading.
  if (!same_words(o.error.message(zh), zh ? look.zh : look.en)) message_box(o.error.message(zh).c_str(), true, width);
  if (o.refusal && o.refusal->reason == refusal::kNotOpenYet && o.refusal->next_open > 0) {
    const std::int64_t left = s_.clock.until(o.refusal->next_open, s_.platform.now_ms());
    const std::string t = std::string(zh ? "距开抢 " : "Opens in ") + countdown_text(left, lang);
    centred_label(t.c_str(), theme::kTitleSize, theme::kPrimary, width);
  }
  if (o.refusal && o.refusal->reason == refusal::kLimitReached) {
    if (primary_button(L(lang, "查看我的券", "See my coupons"), width)) {
      s_.mine_stale = true;
      s_.open(Page::mine);
    }
    ImGui::Dummy(ImVec2(0, 2));
  }
  if (!o.refusal && !s_.flight.key.empty()) {
    // No answer at all: the claim may or may not have arrived. Same key, so at most one coupon.
    if (primary_button(L(lang, "重试", "Retry"), width)) send_claim(s_);
    ImGui::Dummy(ImVec2(0, 2));
  }
  if (outline_button(L(lang, "返回活动", "Back to campaigns"), width, theme::kPrimary)) s_.open(Page::campaigns);
}

}  // namespace hg::ui::coupons
