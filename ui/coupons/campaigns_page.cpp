// 惠工券 by brand: each campaign's batches as coupon cards with the live stock of the
// current period, a countdown to the window computed from the server's clock, and the
// claim button. The list refreshes every few seconds while it is on screen.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/coupons/eligibility.h"
#include "core/models/brand.h"
#include "ui/coupons/coupon_text.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {


// The coloured stub on the left of a coupon card: the big figure ("30 元", "7.5 折").
void draw_stub(const DiscountRule& rule, ImU32 color, Lang lang, ImVec2 size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), color, 10.0f);
  // The perforation of a paper coupon: small notches on the right edge.
  for (float y = p.y + 8; y < p.y + size.y - 6; y += 10)
    dl->AddCircleFilled(ImVec2(p.x + size.x, y), 2.5f, theme::kCard, 8);
  const Headline h = rule_headline(rule, lang);
  ImFont* font = ImGui::GetFont();
  float big = theme::kFigureSize;
  ImVec2 fs = font->CalcTextSizeA(big, FLT_MAX, 0, h.figure.c_str());
  if (fs.x > size.x - 10) {
    big = big * (size.x - 10) / fs.x;
    fs = font->CalcTextSizeA(big, FLT_MAX, 0, h.figure.c_str());
  }
  const ImVec2 us = font->CalcTextSizeA(theme::kCaptionSize, FLT_MAX, 0, h.unit.c_str());
  const float total = fs.y + (h.unit.empty() ? 0 : us.y);
  const float top = p.y + (size.y - total) * 0.5f;
  dl->AddText(font, big, ImVec2(p.x + (size.x - fs.x) * 0.5f, top), theme::kOnPrimary, h.figure.c_str());
  if (!h.unit.empty())
    dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + (size.x - us.x) * 0.5f, top + fs.y), theme::kOnPrimaryUnit, h.unit.c_str());
  trace_label(h.figure.c_str());
  ImGui::Dummy(size);
}
}  // namespace

void CampaignsPage::fetch(const UiContext& ctx) {
  list_.start(ctx);
  s_.campaigns_stale = false;
  std::string path = std::string(kApi) + "/campaigns";
  if (brand_ >= 0 && brand_ < kBrandCount) path += std::string("?brand=") + brand_info(static_cast<Brand>(brand_)).key;
  const int asked_brand = brand_;
  call<CampaignList>(s_.session, get_request(path), kCampaignListJson, [this, asked_brand](Answer<CampaignList> a) {
    if (asked_brand != brand_) return list_.drop();  // the member switched brand meanwhile; the next tick refetches
    keep_list_answer(s_, a, list_);
  });
}

void CampaignsPage::tick(const UiContext& ctx, bool visible) {
  if (!visible || list_.loading()) return;
  if (list_.due(ctx) || s_.campaigns_stale) fetch(ctx);
}

void CampaignsPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  // Title: the brand (from a home-screen tile) or every brand.
  if (brand_ >= 0 && brand_ < kBrandCount) {
    const BrandInfo& b = brand_info(static_cast<Brand>(brand_));
    label(zh ? b.zh : b.en, theme::kTitleSize, theme::brand_color(b.brand));
    label(zh ? b.tagline_zh : b.tagline_en, theme::kSmallSize, theme::kMuted, width);
  } else {
    label(L(lang, "惠工券 · 全部活动", "Coupons · all campaigns"), theme::kTitleSize, theme::kText);
    label(L(lang, "商家让一点·工会贴一点·职工付一点", "Merchants give, the union adds, you pay less"), theme::kSmallSize,
          theme::kMuted, width);
  }
  ImGui::Dummy(ImVec2(0, 2));
  // Shortcuts: my coupons (members), every brand (when filtered).
  const float half = (width - theme::kGap) * 0.5f;
  const bool narrowed = brand_ >= 0 || !campaign_.empty();
  if (outline_button(L(lang, "我的券", "My coupons"), narrowed ? half : width, theme::kPrimary)) {
    if (s_.session.is(Role::member)) {
      s_.mine_stale = true;
      s_.open(Page::mine);
    } else {
      ctx.go(Screen::account, "");
    }
  }
  if (narrowed) {
    ImGui::SameLine(0, theme::kGap);
    if (outline_button(L(lang, "全部品牌", "All brands"), half, theme::kMuted)) {
      set_brand(-1);
      list_.clear();
    }
  }
  ImGui::Dummy(ImVec2(0, 4));

  if (!list_) {
    if (first_answer_pending(list_.error(), lang, width)) fetch(ctx);
    return;
  }
  if (list_.failed()) message_box(L(lang, "库存刷新失败，显示的是上次的数据", "Could not refresh the stock; showing the last figures"), true, width);

  int shown = 0;
  for (const CampaignView& cv : list_->campaigns) {
    const Campaign& c = cv.campaign;
    if (brand_ >= 0 && static_cast<int>(c.brand) != brand_) continue;
    if (!campaign_.empty() && c.id != campaign_) continue;
    if (cv.batches.empty()) continue;
    ++shown;
    ImGui::PushID(c.id.c_str());
    section_title(zh ? c.title_zh.c_str() : c.title_en.c_str());
    if (brand_ < 0) chip(zh ? brand_info(c.brand).zh : brand_info(c.brand).en, theme::brand_color(c.brand));
    for (const BatchView& bv : cv.batches) {
      ImGui::PushID(bv.batch.id.c_str());
      draw_batch(ctx, cv, bv, width);
      ImGui::PopID();
    }
    ImGui::PopID();
  }
  if (shown == 0) {
    card_begin(width);
    label(L(lang, "这个品牌暂时没有活动，敬请期待。", "No campaigns under this brand yet. Check back soon."), theme::kRowSize,
          theme::kMuted, width - 24);
    card_end(width);
  }
  label(L(lang, "库存每几秒自动刷新；开抢时间以服务器时间（北京时间）为准。",
          "Stock refreshes every few seconds; opening times follow the server clock (Beijing time)."),
        theme::kFootnoteSize, theme::kMuted, width);
}

void CampaignsPage::draw_batch(UiContext& ctx, const CampaignView& cv, const BatchView& bv, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  const Batch& b = bv.batch;
  const ImU32 color = theme::brand_color(cv.campaign.brand);
  const float inner = width - 24;
  card_begin(width);

  // Stub and words side by side.
  const DiscountRule& rule = b.items.empty() ? DiscountRule{} : b.items.front().rule;
  const float stub_w = inner < 320 ? 76.0f : 88.0f;
  const float top = ImGui::GetCursorPosY();
  draw_stub(rule, color, lang, ImVec2(stub_w, 76));
  ImGui::SameLine(0, 12);
  ImGui::SetCursorPosY(top);
  ImGui::BeginGroup();
  const float text_w = inner - stub_w - 12;
  label(zh ? b.title_zh.c_str() : b.title_en.c_str(), theme::kBodySize, theme::kText, text_w);
  // One coupon: its rule. A combo pack: what is in it (each title already names its rule).
  std::string rules;
  for (const CouponItem& item : b.items) {
    if (!rules.empty()) rules += zh ? "；" : "; ";
    rules += b.items.size() > 1 ? (zh ? item.title_zh : item.title_en) : rule_text(item.rule, lang);
  }
  label(rules.c_str(), theme::kCaptionSize, theme::kMuted, text_w);
  const std::string who = zh ? eligibility_zh(b.eligibility) : eligibility_en(b.eligibility);
  chip(who.c_str(), theme::kOnline);
  ImGui::EndGroup();
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), top + 76 + theme::kGap));

  // Stock of the current period.
  char stock[96];
  if (b.by_lottery)
    std::snprintf(stock, sizeof stock, zh ? "共 %s 份 · 抽签发放" : "%s in all · by lottery", count(std::max<std::int64_t>(bv.stock, 0)).c_str());
  else
    std::snprintf(stock, sizeof stock, zh ? "本期剩余 %s / %s" : "%s of %s left this period", count(std::max<std::int64_t>(bv.remaining, 0)).c_str(),
                  count(std::max<std::int64_t>(bv.stock, 0)).c_str());
  label(stock, theme::kCaptionSize, theme::kMuted);
  stock_bar(bv.stock > 0 ? static_cast<float>(bv.remaining) / static_cast<float>(bv.stock) : 0.0f, inner, color);

  // Window: countdown before, closing time while open.
  const std::int64_t device_ms = s_.platform.now_ms();
  bool open = bv.state == batch_state::kOpen;
  if (bv.state == batch_state::kNotOpenYet && bv.next_open > 0) {
    const std::int64_t left = s_.clock.until(bv.next_open, device_ms);
    if (left > 0) {
      // A lottery batch is not rushed: its window is when members can register for the draw.
      const char* lead = b.by_lottery ? L(lang, "距报名开始 ", "Registration opens in ") : L(lang, "距开抢 ", "Opens in ");
      const std::string t = lead + countdown_text(left, lang);
      label(t.c_str(), theme::kHeadingSize, theme::kPrimary);
      const std::string at =
          date_time_text(bv.next_open, lang) + (b.by_lottery ? L(lang, " 开始报名（北京时间）", " (Beijing time)")
                                                        : L(lang, " 开抢（北京时间）", " (Beijing time)"));
      label(at.c_str(), theme::kCaptionSize, theme::kMuted);
    } else {
      open = true;  // the server's clock has reached the opening: no need to wait for a refresh
    }
  } else if (open && bv.closes > 0) {
    // `closes` is exclusive: the last minute to claim is the one before (23:59, not 00:00).
    const std::string t = std::string(zh ? "进行中 · 截止 " : "Open · until ") + date_time_text(bv.closes - 1, lang);
    label(t.c_str(), theme::kCaptionSize, theme::kOnline);
  } else if (bv.state == batch_state::kSoldOut || bv.state == batch_state::kClosed) {
    std::string t = bv.state == batch_state::kSoldOut ? L(lang, "本期已抢光", "Sold out this period") : L(lang, "本期已结束", "Closed");
    if (bv.next_open > 0) t += (zh ? " · 下期 " : " · next ") + date_time_text(bv.next_open, lang);
    label(t.c_str(), theme::kCaptionSize, theme::kMuted);
  }

  // The button: what the member can do now.
  const bool mine = !bv.member_state.empty() && bv.member_state != kCanClaim;
  const bool sending = s_.flight.in_flight && s_.flight.batch.id == b.id;
  if (b.by_lottery) {
    inactive_button(L(lang, "抽签发放，请关注通知", "By lottery: watch the notices"), inner);
  } else if (mine && bv.member_state == refusal::kLimitReached) {
    inactive_button(L(lang, "本期已领取", "Claimed this period"), inner);
  } else if (mine && bv.member_state == refusal::kNotEligible) {
    inactive_button(L(lang, "不符合领取条件", "Not eligible"), inner);
  } else if (sending) {
    inactive_button(L(lang, "领取中…", "Claiming…"), inner);
  } else if (open && bv.state != batch_state::kSoldOut) {
    const std::string text = std::string(L(lang, "立即领取", "Claim now")) + "##" + b.id;
    if (primary_button(text.c_str(), inner)) start_claim(s_, b);
  } else if (bv.state == batch_state::kSoldOut) {
    inactive_button(L(lang, "已抢光", "Sold out"), inner);
  } else if (bv.state == batch_state::kNotOpenYet) {
    inactive_button(L(lang, "未开始", "Not open yet"), inner);
  } else {
    inactive_button(L(lang, "已结束", "Closed"), inner);
  }
  card_end(width);
}

}  // namespace hg::ui::coupons
