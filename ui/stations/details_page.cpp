// One station: open now and this week's hours (CST), amenities, address and phone, the
// members' rating, a hand-off to the phone's map app, and the way to rate it.
#include <imgui.h>

#include <string>

#include "core/cst_time.h"
#include "ui/format.h"
#include "ui/stations/map_app_links.h"
#include "ui/stations/pages.h"
#include "ui/stations/station_text.h"
#include "ui/stations/station_widgets.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

using hg::stations::Amenity;

namespace {

// A "key  value" row with the values in one column.
constexpr float kKeyColumn = 70.0f;
void line(const char* key, const std::string& value, float width) {
  const float x0 = ImGui::GetCursorPosX();
  label(key, theme::kCaptionSize, theme::kMuted);
  ImGui::SameLine(x0 + kKeyColumn);
  label(value.c_str(), theme::kRowSize, theme::kText, width - kKeyColumn - 30);
}

}  // namespace

void DetailsPage::draw(UiContext& ctx, float width) {
  const hg::stations::Station* stp = s_.selected_station();
  if (!stp) {
    message_box(L(ctx.lang, "找不到这个驿站，它可能已被移除。", "This station was not found; it may have been removed."), true, width);
    return;
  }
  const hg::stations::Station& st = *stp;
  const UnixSeconds now = ctx.now_ms / 1000;
  draw_data_age_banner(s_, ctx, width);

  card_begin(width);
  label(st.name.c_str(), theme::kSubtitleSize, theme::kText, width - 24);
  const bool open = st.open_at(now);
  label(open ? L(ctx.lang, "营业中", "Open now") : L(ctx.lang, "已关闭", "Closed now"), theme::kRowSize,
        open ? theme::kOnline : theme::kPrimaryDark);
  ImGui::SameLine(0, 12);
  const int today = hg::weekday_cst(now) - 1;
  const std::string hours_today = std::string(L(ctx.lang, "今天 ", "Today ")) + format_day_hours(st.hours, today, ctx.lang);
  label(hours_today.c_str(), theme::kRowSize, theme::kText);
  std::string meta = kind_name(st.kind, ctx.lang);
  if (st.status != hg::stations::StationStatus::open) meta += std::string("  ") + status_name(st.status, ctx.lang);
  if (s_.me) meta += "  " + distance_text(hg::stations::distance_m(*s_.me, {st.lon, st.lat}));
  label(meta.c_str(), theme::kCaptionSize, theme::kMuted);
  ImGui::Dummy(ImVec2(0, 4));
  // Addresses usually start with their city and district already; add them when not.
  const bool placed = st.address.rfind(st.city, 0) == 0 || st.address.rfind(st.district, 0) == 0;
  line(L(ctx.lang, "地址", "Address"), placed ? st.address : st.city + st.district + st.address, width);
  line(L(ctx.lang, "主办", "Run by"), st.operator_union, width);
  // The number on the station's door and QR code (/s/<id>), for reporting a problem.
  line(L(ctx.lang, "编号", "Number"), st.id, width);
  if (!st.phone.empty()) {
    const float x0 = ImGui::GetCursorPosX();
    label(L(ctx.lang, "电话", "Phone"), theme::kCaptionSize, theme::kMuted);
    ImGui::SameLine(x0 + kKeyColumn - 12);  // the button's own padding lines its text up
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (theme::kTouch - theme::kCaptionSize) * 0.5f);
    if (text_button(st.phone.c_str(), theme::kPrimary)) ctx.platform.open_url("tel:" + st.phone);
  }
  card_end(width);

  // Rating summary (fetched when online; the device keeps the last one it saw).
  card_begin(width);
  label(L(ctx.lang, "职工评价", "Members' rating"), theme::kBodySize, theme::kText);
  // An accepted rating changes the numbers: fetch them again.
  const std::vector<RatingOutcome>& outcomes = s_.queue.outcomes();
  for (; outcomes_checked_ < outcomes.size(); ++outcomes_checked_)
    if (outcomes[outcomes_checked_].delivered) rating_.refresh(outcomes[outcomes_checked_].station_id);
  rating_.draw(ctx, st.id, width - 24);
  if (primary_button(L(ctx.lang, "评价这个驿站", "Rate this station"), width - 24)) {
    rate_.start(st.id);
    s_.push(Page::rate);
  }
  card_end(width);

  if (st.kind == hg::stations::StationKind::smart_locker) {
    // The station's smart locker: free items to reserve online (the bookings area).
    card_begin(width);
    label(L(ctx.lang, "智能柜", "Smart locker"), theme::kBodySize, theme::kText);
    label(L(ctx.lang, "方便面、雨衣、手套等免费物品：在线预约，凭取件码到柜领取",
            "Free instant noodles, raincoats, gloves and more: reserve online, collect with a code"),
          theme::kCaptionSize, theme::kMuted, width - 24);
    if (primary_button(L(ctx.lang, "预约柜内物品", "Reserve locker items"), width - 24))
      ctx.go(Screen::bookings, "lockers/" + st.id);
    card_end(width);
  }

  card_begin(width);
  label(L(ctx.lang, "导航前往", "Navigate"), theme::kBodySize, theme::kText);
  const float half = (width - 24 - 8) * 0.5f;
  if (primary_button(L(ctx.lang, "高德地图", "Amap"), half)) ctx.platform.open_url(amap_uri(st));
  ImGui::SameLine(0, 8);
  if (primary_button(L(ctx.lang, "腾讯地图", "Tencent Maps"), half)) ctx.platform.open_url(tencent_uri(st));
  if (text_button(L(ctx.lang, "在地图上查看", "Show on the map"), theme::kPrimary)) {
    s_.map.camera().centre_on({st.lon, st.lat});
    s_.map.camera().zoom = std::max(s_.map.camera().zoom, 15.0);
    s_.stack.reset({Page::map});
  }
  card_end(width);

  card_begin(width);
  label(L(ctx.lang, "设施", "Amenities"), theme::kBodySize, theme::kText);
  std::string have;
  for (int a = 0; a < hg::stations::kAmenityCount; ++a) {
    const Amenity am = static_cast<Amenity>(a);
    if (!(st.amenities & hg::stations::bit(am))) continue;
    if (!have.empty()) have += L(ctx.lang, "、", ", ");
    have += amenity_name(am, ctx.lang);
  }
  label(have.empty() ? L(ctx.lang, "暂无登记", "None listed") : have.c_str(), theme::kRowSize, theme::kText, width - 24);
  card_end(width);

  card_begin(width);
  label(L(ctx.lang, "开放时间（北京时间）", "Opening hours (China time)"), theme::kBodySize, theme::kText);
  for (int d = 0; d < 7; ++d) {
    label(weekday_name(d, ctx.lang), theme::kRowSize, d == today ? theme::kPrimary : theme::kMuted);
    ImGui::SameLine(64);
    const std::string h = format_day_hours(st.hours, d, ctx.lang);
    label(h.c_str(), theme::kRowSize, d == today ? theme::kPrimary : theme::kText);
  }
  card_end(width);
}

}  // namespace hg::ui::stations
