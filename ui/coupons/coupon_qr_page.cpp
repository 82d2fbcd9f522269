// One coupon, ready to show at the counter: a QR code big enough for a scanner across the
// counter (at least 240 px on a phone, black on white with its quiet zone), the 12-digit
// code in large digits (4-4-4) for staff who type it, and a countdown to the next code:
// codes are short-lived and signed, so a screenshot passed around stops working. The code
// is made on the device from the coupon's key at the server's time (core/coupons/code.h),
// so it shows at a pump with no signal; the server is still asked once a window, to learn
// when the coupon was used.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/coupons/code.h"
#include "core/models/brand.h"
#include "ui/coupons/coupon_text.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {
constexpr std::int64_t kRetryMs = 10000;
// A device clock further than this from the server's, as last seen, is worth a word: the
// code follows the server's time, but the member may wonder why the phone's clock differs.
constexpr std::int64_t kClockWarnMs = 2 * 60 * 1000;
}

void CouponQrPage::refresh(const UiContext& ctx) {
  if (!s_.shown || code_.loading()) return;
  code_.start(ctx);
  const std::string id = s_.shown->coupon.id;
  call<CouponCode>(s_.session, get_request(std::string(kApi) + "/" + id + "/code"), kCouponCodeJson,
                   [this, id](Answer<CouponCode> a) {
                     if (code_for_ != id) return;  // another coupon was shown meanwhile (tick dropped this fetch)
                     offline_ = !a.ok() && a.status == 0;
                     code_.keep(a);
                     if (a.ok() && s_.shown && s_.shown->coupon.id == id) s_.shown->code = *code_;
                     // Used or expired meanwhile: the list must say so too.
                     if (a.refusal) s_.mine_stale = true;
                   });
}

void CouponQrPage::tick(const UiContext& ctx, bool visible) {
  if (!visible || !s_.shown) return;
  if (s_.shown->coupon.id != code_for_) {  // another coupon: its own code, its own errors
    code_.drop();
    code_.clear();
    code_for_ = s_.shown->coupon.id;
  }
  const UnixSeconds now = s_.clock.now(ctx.now_ms);
  if (code_.loading() || state_at(*s_.shown, now) != std::string(coupon_state::kValid)) return;
  if (code_.failed() && ctx.now_ms - code_.fetched_ms() < kRetryMs) return;
  const CouponCode& c = s_.shown->code;
  const bool due = c.code.empty() || !s_.clock.known() || now >= c.refresh_after;
  if (due) refresh(ctx);
}

void CouponQrPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  if (!s_.shown) {
    s_.open(Page::mine);
    return;
  }
  const CouponView& cv = *s_.shown;
  const UnixSeconds now = s_.clock.now(ctx.now_ms);
  card_begin(width);
  const float inner = width - 24;
  chip(zh ? brand_info(cv.brand).zh : brand_info(cv.brand).en, theme::brand_color(cv.brand));
  label(zh ? cv.item.title_zh.c_str() : cv.item.title_en.c_str(), theme::kHeadingSize, theme::kText, inner);
  label(rule_text(cv.item.rule, lang).c_str(), theme::kBodySize, theme::kPrimary);
  label(((zh ? "有效期至 " : "Valid until ") + full_date_time(cv.coupon.valid_until, lang)).c_str(), theme::kCaptionSize, theme::kMuted);
  card_end(width);

  if (state_at(cv, now) != std::string(coupon_state::kValid)) {
    message_box(L(lang, "这张券现在不能使用。", "This coupon cannot be used now."), true, width);
    return;
  }

  // The code of this window, made here from the coupon's key; without a key, the server's.
  const std::optional<CouponCode> made = device_code(cv.code, cv.coupon, now);
  const CouponCode& code = made ? *made : cv.code;
  const bool live = made || (!code.code.empty() && (!s_.clock.known() || now < code.expires_at));
  // The white panel the code sits on: as wide as the column allows, up to 320 px.
  const float side = std::min(width, 320.0f);
  const float x0 = ImGui::GetCursorPosX() + (width - side) * 0.5f;
  ImGui::SetCursorPosX(x0);
  if (live) {
    qr_.draw(code.qr_payload.empty() ? code.code : code.qr_payload, side);
    ImGui::Dummy(ImVec2(0, 4));
    // Large digits in groups of four: read aloud or typed without losing the place.
    centred_label(group_digits(code.code).c_str(), theme::kCodeSize, theme::kText, width);
    if (s_.clock.known()) {
      const std::int64_t left = std::max<std::int64_t>(0, code.refresh_after - now);
      const std::string t = zh ? mm_ss(left) + " 后刷新" : "Refreshes in " + mm_ss(left);
      centred_label(t.c_str(), theme::kCaptionSize, theme::kMuted, width);
    }
  } else {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + side, p.y + side), theme::kCard, 8.0f);
    ImGui::Dummy(ImVec2(side, side * 0.4f));
    centred_label(code_.loading() ? L(lang, "正在获取券码…", "Getting a fresh code…") : L(lang, "券码已过期", "The code has expired"),
                  theme::kBodySize, theme::kMuted, width);
    ImGui::Dummy(ImVec2(side, side * 0.5f));
  }
  if (code_.failed() && !(offline_ && made)) {
    message_box(code_.error().message(zh).c_str(), true, width);
    if (primary_button(L(lang, "重新获取券码", "Get a new code"), width)) refresh(ctx);
  }
  if (made && s_.clock.known() && std::llabs(s_.clock.offset_ms()) > kClockWarnMs) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  L(lang, "手机时间与服务器相差约 %lld 分钟，券码已按服务器时间生成。",
                    "This phone's clock is about %lld minutes off the server's; the code follows the server's time."),
                  static_cast<long long>((std::llabs(s_.clock.offset_ms()) + 30000) / 60000));
    note_box(buf, width);
  }
  ImGui::Dummy(ImVec2(0, 4));
  label(L(lang, "请向商户店员出示二维码，或报出12位券码。券码每几分钟更新一次，截图无效。",
          "Show the QR code to the staff, or read out the 12 digits. The code changes every few minutes; a screenshot will not work."),
        theme::kCaptionSize, theme::kMuted, width);
  if (!cv.merchants.empty()) {
    section_title(L(lang, "可用门店", "Where to use it"));
    card_begin(width);
    for (const Merchant& m : cv.merchants) label(zh ? m.name_zh.c_str() : m.name_en.c_str(), theme::kRowSize, theme::kText, inner);
    card_end(width);
  }
}

}  // namespace hg::ui::coupons
