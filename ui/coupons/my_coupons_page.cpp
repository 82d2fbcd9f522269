// 我的券: the member's coupons in three tabs (valid, used, expired). A valid coupon opens
// its QR page; the list is fetched when shown and after every claim, and kept on the device:
// with no signal the page shows the copy, its age, and states as of now (the server's time
// as last seen).
#include <imgui.h>

#include <cstdio>

#include "core/models/brand.h"
#include "ui/coupons/coupon_text.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/offline_note.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {
int tab_of(const std::string& state) {
  if (state == coupon_state::kValid || state == coupon_state::kNotValidYet) return 0;
  if (state == coupon_state::kUsed) return 1;
  return 2;  // expired, revoked
}

const char* state_text(const std::string& state, Lang lang) {
  if (state == coupon_state::kValid) return L(lang, "可使用", "Valid");
  if (state == coupon_state::kNotValidYet) return L(lang, "未到使用时间", "Not valid yet");
  if (state == coupon_state::kUsed) return L(lang, "已使用", "Used");
  if (state == coupon_state::kRevoked) return L(lang, "已作废", "Revoked");
  return L(lang, "已过期", "Expired");
}
}  // namespace

void MyCouponsPage::fetch(const UiContext& ctx) {
  mine_.start(ctx);
  // The device's copy (shown until the answer comes, or for good with no signal) says what
  // the server's time was when it was fetched.
  if (mine_ && !s_.clock.known()) s_.clock.sync(mine_->server_now, mine_.saved_ms());
  s_.mine_stale = false;
  call<MyCoupons>(s_.session, get_request(std::string(kApi) + "/mine"), kMyCouponsJson,
                  [this](Answer<MyCoupons> a) { keep_list_answer(s_, a, mine_); });
}

void MyCouponsPage::tick(const UiContext& ctx, bool visible) {
  if (!visible || mine_.loading() || !s_.session.is(Role::member)) return;
  if (mine_.due(ctx) || s_.mine_stale) fetch(ctx);
}

void MyCouponsPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  label(L(lang, "我的惠工券", "My coupons"), theme::kTitleSize, theme::kText);
  if (!sign_in_gate(ctx, {Role::member},
                    L(lang, "登录会员账号后查看你领到的券。", "Sign in with your member account to see your coupons."), width))
    return;
  const char* nothing_kept = L(lang, "网络不可用，手机上还没有你的券。连接后会自动刷新。",
                               "Offline, and your coupons are not on this device yet. They will load when connected.");
  if (!mine_) {
    // No list yet: no counts to show (a "0" would say the member has none).
    if (mine_.offline()) {
      offline_note(ctx, true, 0, nothing_kept, width);
      if (!mine_.loading() && primary_button(tr(S::retry, lang), width)) fetch(ctx);
    } else if (first_answer_pending(mine_.error(), lang, width)) {
      fetch(ctx);
    }
    return;
  }
  const UnixSeconds now = s_.clock.now(ctx.now_ms);
  int counts[3] = {0, 0, 0};
  for (const CouponView& cv : mine_->coupons) ++counts[tab_of(state_at(cv, now))];
  char t0[48], t1[48], t2[48];
  std::snprintf(t0, sizeof t0, zh ? "可使用 %d" : "Valid %d", counts[0]);
  std::snprintf(t1, sizeof t1, zh ? "已使用 %d" : "Used %d", counts[1]);
  std::snprintf(t2, sizeof t2, zh ? "已过期 %d" : "Expired %d", counts[2]);
  const char* names[3] = {t0, t1, t2};
  tabs("##mine_tabs", names, 3, &tab_, width);
  ImGui::Dummy(ImVec2(0, 4));
  offline_note(ctx, mine_.offline(), mine_.saved_ms(), nothing_kept, width);
  if (mine_.failed() && !mine_.offline()) message_box(mine_.error().message(zh).c_str(), true, width);

  int shown = 0;
  for (const CouponView& cv : mine_->coupons) {
    const std::string state = state_at(cv, now);
    if (tab_of(state) != tab_) continue;
    ++shown;
    ImGui::PushID(cv.coupon.id.c_str());
    const bool valid = state == coupon_state::kValid;
    card_begin(width);
    const float inner = width - 24;
    chip(zh ? brand_info(cv.brand).zh : brand_info(cv.brand).en, theme::brand_color(cv.brand));
    ImGui::SameLine(0, 8);
    chip(state_text(state, lang), valid ? theme::kOnline : theme::kMuted);
    label(zh ? cv.item.title_zh.c_str() : cv.item.title_en.c_str(), theme::kCardTitleSize, valid ? theme::kText : theme::kMuted, inner);
    label(rule_text(cv.item.rule, lang).c_str(), theme::kRowSize, valid ? theme::kPrimary : theme::kMuted);
    std::string where;
    for (const Merchant& m : cv.merchants) {
      if (!where.empty()) where += zh ? "、" : ", ";
      where += zh ? m.name_zh : m.name_en;
    }
    if (!where.empty()) label(((zh ? "可用门店：" : "Use at: ") + where).c_str(), theme::kCaptionSize, theme::kMuted, inner);
    if (state == coupon_state::kUsed && cv.coupon.redeemed_at > 0)
      label(((zh ? "使用于 " : "Used on ") + date_time_text(cv.coupon.redeemed_at, lang)).c_str(), theme::kCaptionSize, theme::kMuted);
    else
      label(((zh ? "有效期至 " : "Valid until ") + full_date_time(cv.coupon.valid_until, lang)).c_str(), theme::kCaptionSize, theme::kMuted);
    if (valid) {
      ImGui::Dummy(ImVec2(0, 2));
      const std::string text = std::string(L(lang, "出示券码", "Show code")) + "##" + cv.coupon.id;
      if (primary_button(text.c_str(), inner)) {
        s_.shown = cv;
        s_.open(Page::qr);
      }
    }
    card_end(width);
    ImGui::PopID();
  }
  if (shown == 0) {
    card_begin(width);
    label(tab_ == 0 ? L(lang, "还没有可用的券，去活动页领一张吧。", "No coupons to use yet. Claim one from the campaigns.")
                    : L(lang, "这里还没有券。", "Nothing here yet."),
          theme::kRowSize, theme::kMuted, width - 24);
    card_end(width);
    if (tab_ == 0 && primary_button(L(lang, "去领券", "Find coupons"), width)) s_.open(Page::campaigns);
  }
}

}  // namespace hg::ui::coupons
