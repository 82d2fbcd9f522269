// 体检预约: package → clinic → date → time → confirm, each step revealed as the previous one
// is chosen (one scrolling column on a phone) and scrolled to the top of the page when it
// appears: on a phone it would open below the fold and the tap would look dead. The confirm
// card shows the split the worker cares about: "您付 ¥100，工会付 ¥365".
#include <imgui.h>

#include <algorithm>
#include <set>

#include "ui/bookings/pages.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void HealthPage::tick(const UiContext& ctx) {
  if (avail_.due(ctx)) avail_.fetch(ctx, std::string(kApi) + "/availability?kind=health_check", kAvailabilityJson);
}

const Package* HealthPage::package() const {
  if (!avail_) return nullptr;
  for (const PlanView& p : avail_->plans)
    if (p.plan.id == step_.plan) return find_package(p.plan, step_.package);
  return nullptr;
}

const SlotView* HealthPage::slot() const {
  if (!avail_) return nullptr;
  for (const SlotView& v : avail_->slots)
    if (v.slot.id == step_.slot) return &v;
  return nullptr;
}

void HealthPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  if (outcome_) return draw_outcome(ctx, width);
  label(L(lang, "新就业形态劳动者等会员每年可预约一次体检，工会承担大部分费用。",
          "Members (gig workers first) can book one subsidised health check a year; the union pays most of it."),
        theme::kSmallSize, theme::kMuted, width);
  if (!error_.zh.empty()) message_box(say(error_, lang).c_str(), true, width);
  if (avail_.failed()) message_box(say(avail_.error(), lang).c_str(), true, width);
  if (!avail_) {
    label(L(lang, "正在加载…", "Loading…"), theme::kBodySize, theme::kMuted);
    return;
  }
  drawn_step_ = 0;
  draw_packages(ctx, width);
  if (!step_.package.empty()) draw_clinics(ctx, width);
  if (!step_.clinic.empty()) draw_days(ctx, width);
  if (!step_.day.empty()) draw_times(ctx, width);
  if (!step_.slot.empty()) draw_confirm(ctx, width);
  shown_step_ = drawn_step_;
}

void HealthPage::step_title(int n, const char* text) {
  section_title(text);
  // A step that has just appeared goes to the top of the page (from the next frame on, when
  // the page's height includes it); the first is already there.
  if (n > 1 && n > shown_step_) ImGui::SetScrollHereY(0.0f);
  drawn_step_ = n;
}

void HealthPage::draw_packages(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  step_title(1, L(lang, "1 选择套餐", "1 Choose a package"));
  bool any = false;
  for (const PlanView& pv : avail_->plans) {
    if (!pv.eligible) continue;
    any = true;
    label((lang == Lang::zh ? pv.plan.name_zh : pv.plan.name_en).c_str(), theme::kSmallSize, theme::kMuted, width);
    for (const Package& p : pv.plan.packages) {
      const std::string text = (lang == Lang::zh ? p.name_zh + " " + money(p.value_fen) + "（自付 " + money(p.copay_fen) + "）"
                                                 : p.name_en + " " + money(p.value_fen) + " (you pay " + money(p.copay_fen) + ")");
      const bool on = step_.plan == pv.plan.id && step_.package == p.id;
      if (choice_button((pv.plan.id + p.id).c_str(), text.c_str(), on, width)) step_ = Step{pv.plan.id, p.id, "", "", ""};
    }
  }
  if (!any)
    message_box(L(lang, "您目前没有可预约的体检计划", "There is no health-check plan you can book"), false, width);
}

void HealthPage::draw_clinics(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  step_title(2, L(lang, "2 选择体检机构", "2 Choose a clinic"));
  std::set<std::string> with_slots;
  for (const SlotView& v : avail_->slots)
    if (v.slot.plan_id == step_.plan) with_slots.insert(v.slot.resource_id);
  for (const ResourceView& r : avail_->resources) {
    if (!with_slots.count(r.id)) continue;
    const std::string text = (lang == Lang::zh ? r.name_zh : r.name_en);
    if (choice_button(r.id.c_str(), text.c_str(), step_.clinic == r.id, width))
      step_.clinic = r.id, step_.day.clear(), step_.slot.clear();
  }
}

void HealthPage::draw_days(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  step_title(3, L(lang, "3 选择日期", "3 Choose a date"));
  std::vector<std::pair<std::string, UnixSeconds>> days;
  for (const SlotView& v : avail_->slots) {
    if (v.slot.plan_id != step_.plan || v.slot.resource_id != step_.clinic) continue;
    const std::string key = period_key(Period::Day, v.slot.start);
    if (days.empty() || days.back().first != key) days.push_back({key, v.slot.start});
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = (width - 2 * gap) / 3;
  for (size_t i = 0; i < days.size() && i < 15; ++i) {
    if (i % 3) ImGui::SameLine();
    const std::string text = day_text(days[i].second, lang);
    if (choice_button(days[i].first.c_str(), text.c_str(), step_.day == days[i].first, w))
      step_.day = days[i].first, step_.slot.clear();
  }
}

void HealthPage::draw_times(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  step_title(4, L(lang, "4 选择时段", "4 Choose a time"));
  for (const SlotView& v : avail_->slots) {
    if (v.slot.plan_id != step_.plan || v.slot.resource_id != step_.clinic ||
        period_key(Period::Day, v.slot.start) != step_.day)
      continue;
    char places[64];
    if (v.free > 0)
      std::snprintf(places, sizeof places, lang == Lang::zh ? "余 %d 个名额" : "%d places left", v.free);
    else
      std::snprintf(places, sizeof places, "%s", L(lang, "已约满，可候补", "full, waitlist open"));
    const std::string text = clock_text(v.slot.start) + "-" + clock_text(v.slot.end) + "  " + places;
    if (choice_button(v.slot.id.c_str(), text.c_str(), step_.slot == v.slot.id, width)) step_.slot = v.slot.id;
  }
}

void HealthPage::draw_confirm(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const Package* p = package();
  const SlotView* v = slot();
  if (!p || !v) return;
  step_title(5, L(lang, "5 确认预约", "5 Confirm"));
  card_begin(width);
  const float inner = width - 24;
  label((lang == Lang::zh ? p->name_zh : p->name_en).c_str(), theme::kBodySize, theme::kText, inner);
  for (const ResourceView& r : avail_->resources)
    if (r.id == v->slot.resource_id) label((lang == Lang::zh ? r.name_zh : r.name_en).c_str(), theme::kSmallSize, theme::kMuted, inner);
  label(slot_text(v->slot.start, v->slot.end, lang).c_str(), theme::kSmallSize, theme::kMuted, inner);
  const std::string split = lang == Lang::zh ? "您付 " + money(p->copay_fen) + "，工会付 " + money(p->union_share_fen())
                                             : "you pay " + money(p->copay_fen) + ", the union pays " + money(p->union_share_fen());
  label(split.c_str(), theme::kSubtitleSize, theme::kPrimary, inner);
  const std::string cutoff = std::string(L(lang, "可在 ", "Cancel free of charge before ")) +
                             day_text(v->slot.cancel_until, lang) + " " + clock_text(v->slot.cancel_until) +
                             L(lang, " 前免费取消", "");
  label(cutoff.c_str(), theme::kCaptionSize, theme::kMuted, inner);
  card_end(width);
  if (!sign_in_gate(ctx, {Role::member}, L(lang, "请先登录会员账号", "Please sign in with your member account first"), width))
    return;
  const bool full = v->free <= 0;
  const char* button = sending_ ? L(lang, "正在提交…", "Sending…")
                       : full   ? L(lang, "加入候补", "Join the waitlist")
                                : L(lang, "确认预约", "Confirm booking");
  ImGui::BeginDisabled(sending_);
  if (primary_button(button, width) && !sending_) {
    sending_ = true;
    error_ = Error{};
    book_slot(s_, step_.slot, step_.package, true, [this](BookOutcome o) {
      sending_ = false;
      if (o.booking || o.waitlist) {
        outcome_ = std::move(o);
        avail_.invalidate();  // places changed
      } else {
        error_ = o.error;
      }
    });
  }
  ImGui::EndDisabled();
}

void HealthPage::draw_outcome(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  card_begin(width);
  const float inner = width - 24;
  if (outcome_->booking) {
    const BookingView& b = *outcome_->booking;
    label(L(lang, "预约成功", "Booked"), theme::kTitleSize, theme::kOnline);
    label(slot_text(b.start, b.end, lang).c_str(), theme::kBodySize, theme::kText, inner);
    label((lang == Lang::zh ? b.resource_name_zh : b.resource_name_en).c_str(), theme::kSmallSize, theme::kMuted, inner);
    label(L(lang, "到院签到码", "Check-in code"), theme::kSmallSize, theme::kMuted);
    label(b.checkin_code.c_str(), theme::kCodeHeroSize, theme::kPrimary);
    const std::string split = lang == Lang::zh
                                  ? "到院时您付 " + money(b.booking.copay_fen) + "，工会付 " + money(b.booking.union_share_fen)
                                  : "At the clinic you pay " + money(b.booking.copay_fen) + ", the union pays " +
                                        money(b.booking.union_share_fen);
    label(split.c_str(), theme::kSmallSize, theme::kText, inner);
  } else {
    const WaitlistView& w = *outcome_->waitlist;
    label(L(lang, "已加入候补", "On the waitlist"), theme::kTitleSize, theme::kWarning);
    char pos[64];
    std::snprintf(pos, sizeof pos, lang == Lang::zh ? "您排在第 %d 位，有名额时按顺序递补" : "You are number %d; places go in order",
                  w.position);
    label(pos, theme::kBodySize, theme::kText, inner);
  }
  card_end(width);
  if (primary_button(L(lang, "查看我的预约", "My bookings"), width)) {
    outcome_.reset();
    step_ = Step{};
    s_.open(Page::mine);
  }
}

}  // namespace hg::ui::bookings
