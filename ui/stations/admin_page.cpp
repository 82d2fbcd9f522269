// Union staff (route "admin", role union_admin): the station table with yellow/red cards
// (tapping a row opens the edit page) and the monthly evaluation report.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/cst_time.h"
#include "core/json.h"
#include "core/stations/wire.h"
#include "ui/api_call.h"
#include "ui/sign_in_gate.h"
#include "ui/stations/pages.h"
#include "ui/stations/station_text.h"
#include "ui/stations/station_widgets.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

using hg::stations::Station;
using hg::stations::StationStatus;

namespace {

ImU32 status_color(StationStatus st) {
  switch (st) {
    case StationStatus::open: return theme::kOnline;
    case StationStatus::yellow_card: return theme::kYellowCard;
    case StationStatus::red_card: return theme::kRedCard;
    case StationStatus::delisted: return theme::kMuted;
  }
  return theme::kMuted;
}

const char* finding_name(hg::stations::Finding f, Lang lang) {
  switch (f) {
    case hg::stations::Finding::not_open_on_time: return L(lang, "未按时开放", "Not open on time");
    case hg::stations::Finding::low_usage: return L(lang, "使用量低", "Little used");
    case hg::stations::Finding::low_satisfaction: return L(lang, "满意度低", "Poorly rated");
  }
  return "?";
}

}  // namespace

void AdminPage::draw_table(UiContext& ctx, float width) {
  const std::vector<Station>& all = s_.store.stations();
  int counts[4] = {};
  for (const Station& st : all) ++counts[static_cast<int>(st.status)];
  char line[160];
  std::snprintf(line, sizeof line, L(ctx.lang, "共 %d 个驿站：黄牌 %d，红牌 %d，已摘牌 %d", "%d stations: %d yellow, %d red, %d delisted"),
                static_cast<int>(all.size()), counts[1], counts[2], counts[3]);
  label(line, theme::kRowSize, theme::kText, width);
  chips_begin(width);
  if (chip(L(ctx.lang, "全部", "All"), status_filter_ < 0)) status_filter_ = -1;
  for (int st = 0; st < 4; ++st)
    if (chip(status_name(static_cast<StationStatus>(st), ctx.lang), status_filter_ == st)) status_filter_ = st;
  chips_end();
  ImGui::Dummy(ImVec2(0, 6));
  // Carded stations first (red, then yellow, then delisted), then the rest in data order.
  std::vector<int> rows;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (status_filter_ < 0 || static_cast<int>(all[i].status) == status_filter_) rows.push_back(static_cast<int>(i));
  const auto rank = [](StationStatus st) { return st == StationStatus::red_card ? 0 : st == StationStatus::yellow_card ? 1 : st == StationStatus::delisted ? 2 : 3; };
  std::stable_sort(rows.begin(), rows.end(), [&](int x, int y) { return rank(all[static_cast<std::size_t>(x)].status) < rank(all[static_cast<std::size_t>(y)].status); });
  const std::size_t shown = std::min<std::size_t>(rows.size(), 100);
  for (std::size_t r = 0; r < shown; ++r) {
    const Station& st = all[static_cast<std::size_t>(rows[r])];
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(rows[r]);
    const bool clicked = ImGui::InvisibleButton("##row", ImVec2(width, 56));
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + 56), theme::kCard, 8.0f);
    dl->AddRectFilled(p, ImVec2(p.x + 5, p.y + 56), status_color(st.status), 2.0f);
    ImFont* font = ImGui::GetFont();
    const char* status = status_name(st.status, ctx.lang);
    const float sw = font->CalcTextSizeA(theme::kCaptionSize, FLT_MAX, 0, status).x;
    dl->PushClipRect(p, ImVec2(p.x + width - sw - 20, p.y + 56), true);
    dl->AddText(font, theme::kRowSize, ImVec2(p.x + 14, p.y + 8), theme::kText, st.name.c_str());
    dl->PopClipRect();
    dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + width - sw - 12, p.y + 10), status_color(st.status), status);
    const std::string sub = st.city + st.district + "  " + kind_name(st.kind, ctx.lang);
    dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + 14, p.y + 32), theme::kMuted, sub.c_str());
    trace_item(st.name.c_str(), p.x, p.y, width, 56);
    trace_label(st.name.c_str());
    trace_label(status);
    ImGui::Dummy(ImVec2(0, 2));
    if (clicked) {
      edit_.start(st);
      s_.push(Page::admin_edit);
    }
  }
  if (rows.size() > shown) {
    std::snprintf(line, sizeof line, L(ctx.lang, "另有 %d 个未显示", "%d more not shown"), static_cast<int>(rows.size() - shown));
    label(line, theme::kCaptionSize, theme::kMuted);
  }
}

void AdminPage::fetch_report(const UiContext& ctx) {
  report_.start(ctx);
  s_.session.api({"GET", std::string("/api/v1/stations/evaluation?month=") + month_, {}, {}, 20000},
                 [this](const HttpResponse& r) {
                   ApiAnswer<hg::stations::EvaluationReport> a;
                   a.status = r.status;
                   if (r.status == 200) {
                     // A report names every station: bigger than api_call's limit.
                     Result<hg::stations::EvaluationReport> rep = from_json<hg::stations::EvaluationReport>(
                         r.body, hg::stations::kEvaluationJson, 16 * 1024 * 1024);
                     report_unreadable_ = !rep.ok();
                     if (rep.ok()) a.value = std::move(rep.value());
                   } else {
                     a.error = error_of(r);
                   }
                   report_.keep(a);
                 });
}

void AdminPage::draw_report(UiContext& ctx, float width) {
  if (!month_[0]) {
    // Last month in CST: the one a monthly run judges.
    const hg::CivilDateTime t = hg::to_cst(ctx.now_ms / 1000);
    const int y = t.date.month == 1 ? t.date.year - 1 : t.date.year, m = t.date.month == 1 ? 12 : t.date.month - 1;
    std::snprintf(month_, sizeof month_, "%04d-%02d", std::clamp(y, 0, 9999), std::clamp(m, 1, 12));
  }
  text_field("##month", L(ctx.lang, "月份，如 2026-10", "Month, e.g. 2026-10"), month_, sizeof month_, width - 110);
  ImGui::SameLine(0, 8);
  if (primary_button(report_.loading() ? L(ctx.lang, "查询中", "Loading") : L(ctx.lang, "查询", "Show"), 100) && !report_.loading())
    fetch_report(ctx);
  if (report_.failed() && !report_.loading()) {
    message_box(report_.error().message(ctx.lang == Lang::zh).c_str(), true, width);
  }
  if (report_unreadable_) {
    message_box(L(ctx.lang, "评估报告无法读取", "The report could not be read"), true, width);
    return;
  }
  if (!report_) return;
  const hg::stations::EvaluationReport& r = *report_;
  char line[200];
  std::snprintf(line, sizeof line, L(ctx.lang, "%s：%u 个驿站，黄牌 %u，红牌 %u，摘牌 %u，撤牌 %u%s", "%s: %u stations, %u yellow, %u red, %u delisted, %u lifted%s"),
                r.period.c_str(), r.stations, r.yellow, r.red, r.delisted, r.lifted,
                r.recorded ? "" : L(ctx.lang, "（尚未执行月度评估）", " (not run yet)"));
  label(line, theme::kRowSize, theme::kText, width);
  int shown = 0;
  for (const hg::stations::EvaluationRow& row : r.rows) {
    if (row.findings.empty() && row.result == StationStatus::open) continue;
    if (++shown > 60) break;
    card_begin(width);
    label(row.name.c_str(), theme::kRowSize, theme::kText, width - 24);
    std::string f;
    for (hg::stations::Finding x : row.findings) f += std::string(f.empty() ? "" : L(ctx.lang, "、", ", ")) + finding_name(x, ctx.lang);
    std::snprintf(line, sizeof line, L(ctx.lang, "迟开 %d/%d 天，到访 %u 次，评分 %.1f（%u 人）", "late %d/%d days, %u visits, %.1f stars (%u)"),
                  row.late_days, row.scheduled_days, row.usage, row.mean_stars, row.ratings);
    label(line, theme::kCaptionSize, theme::kMuted, width - 24);
    const std::string res = std::string(status_name(row.result, ctx.lang)) + (f.empty() ? "" : "：" + f);
    label(res.c_str(), theme::kCaptionSize, status_color(row.result), width - 24);
    card_end(width);
  }
  if (shown == 0) message_box(L(ctx.lang, "本月没有需要处理的驿站。", "No station needs attention this month."), false, width);
}

void AdminPage::draw(UiContext& ctx, float width) {
  if (!sign_in_gate(ctx, {Role::union_admin}, L(ctx.lang, "驿站管理仅限工会管理员。", "Station admin is for union staff only."), width))
    return;
  draw_data_age_banner(s_, ctx, width);
  chips_begin(width);
  if (chip(L(ctx.lang, "驿站与挂牌", "Stations & cards"), tab_ == 0)) tab_ = 0;
  if (chip(L(ctx.lang, "月度评估", "Monthly evaluation"), tab_ == 1)) tab_ = 1;
  chips_end();
  ImGui::Dummy(ImVec2(0, 6));
  if (tab_ == 0)
    draw_table(ctx, width);
  else
    draw_report(ctx, width);
}

}  // namespace hg::ui::stations
