// 预约计划管理 (union admin): each plan's yearly places (used / quota, changed in steps of
// 1,000, each step confirmed and undoable for a while), its packages with the worker's co-pay and the union's share, and the monthly
// subsidy statement per clinic (the union's share of the checks actually performed).
#include <imgui.h>

#include "ui/bookings/pages.h"
#include "ui/format.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void AdminPage::tick(const UiContext& ctx) {
  if (!s_.session.is(Role::union_admin) || !plans_.due(ctx)) return;
  if (month_.empty()) month_ = month_key(month_of(ctx.now_ms / 1000));
  plans_.fetch(ctx, std::string(kApi) + "/admin/plans", kPlanListJson);
}

void AdminPage::ask_quota(const PlanView& pv, int delta, Lang lang) {
  asked_before_ = pv.plan;
  asked_ = pv.plan;
  asked_.yearly_quota += delta;
  const bool less = delta < 0;
  const std::string name = lang == Lang::zh ? pv.plan.name_zh : pv.plan.name_en;
  const std::string title = lang == Lang::zh ? (less ? "减少 " : "增加 ") + count(kQuotaStep) + " 个名额？"
                                             : (less ? "Remove " : "Add ") + count(kQuotaStep) + " places?";
  const std::string body =
      lang == Lang::zh ? "「" + name + "」" + pv.year + " 年的名额将从 " + count(pv.plan.yearly_quota) + " 个" +
                             (less ? "减至 " : "增至 ") + count(asked_.yearly_quota) + " 个。已预约的 " + count(pv.year_used) +
                             " 个不受影响；10 秒内可以撤销。"
                       : name + ": the " + pv.year + " places go from " + count(pv.plan.yearly_quota) + " to " +
                             count(asked_.yearly_quota) + ". The " + count(pv.year_used) +
                             " already booked stay booked; you can undo for 10 seconds.";
  confirm_.ask(title, body, lang == Lang::zh ? (less ? "减少名额" : "增加名额") : (less ? "Remove places" : "Add places"));
}

void AdminPage::save(Plan plan, std::optional<Plan> before, Lang lang) {
  sending_ = true;
  undo_.clear();
  HttpRequest r = post_request(std::string(kApi) + "/admin/plans/" + plan.id, to_json(kPlanJson, plan),
                               s_.session.new_idempotency_key());
  r.method = "PUT";
  call<PlanView>(s_.session, std::move(r), kPlanJson, [this, before, lang](Answer<PlanView> a) {
    sending_ = false;
    if (a.ok()) {
      error_ = Error{};
      const Plan& now = a.value->plan;
      if (before) {
        const std::string text = lang == Lang::zh ? "名额已改为 " + count(now.yearly_quota) + " 个"
                                                  : "Places now " + count(now.yearly_quota);
        undo_.offer(text, [this, b = *before, lang] { save(b, std::nullopt, lang); }, s_.platform.now_ms());
      }
    } else {
      error_ = a.error;
    }
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
  undo_.draw(lang, ctx.now_ms, width);
  if (confirm_.draw(lang)) save(asked_, asked_before_, lang);
  if (!plans_) {
    label(L(lang, "正在加载…", "Loading…"), theme::kBodySize, theme::kMuted);
    return;
  }
  const float inner = width - 24;
  for (const PlanView& pv : plans_->plans) {
    ImGui::PushID(pv.plan.id.c_str());
    card_begin(width);
    label((lang == Lang::zh ? pv.plan.name_zh : pv.plan.name_en).c_str(), theme::kHeadingSize, theme::kText, inner);
    const std::string used = lang == Lang::zh
                                 ? pv.year + " 年已预约 " + count(pv.year_used) + " / " + count(pv.plan.yearly_quota) + " 个名额"
                                 : pv.year + ": " + count(pv.year_used) + " of " + count(pv.plan.yearly_quota) + " places booked";
    label(used.c_str(), theme::kBodySize, theme::kPrimary, inner);
    const float half = (inner - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginDisabled(sending_);
    // Fewer places than are already booked would strand members: that step is not offered.
    if (pv.plan.yearly_quota - kQuotaStep < pv.year_used)
      inactive_button(L(lang, "名额 -1000", "Places -1000"), half);
    else if (primary_button(L(lang, "名额 -1000", "Places -1000"), half))
      ask_quota(pv, -kQuotaStep, lang);
    ImGui::SameLine();
    if (primary_button(L(lang, "名额 +1000", "Places +1000"), half)) ask_quota(pv, kQuotaStep, lang);
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
