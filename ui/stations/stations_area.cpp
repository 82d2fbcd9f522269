// The station map area (驿站地图): routes between the map, the nearby list, a station's
// details, the rating form (what /s/<station-id> opens) and the union's admin pages, and
// keeps the background work going (data sync, the offline rating queue).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/stations/gcj02.h"
#include "ui/areas.h"
#include "ui/stations/station_text.h"
#include "ui/stations/stations_shared.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui {

namespace {

using stations::Page;
using stations::Shared;

class StationsArea : public Area {
 public:
  StationsArea(Platform& platform, Session& session) : s_(platform, session) {
    s_.store.load_cached();
    s_.queue.load();
  }

  void tick(UiContext& ctx) override {
    s_.store.tick(ctx.now_ms);
    s_.queue.tick(ctx.now_ms);
  }

  void open(const std::string& route) override {
    if (route.rfind("rate/", 0) == 0) {
      s_.draft = stations::RatingDraft{};
      s_.draft.station_id = route.substr(5);
      s_.selected = s_.draft.station_id;
      s_.stack.reset({Page::map, Page::details, Page::rate});
    } else if (route.rfind("station/", 0) == 0) {
      s_.selected = route.substr(8);
      s_.stack.reset({Page::map, Page::details});
    } else if (route.rfind("at/", 0) == 0) {
      // "at/<lon>,<lat>,<zoom>" (GCJ-02): the map at a place, for links that share a view.
      double lon = 0, lat = 0, zoom = 0;
      if (std::sscanf(route.c_str() + 3, "%lf,%lf,%lf", &lon, &lat, &zoom) == 3 && lon >= -180 && lon <= 180 &&
          lat >= -85 && lat <= 85) {
        s_.map.camera().centre_on({lon, lat});
        s_.map.camera().zoom = std::clamp(zoom, stations::MapCamera::kMinZoom, stations::MapCamera::kMaxZoom);
      }
      s_.stack.reset({Page::map});
    } else if (route == "list") {
      s_.stack.reset({Page::map, Page::list});
    } else if (route == "admin") {
      s_.stack.reset({Page::admin});
    } else {
      s_.stack.reset({Page::map});
    }
  }

  bool back() override { return s_.stack.back(); }

  bool full_bleed() const override { return s_.page() == Page::map; }

  void draw(UiContext& ctx, float width) override {
    switch (s_.page()) {
      case Page::map: stations::draw_map_page(s_, ctx, width); break;
      case Page::list: stations::draw_list_page(s_, ctx, width); break;
      case Page::details: stations::draw_details_page(s_, ctx, width); break;
      case Page::rate: stations::draw_rating_page(s_, ctx, width); break;
      case Page::admin:
      case Page::admin_edit: stations::draw_admin_page(s_, ctx, width); break;
    }
  }

  std::string trace_name() const override {
    switch (s_.page()) {
      case Page::map: return "stations/map";
      case Page::list: return "stations/list";
      case Page::details: return "stations/details";
      case Page::rate: return "stations/rate";
      case Page::admin: return "stations/admin";
      case Page::admin_edit: return "stations/admin_edit";
    }
    return "stations";
  }
  const char* title(Lang lang) const override { return L(lang, "驿站地图", "Station map"); }

 private:
  Shared s_;
};

}  // namespace

namespace stations {

void Shared::request_position() {
  locate = Locate::asking;
  platform.request_position([this](std::optional<GeoPosition> p) {
    if (!p) {
      // Denied or unavailable: the member picks a point on the map instead.
      locate = Locate::picking;
      if (stack.top() != Page::map) stack.reset({Page::map});
      return;
    }
    me = hg::stations::wgs84_to_gcj02({p->lon, p->lat});
    me_picked = false;
    locate = Locate::have;
    map.camera().centre_on(*me);
    map.camera().zoom = std::max(map.camera().zoom, 13.0);
  });
}

void draw_data_age_banner(Shared& s, UiContext& ctx, float width) {
  const StationStore& st = s.store;
  std::string text;
  if (st.empty()) {
    if (st.sync() != StationStore::Sync::offline) return;
    text = L(ctx.lang, "网络不可用，手机上还没有驿站数据。", "Offline, and no station data on this device yet.");
  } else if (st.sync() == StationStore::Sync::offline) {
    const std::string age = st.confirmed_ms() > 0 ? format_age(ctx.now_ms - st.confirmed_ms(), ctx.lang)
                                                   : std::string(L(ctx.lang, "较早", "a while ago"));
    char buf[160];
    std::snprintf(buf, sizeof buf, L(ctx.lang, "离线：显示%s更新的驿站数据", "Offline: station data from %s"), age.c_str());
    text = buf;
  }
  if (!s.queue.pending().empty()) {
    char buf[96];
    std::snprintf(buf, sizeof buf, L(ctx.lang, "%d 条评价待提交", "%d ratings waiting to be sent"),
                  static_cast<int>(s.queue.pending().size()));
    text += text.empty() ? buf : std::string(L(ctx.lang, "；", "; ")) + buf;
  }
  // A queued rating the server refused for good (already rated today, station removed):
  // say so once, with the server's words, until the member dismisses it.
  const std::vector<RatingOutcome>& outcomes = s.queue.outcomes();
  for (std::size_t i = s.outcomes_seen; i < outcomes.size(); ++i) {
    if (outcomes[i].delivered) continue;
    char buf[320];
    std::snprintf(buf, sizeof buf, L(ctx.lang, "您对“%s”的评价未能提交：%s", "Your rating of %s was not accepted: %s"),
                  outcomes[i].station_name.c_str(), outcomes[i].message.c_str());
    message_box(buf, true, width);
    if (text_button(L(ctx.lang, "知道了", "OK"), theme::kPrimary)) s.outcomes_seen = outcomes.size();
    break;
  }
  if (text.empty()) return;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 10));
  label(text.c_str(), 14.0f, theme::kWarning, width - 24);
  const float bottom = std::max(ImGui::GetItemRectMax().y + 10, p.y + theme::kTouch);
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(p, ImVec2(p.x + width, bottom), theme::kWarningBg, 8.0f);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(p.x, bottom + 8));
  ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace stations

std::unique_ptr<Area> make_stations_area(AreaHost& host) {
  return std::make_unique<StationsArea>(host.platform, host.session);
}

}  // namespace hg::ui
