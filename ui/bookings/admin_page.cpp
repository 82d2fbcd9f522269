// 预约计划管理 (union admin): each plan's yearly places (used / quota, raised in steps of
// 1,000), its packages with the worker's co-pay and the union's share, and the monthly
// subsidy statement per clinic (the union's share of the checks actually performed).
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void AdminPage::tick(const UiContext& ctx) {
  if (!s_.session.is(Role::union_admin) || !plans_.due(ctx)) return;
  if (month_.empty()) month_ = month_key(month_of(ctx.now_ms / 1000));
  plans_.fetch(ctx, std::string(kApi) + "/admin/plans", kPlanListJson);
}

void AdminPage::save(Plan plan) {
  sending_ = true;
  HttpRequest r = post_request(std::string(kApi) + "/admin/plans/" + plan.id, to_json(kPlanJson, plan),
                               s_.session.new_idempotency_key());
  r.method = "PUT";
  call<PlanView>(s_.session, std::move(r), kPlanJson, [this](Answer<PlanView> a) {
    sending_ = false;
    if (a.ok())
      notice_ = a.value->plan.id, error_ = Error{};
    else
      error_ = a.error;
    plans_.invalidate();
  });
}

void AdminPage::fetch_statement(const UiContext& ctx, const std::string& clinic) {
  clinic_ = clinic;
  statement_.fetch(ctx, std::string(kApi) + "/admin/subsidy?clinic=" + clinic + "&month=" + month_, kSubsidyStatementJson);
}

void AdminPage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  if (!sign_in_gate(ctx, {Role::union_admin}, L(lang, "仅工会管理员可用", "For union admins only"), width)) return;
  if (!error_.zh.empty()) message_box(say(error_, lang).c_str(), true, width);
  if (plans_.failed()) message_box(say(plans_.error(), lang).c_str(), true, width);
  if (statement_.failed()) message_box(say(statement_.error(), lang).c_str(), true, width);
  if (!notice_.empty()) message_box(L(lang, "已保存", "Saved"), false, width);
  if (!plans_) {
    label(L(lang, "正在加载…", "Loading…"), theme::kBodySize, theme::kMuted);
    return;
  }
  const float inner = width - 24;
  for (const PlanView& pv : plans_->plans) {
    ImGui::PushID(pv.plan.id.c_str());
    card_begin(width);
    label((lang == Lang::zh ? pv.plan.name_zh : pv.plan.name_en).c_str(), theme::kHeadingSize, theme::kText, inner);
    char used[96];
    std::snprintf(used, sizeof used, lang == Lang::zh ? "%s 年已预约 %d / %d 个名额" : "%s: %d of %d places booked",
                  pv.year.c_str(), pv.year_used, pv.plan.yearly_quota);
    label(used, theme::kBodySize, theme::kPrimary, inner);
    const float half = (inner - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginDisabled(sending_);
    if (primary_button(L(lang, "名额 -1000", "Places -1000"), half) && pv.plan.yearly_quota >= 1000) {
      Plan p = pv.plan;
      p.yearly_quota -= 1000;
      save(p);
    }
    ImGui::SameLine();
    if (primary_button(L(lang, "名额 +1000", "Places +1000"), half)) {
      Plan p = pv.plan;
      p.yearly_quota += 1000;
      save(p);
    }
    ImGui::EndDisabled();
    for (const Package& pk : pv.plan.packages) {
      const std::string line = (lang == Lang::zh ? pk.name_zh : pk.name_en) + "  " + money(pk.value_fen) + " = " +
                               (lang == Lang::zh ? "自付 " : "worker ") + money(pk.copay_fen) + " + " +
                               (lang == Lang::zh ? "工会 " : "union ") + money(pk.union_share_fen());
      label(line.c_str(), theme::kSmallSize, theme::kText, inner);
    }
    card_end(width);
    ImGui::PopID();
  }

  section_title(L(lang, "月度补贴结算", "Monthly subsidy statement"));
  const std::string m = std::string(L(lang, "月份：", "Month: ")) + month_;
  label(m.c_str(), theme::kSmallSize, theme::kMuted);
  for (const ResourceView& c : plans_->clinics)
    if (choice_button(c.id.c_str(), (lang == Lang::zh ? c.name_zh : c.name_en).c_str(), clinic_ == c.id, width))
      fetch_statement(ctx, c.id);
  if (statement_ && statement_->clinic_id == clinic_) {
    card_begin(width);
    char line[160];
    for (const SubsidyLine& l : statement_->lines) {
      std::snprintf(line, sizeof line, lang == Lang::zh ? "%s：%d 人次，工会应付 %s" : "%s: %d checks, union owes %s",
                    l.package_id.c_str(), l.checks, money(l.union_share_fen).c_str());
      label(line, theme::kSmallSize, theme::kText, inner);
    }
    std::snprintf(line, sizeof line, lang == Lang::zh ? "合计 %d 人次，职工自付 %s，工会应付 %s" : "Total %d checks, workers paid %s, union owes %s",
                  statement_->total.checks, money(statement_->total.copay_fen).c_str(),
                  money(statement_->total.union_share_fen).c_str());
    label(line, theme::kBodySize, theme::kPrimary, inner);
    card_end(width);
  }
}

}  // namespace hg::ui::bookings
