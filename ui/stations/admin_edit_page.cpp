// Union staff: one station's name, opening hours (the same every day, or 24 hours) and
// status, saved with PUT /api/v1/stations/{id}; the device's copy takes the saved station.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/cst_time.h"
#include "core/json.h"
#include "core/stations/wire.h"
#include "ui/sign_in_gate.h"
#include "ui/stations/pages.h"
#include "ui/stations/station_text.h"
#include "ui/stations/station_widgets.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

using hg::stations::Station;
using hg::stations::StationStatus;

namespace {

// "08:30" → 510; a closing time may be "24:00"; -1 when it is not a time of day.
int parse_hhmm(const char* s) { return parse_clock_minutes(s, true).value_or(-1); }

}  // namespace

void AdminEditPage::start(const Station& st) {
  id_ = st.id;
  std::snprintf(name_, sizeof name_, "%s", st.name.c_str());
  always_open_ = st.hours.always_open;
  int open = 8 * 60, close = 20 * 60;
  for (const auto& day : st.hours.days)
    if (!day.empty()) {
      open = day[0].open_min;
      close = day[0].close_min;
      break;
    }
  open = std::clamp(open, 0, 1440);
  close = std::clamp(close, 0, 1440);
  std::snprintf(open_at_, sizeof open_at_, "%02d:%02d", open / 60 % 100, open % 60);
  std::snprintf(close_at_, sizeof close_at_, "%02d:%02d", close / 60 % 100, close % 60);
  status_ = static_cast<int>(st.status);
  message_.clear();
}

void AdminEditPage::draw(UiContext& ctx, float width) {
  if (!sign_in_gate(ctx, {Role::union_admin}, L(ctx.lang, "驿站管理仅限工会管理员。", "Station admin is for union staff only."), width))
    return;
  const Station* st = s_.station(id_);
  if (!st) {
    message_box(L(ctx.lang, "找不到这个驿站", "Station not found"), true, width);
    return;
  }
  section_title(L(ctx.lang, "编辑驿站", "Edit station"));
  label(L(ctx.lang, "名称", "Name"), theme::kRowSize, theme::kText);
  text_field("##name", L(ctx.lang, "驿站名称", "Station name"), name_, sizeof name_, width);
  label(L(ctx.lang, "开放时间（每天）", "Opening hours (every day)"), theme::kRowSize, theme::kText);
  chips_begin(width);
  if (chip(L(ctx.lang, "24小时", "24 hours"), always_open_)) always_open_ = !always_open_;
  chips_end();
  if (!always_open_) {
    const float half = (width - 8) * 0.5f;
    text_field("##open", L(ctx.lang, "开门 08:00", "Opens 08:00"), open_at_, sizeof open_at_, half);
    ImGui::SameLine(0, 8);
    text_field("##close", L(ctx.lang, "关门 20:00", "Closes 20:00"), close_at_, sizeof close_at_, half);
  }
  label(L(ctx.lang, "状态", "Status"), theme::kRowSize, theme::kText);
  chips_begin(width);
  for (int k = 0; k < 4; ++k)
    if (chip(status_name(static_cast<StationStatus>(k), ctx.lang), status_ == k)) status_ = k;
  chips_end();
  ImGui::Dummy(ImVec2(0, 6));
  if (!message_.empty()) message_box(message_.c_str(), message_is_error_, width);
  if (primary_button(saving_ ? L(ctx.lang, "保存中…", "Saving...") : L(ctx.lang, "保存", "Save"), width) && !saving_) save(ctx, *st);
}

// Sends the form over a copy of the station (what the form does not show stays as it is).
void AdminEditPage::save(UiContext& ctx, Station st) {
  st.name = name_;
  st.status = static_cast<StationStatus>(status_);
  st.hours = hg::stations::WeeklyHours{};
  st.hours.always_open = always_open_;
  const int open = parse_hhmm(open_at_), close = parse_hhmm(close_at_);
  if (!always_open_ && (open < 0 || close < 0 || open == close)) {
    message_is_error_ = true;
    message_ = L(ctx.lang, "请按 08:00 的格式填写开门和关门时间", "Enter opening and closing times like 08:00");
    return;
  }
  if (!always_open_)
    for (auto& day : st.hours.days) day = {{open, close}};
  saving_ = true;
  message_.clear();
  HttpRequest req{"PUT", "/api/v1/stations/" + st.id, to_json(hg::stations::kStationJson, st),
                  {{"Idempotency-Key", s_.session.new_idempotency_key()}}, 15000};
  s_.session.api(req, [this, lang = ctx.lang](const HttpResponse& r) {
    saving_ = false;
    Result<hg::stations::StationSaved> saved =
        r.status == 200 ? from_json<hg::stations::StationSaved>(r.body, hg::stations::kStationJson, 256 * 1024)
                        : Result<hg::stations::StationSaved>(error_of(r));
    if (!saved.ok()) {
      message_is_error_ = true;
      message_ = saved.error().message(lang == Lang::zh);
      return;
    }
    s_.store.update(saved.value().station);
    message_is_error_ = false;
    message_ = L(lang, "已保存", "Saved");
  });
}

}  // namespace hg::ui::stations
