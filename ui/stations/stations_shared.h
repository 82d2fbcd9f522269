// What the station pages share: the device's station data, the map, the member's position,
// the list's filter and search, the station being looked at, the rating queue, and the page
// stack StationsArea routes with. Each page's own state lives in its class (pages.h).
#pragma once
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/stations/geo.h"
#include "ui/area.h"
#include "ui/page_stack.h"
#include "ui/stations/map_view.h"
#include "ui/stations/rating_queue.h"
#include "ui/stations/station_query.h"
#include "ui/stations/station_store.h"
#include "ui/stations/stations_on_device.h"

namespace hg::ui::stations {

enum class Page { map, list, details, rate, admin, admin_edit };

enum class Locate { idle, asking, have, denied, picking };

struct Shared {
  Shared(Platform& p, Session& s, StationsOnDevice& d)
      : platform(p), session(s), device(d), store(d.store), me(d.me), me_picked(d.me_picked), queue(p, s) {}
  Platform& platform;
  Session& session;
  StationsOnDevice& device;
  StationStore& store;
  // Where "nearest" is measured from (GCJ-02): the device, or a point the member picked.
  std::optional<hg::stations::LonLat>& me;
  bool& me_picked;
  RatingQueue queue;
  MapView map;
  Locate locate = Locate::idle;

  // The list's filters and search (the map's search bar opens the list with them).
  StationFilter filter;
  bool show_amenities = false;  // the list's amenity chips unfolded
  char query[128] = {};

  std::string selected;  // station id on the details page
  std::size_t outcomes_seen = 0;  // rating outcomes the member has dismissed (data-age banner)
  std::vector<std::string> outcomes_said;  // keys of refusals the rating page has shown already

  PageStack<Page> stack{Page::map};
  Page page() const { return stack.top(); }
  void push(Page p) { stack.show(p); }

  // A refusal the rating page showed: the data-age banner does not say it again.
  void outcome_said(const std::string& key) {
    if (std::find(outcomes_said.begin(), outcomes_said.end(), key) == outcomes_said.end()) outcomes_said.push_back(key);
  }
  // Asks for the device position; when there is none the member picks a point on the map.
  void request_position();
  // Opens a station's details page.
  void open_station(const std::string& id) {
    selected = id;
    push(Page::details);
  }
  const hg::stations::Station* selected_station() const { return station(selected); }
  // The station with this id in the device's data; nullptr when there is none.
  const hg::stations::Station* station(const std::string& id) const {
    const int i = store.find(id);
    return i < 0 ? nullptr : &store.stations()[static_cast<std::size_t>(i)];
  }
};

// The "offline, data from 3 h ago" line shared by the map, list, details and admin pages,
// with queued ratings and refused ones; nothing when online with nothing queued.
void draw_data_age_banner(Shared& s, UiContext& ctx, float width);

}  // namespace hg::ui::stations
