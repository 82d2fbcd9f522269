// Home's one search box over what the app offers, the results grouped: 优惠 (campaigns by
// title, merchant or brand; the brands themselves while no campaign list has arrived),
// 驿站 (the device's station data, so it works offline; nearest first with distances once
// the member's position is known) and 服务 (the service tiles and the pages behind them).
// Every result opens its page. Matching is core/text_search.h's, as on the station map.
#pragma once
#include <string>

#include "core/coupons/wire.h"
#include "ui/area.h"
#include "ui/remote.h"
#include "ui/stations/stations_on_device.h"

namespace hg::ui {

class HomeSearch {
 public:
  explicit HomeSearch(stations::StationsOnDevice& stations) : stations_(stations) {}
  // Every frame: the campaign list is fetched (and kept fresh) while a search is shown.
  void tick(UiContext& ctx, bool searching);
  // Draws the groups that have results for `query`; returns how many results it drew.
  int draw(UiContext& ctx, const char* query, float width);
  // Nothing found anywhere: what was searched, and the map's own search as the way on.
  void draw_none(UiContext& ctx, const char* query, float width);

 private:
  int draw_campaigns(UiContext& ctx, const std::string& key, float width);
  int draw_stations(UiContext& ctx, const char* query, float width);
  int draw_services(UiContext& ctx, const std::string& key, float width);

  stations::StationsOnDevice& stations_;
  Remote<CampaignList, 60000> campaigns_;
};

}  // namespace hg::ui
