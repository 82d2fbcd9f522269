// What the station pages share: the device's station data, the map, the member's position,
// the list's filters, the rating queue, and the page stack StationsArea routes with.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/stations/geo.h"
#include "core/stations/wire.h"
#include "ui/area.h"
#include "ui/page_stack.h"
#include "ui/stations/map_view.h"
#include "ui/stations/rating_queue.h"
#include "ui/stations/station_query.h"
#include "ui/stations/station_store.h"

namespace hg::ui::stations {

enum class Page { map, list, details, rate, admin, admin_edit };

enum class Locate { idle, asking, have, denied, picking };

struct RatingDraft {
  std::string station_id;
  int stars = 0;
  std::uint8_t tags = 0;
  char comment[480] = {};
  std::string error;   // shown under the form
  bool sent = false;   // queued: the thank-you page shows
};

struct RatingSummaryView {
  std::string station_id;
  bool loading = false, parsed = false;
  int status = 0;
  int count = 0;
  double mean = 0;
};

// Union staff's pages: which tab, the table's filter, the evaluation report, the edit form.
struct AdminState {
  int tab = 0;  // 0 stations, 1 evaluation
  int status_filter = -1;  // -1 all, else a StationStatus
  char month[16] = {};
  bool report_loading = false;
  std::optional<hg::stations::EvaluationReport> report;  // the last report, parsed when it arrived
  bool report_unreadable = false;  // the last answer was not a report
  std::string report_error;
  // The edit form.
  std::string edit_id;
  char name[160] = {};
  bool always_open = false;
  char open_at[8] = {}, close_at[8] = {};
  int status = 0;
  bool saving = false;
  std::string edit_message;
  bool edit_error = false;
};

struct Shared {
  Shared(Platform& p, Session& s) : platform(p), session(s), store(p), queue(p, s) {}
  Platform& platform;
  Session& session;
  StationStore store;
  RatingQueue queue;
  MapView map;

  // Where "nearest" is measured from (GCJ-02): the device, or a point the member picked.
  std::optional<hg::stations::LonLat> me;
  Locate locate = Locate::idle;
  bool me_picked = false;  // chosen by hand on the map rather than from the device

  StationFilter filter;
  bool show_amenities = false;  // the list's amenity chips unfolded
  char query[128] = {};
  std::string selected;  // station id on the details page
  RatingDraft draft;
  RatingSummaryView rating_view;
  AdminState admin;
  std::size_t outcomes_seen = 0;  // rating outcomes the member has dismissed

  PageStack<Page> stack{Page::map};
  Page page() const { return stack.top(); }
  void push(Page p) { stack.show(p); }

  // Asks the platform for the device position (WGS-84, converted to GCJ-02).
  void request_position();
  // Opens a station's details page.
  void open_station(const std::string& id) {
    selected = id;
    push(Page::details);
  }
  const hg::stations::Station* selected_station() const {
    const int i = store.find(selected);
    return i < 0 ? nullptr : &store.stations()[static_cast<std::size_t>(i)];
  }
};

// Pages (one .cpp each).
void draw_map_page(Shared& s, UiContext& ctx, float width);
void draw_list_page(Shared& s, UiContext& ctx, float width);
void draw_details_page(Shared& s, UiContext& ctx, float width);
void draw_rating_page(Shared& s, UiContext& ctx, float width);
void draw_admin_page(Shared& s, UiContext& ctx, float width);

// The rating aggregate on the details page (fetched when the station changes).
void draw_rating_summary(Shared& s, UiContext& ctx, const std::string& station_id, float width);

// Hand-offs to the phone's map apps (GCJ-02, which both use).
std::string amap_uri(const hg::stations::Station& st);
std::string tencent_uri(const hg::stations::Station& st);

// The "offline, data from 3 h ago" line shared by the map and the list; nothing when online.
void draw_data_age_banner(Shared& s, UiContext& ctx, float width);

}  // namespace hg::ui::stations
