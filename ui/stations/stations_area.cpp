// The station map area (驿站地图): routes between the map, the nearby list, a station's
// details, the rating form (what /s/<station-id> opens) and the union's admin pages, and
// keeps the background work going (data sync, the offline rating queue).
#include <algorithm>
#include <cstdio>

#include "ui/areas.h"
#include "ui/stations/pages.h"

namespace hg::ui {

namespace {

using stations::Page;
using stations::Shared;

class StationsArea : public Area {
 public:
  StationsArea(Platform& platform, Session& session, stations::StationsOnDevice& device)
      : s_(platform, session, device), map_(s_), list_(s_), rate_(s_), details_(s_, rate_), edit_(s_), admin_(s_, edit_) {
    s_.store.load_cached();
    s_.queue.load();
  }

  void tick(UiContext& ctx) override {
    s_.store.tick(ctx.now_ms);
    s_.queue.tick(ctx.now_ms);
  }

  void open(const std::string& route) override {
    if (route.rfind("rate/", 0) == 0) {
      s_.selected = route.substr(5);
      rate_.start(s_.selected);
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
      case Page::map: map_.draw(ctx, width); break;
      case Page::list: list_.draw(ctx, width); break;
      case Page::details: details_.draw(ctx, width); break;
      case Page::rate: rate_.draw(ctx, width); break;
      case Page::admin: admin_.draw(ctx, width); break;
      case Page::admin_edit: edit_.draw(ctx, width); break;
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
  // Each page names itself, so an admin page never carries the map's title.
  const char* title(Lang lang) const override {
    switch (s_.page()) {
      case Page::map: return L(lang, "驿站地图", "Station map");
      case Page::list: return L(lang, "附近的驿站", "Stations nearby");
      case Page::details: return L(lang, "驿站详情", "Station");
      case Page::rate: return L(lang, "评价驿站", "Rate the station");
      case Page::admin: return L(lang, "驿站管理", "Stations admin");
      case Page::admin_edit: return L(lang, "编辑驿站", "Edit station");
    }
    return L(lang, "驿站地图", "Station map");
  }

 private:
  Shared s_;
  stations::MapPage map_;
  stations::ListPage list_;
  stations::RatingPage rate_;
  stations::DetailsPage details_;
  stations::AdminEditPage edit_;
  stations::AdminPage admin_;
};

}  // namespace

std::unique_ptr<Area> make_stations_area(AreaHost& host) {
  return std::make_unique<StationsArea>(host.platform, host.session, host.stations);
}

}  // namespace hg::ui
