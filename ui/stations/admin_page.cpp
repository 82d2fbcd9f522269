// Union staff (route "admin", role union_admin): the station table with yellow/red cards,
// the monthly evaluation report, and editing a station's name, hours and status.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/cst_time.h"
#include "core/json.h"
#include "core/stations/wire.h"
#include "ui/sign_in_gate.h"
#include "ui/stations/station_text.h"
#include "ui/stations/station_widgets.h"
#include "ui/stations/stations_shared.h"
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
    case StationStatus::yellow_card: return theme::rgb(0xB45309);
    case StationStatus::red_card: return theme::rgb(0xDC2626);
    case StationStatus::delisted: return theme::kMuted;
  }
  return theme::kMuted;
}

// "08:30" → 510; -1 when it is not a time of day.
int parse_hhmm(const char* s) {
  int h = 0, m = 0;
  char extra = 0;
  if (std::sscanf(s, "%d:%d%c", &h, &m, &extra) != 2 || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

void start_edit(Shared& s, const Station& st) {
  AdminState& a = s.admin;
  a.edit_id = st.id;
  std::snprintf(a.name, sizeof a.name, "%s", st.name.c_str());
  a.always_open = st.hours.always_open;
  int open = 8 * 60, close = 20 * 60;
  for (const auto& day : st.hours.days)
    if (!day.empty()) {
      open = day[0].open_min;
      close = day[0].close_min;
      break;
    }
  open = std::clamp(open, 0, 1440);
  close = std::clamp(close, 0, 1440);
  std::snprintf(a.open_at, sizeof a.open_at, "%02d:%02d", open / 60 % 100, open % 60);
  std::snprintf(a.close_at, sizeof a.close_at, "%02d:%02d", close / 60 % 100, close % 60);
  a.status = static_cast<int>(st.status);
  a.edit_message.clear();
  s.push(Page::admin_edit);
}

void draw_table(Shared& s, UiContext& ctx, float width) {
  AdminState& a = s.admin;
  const std::vector<Station>& all = s.store.stations();
  int counts[4] = {};
  for (const Station& st : all) ++counts[static_cast<int>(st.status)];
  char line[160];
  std::snprintf(line, sizeof line, L(ctx.lang, "共 %d 个驿站：黄牌 %d，红牌 %d，已摘牌 %d", "%d stations: %d yellow, %d red, %d delisted"),
                static_cast<int>(all.size()), counts[1], counts[2], counts[3]);
  label(line, 15.0f, theme::kText, width);
  chips_begin(width);
  if (chip(L(ctx.lang, "全部", "All"), a.status_filter < 0)) a.status_filter = -1;
  for (int st = 0; st < 4; ++st)
    if (chip(status_name(static_cast<StationStatus>(st), ctx.lang), a.status_filter == st)) a.status_filter = st;
  chips_end();
  ImGui::Dummy(ImVec2(0, 6));
  // Carded stations first (red, then yellow, then delisted), then the rest in data order.
  std::vector<int> rows;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (a.status_filter < 0 || static_cast<int>(all[i].status) == a.status_filter) rows.push_back(static_cast<int>(i));
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
    dl->AddText(font, 15.0f, ImVec2(p.x + 14, p.y + 8), theme::kText, st.name.c_str());
    dl->PopClipRect();
    dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + width - sw - 12, p.y + 10), status_color(st.status), status);
    const std::string sub = st.city + st.district + "  " + kind_name(st.kind, ctx.lang);
    dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + 14, p.y + 32), theme::kMuted, sub.c_str());
    trace_item(st.name.c_str(), p.x, p.y, width, 56);
    trace_label(st.name.c_str());
    trace_label(status);
    ImGui::Dummy(ImVec2(0, 2));
    if (clicked) start_edit(s, st);
  }
  if (rows.size() > shown) {
    std::snprintf(line, sizeof line, L(ctx.lang, "另有 %d 个未显示", "%d more not shown"), static_cast<int>(rows.size() - shown));
    label(line, theme::kCaptionSize, theme::kMuted);
  }
}

void fetch_report(Shared& s) {
  AdminState& a = s.admin;
  a.report_loading = true;
  a.report_error.clear();
  s.session.api({"GET", std::string("/api/v1/stations/evaluation?month=") + a.month, {}, {}, 20000},
                [&a](const HttpResponse& r) {
                  a.report_loading = false;
                  if (r.status == 200) {
                    Result<hg::stations::EvaluationReport> rep = from_json<hg::stations::EvaluationReport>(
                        r.body, hg::stations::kEvaluationJson, 16 * 1024 * 1024);
                    a.report_unreadable = !rep.ok();
                    if (rep.ok())
                      a.report = std::move(rep.value());
                    else
                      a.report.reset();
                  } else {
                    const Error e = error_of(r);
                    a.report_error = e.zh + " / " + e.en;
                  }
                });
}

const char* finding_name(hg::stations::Finding f, Lang lang) {
  switch (f) {
    case hg::stations::Finding::not_open_on_time: return L(lang, "未按时开放", "Not open on time");
    case hg::stations::Finding::low_usage: return L(lang, "使用量低", "Little used");
    case hg::stations::Finding::low_satisfaction: return L(lang, "满意度低", "Poorly rated");
  }
  return "?";
}

void draw_report(Shared& s, UiContext& ctx, float width) {
  AdminState& a = s.admin;
  if (!a.month[0]) {
    // Last month in CST: the one a monthly run judges.
    const hg::CivilDateTime t = hg::to_cst(ctx.now_ms / 1000);
    const int y = t.date.month == 1 ? t.date.year - 1 : t.date.year, m = t.date.month == 1 ? 12 : t.date.month - 1;
    std::snprintf(a.month, sizeof a.month, "%04d-%02d", std::clamp(y, 0, 9999), std::clamp(m, 1, 12));
  }
  text_field("##month", L(ctx.lang, "月份，如 2026-10", "Month, e.g. 2026-10"), a.month, sizeof a.month, width - 110);
  ImGui::SameLine(0, 8);
  if (primary_button(a.report_loading ? L(ctx.lang, "查询中", "Loading") : L(ctx.lang, "查询", "Show"), 100) && !a.report_loading)
    fetch_report(s);
  if (!a.report_error.empty()) message_box(a.report_error.c_str(), true, width);
  if (a.report_unreadable) {
    message_box(L(ctx.lang, "评估报告无法读取", "The report could not be read"), true, width);
    return;
  }
  if (!a.report) return;
  const hg::stations::EvaluationReport& r = *a.report;
  char line[200];
  std::snprintf(line, sizeof line, L(ctx.lang, "%s：%u 个驿站，黄牌 %u，红牌 %u，摘牌 %u，撤牌 %u%s", "%s: %u stations, %u yellow, %u red, %u delisted, %u lifted%s"),
                r.period.c_str(), r.stations, r.yellow, r.red, r.delisted, r.lifted,
                r.recorded ? "" : L(ctx.lang, "（尚未执行月度评估）", " (not run yet)"));
  label(line, 15.0f, theme::kText, width);
  int shown = 0;
  for (const hg::stations::EvaluationRow& row : r.rows) {
    if (row.findings.empty() && row.result == StationStatus::open) continue;
    if (++shown > 60) break;
    card_begin(width);
    label(row.name.c_str(), 15.0f, theme::kText, width - 24);
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

void draw_edit(Shared& s, UiContext& ctx, float width) {
  AdminState& a = s.admin;
  const int at = s.store.find(a.edit_id);
  if (at < 0) {
    message_box(L(ctx.lang, "找不到这个驿站", "Station not found"), true, width);
    return;
  }
  section_title(L(ctx.lang, "编辑驿站", "Edit station"));
  label(L(ctx.lang, "名称", "Name"), 15.0f, theme::kText);
  text_field("##name", L(ctx.lang, "驿站名称", "Station name"), a.name, sizeof a.name, width);
  label(L(ctx.lang, "开放时间（每天）", "Opening hours (every day)"), 15.0f, theme::kText);
  chips_begin(width);
  if (chip(L(ctx.lang, "24小时", "24 hours"), a.always_open)) a.always_open = !a.always_open;
  chips_end();
  if (!a.always_open) {
    const float half = (width - 8) * 0.5f;
    text_field("##open", L(ctx.lang, "开门 08:00", "Opens 08:00"), a.open_at, sizeof a.open_at, half);
    ImGui::SameLine(0, 8);
    text_field("##close", L(ctx.lang, "关门 20:00", "Closes 20:00"), a.close_at, sizeof a.close_at, half);
  }
  label(L(ctx.lang, "状态", "Status"), 15.0f, theme::kText);
  chips_begin(width);
  for (int st = 0; st < 4; ++st)
    if (chip(status_name(static_cast<StationStatus>(st), ctx.lang), a.status == st)) a.status = st;
  chips_end();
  ImGui::Dummy(ImVec2(0, 6));
  if (!a.edit_message.empty()) message_box(a.edit_message.c_str(), a.edit_error, width);
  if (primary_button(a.saving ? L(ctx.lang, "保存中…", "Saving...") : L(ctx.lang, "保存", "Save"), width) && !a.saving) {
    Station st = s.store.stations()[static_cast<std::size_t>(at)];
    st.name = a.name;
    st.status = static_cast<StationStatus>(a.status);
    st.hours = hg::stations::WeeklyHours{};
    st.hours.always_open = a.always_open;
    const int open = parse_hhmm(a.open_at), close = parse_hhmm(a.close_at);
    if (!a.always_open && (open < 0 || close < 0 || open == close)) {
      a.edit_error = true;
      a.edit_message = L(ctx.lang, "请按 08:00 的格式填写开门和关门时间", "Enter opening and closing times like 08:00");
      return;
    }
    if (!a.always_open)
      for (auto& day : st.hours.days) day = {{open, close}};
    a.saving = true;
    a.edit_message.clear();
    HttpRequest req{"PUT", "/api/v1/stations/" + st.id, to_json(hg::stations::kStationJson, st),
                    {{"Idempotency-Key", s.session.new_idempotency_key()}}, 15000};
    s.session.api(req, [&s, lang = ctx.lang](const HttpResponse& r) {
      AdminState& ad = s.admin;
      ad.saving = false;
      Result<hg::stations::StationSaved> saved =
          r.status == 200 ? from_json<hg::stations::StationSaved>(r.body, hg::stations::kStationJson, 256 * 1024)
                          : Result<hg::stations::StationSaved>(error_of(r));
      if (!saved.ok()) {
        ad.edit_error = true;
        ad.edit_message = saved.error().message(lang == Lang::zh);
        return;
      }
      s.store.update(saved.value().station);
      ad.edit_error = false;
      ad.edit_message = L(lang, "已保存", "Saved");
    });
  }
}

}  // namespace

void draw_admin_page(Shared& s, UiContext& ctx, float width) {
  if (!sign_in_gate(ctx, {Role::union_admin}, L(ctx.lang, "驿站管理仅限工会管理员。", "Station admin is for union staff only."), width))
    return;
  if (s.page() == Page::admin_edit) return draw_edit(s, ctx, width);
  draw_data_age_banner(s, ctx, width);
  chips_begin(width);
  if (chip(L(ctx.lang, "驿站与挂牌", "Stations & cards"), s.admin.tab == 0)) s.admin.tab = 0;
  if (chip(L(ctx.lang, "月度评估", "Monthly evaluation"), s.admin.tab == 1)) s.admin.tab = 1;
  chips_end();
  ImGui::Dummy(ImVec2(0, 6));
  if (s.admin.tab == 0)
    draw_table(s, ctx, width);
  else
    draw_report(s, ctx, width);
}

}  // namespace hg::ui::stations
