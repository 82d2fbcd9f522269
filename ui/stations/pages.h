// The station pages, one class each (one .cpp each). StationsArea (stations_area.cpp)
// routes between them; they talk through Shared.
#pragma once
#include <cstdint>
#include <string>

#include "core/stations/wire.h"
#include "ui/remote.h"
#include "ui/stations/rating_summary.h"
#include "ui/stations/stations_shared.h"

namespace hg::ui::stations {

// The map (full bleed): search bar, zoom and locate buttons, the "pick your position"
// prompt, and a card with the nearest open station.
class MapPage {
 public:
  explicit MapPage(Shared& s) : s_(s) {}
  void draw(UiContext& ctx, float width);

 private:
  // What the pins' colours, rings and bubbles mean, over the map's lower left.
  void draw_legend(UiContext& ctx, ImVec2 at, float width);
  Shared& s_;
  bool legend_ = false;
};

// Nearby stations: distances, a Chinese search box and filter chips.
class ListPage {
 public:
  explicit ListPage(Shared& s) : s_(s) {}
  void draw(UiContext& ctx, float width);

 private:
  void draw_filters(UiContext& ctx, float width);
  void draw_row(UiContext& ctx, const ListedStation& l, float width, UnixSeconds now);
  Shared& s_;
};

// The rating form (what /s/<id> opens): stars, tag chips and a short comment.
class RatingPage {
 public:
  explicit RatingPage(Shared& s) : s_(s) {}
  // A fresh form for a station.
  void start(const std::string& station_id);
  void draw(UiContext& ctx, float width);

 private:
  void submit(UiContext& ctx, const hg::stations::Station& st);
  void draw_sent(UiContext& ctx, float width);
  Shared& s_;
  std::string station_id_;
  std::string key_;  // the submitted rating's Idempotency-Key: its outcome in the queue
  int stars_ = 0;
  std::uint8_t tags_ = 0;
  char comment_[480] = {};
  std::string error_;  // shown under the form
  bool sent_ = false;  // queued: the card with what became of it shows
};

// One station: hours, amenities, address, the members' rating, navigation hand-offs.
class DetailsPage {
 public:
  DetailsPage(Shared& s, RatingPage& rate) : s_(s), rate_(rate) {}
  void draw(UiContext& ctx, float width);

 private:
  Shared& s_;
  RatingPage& rate_;
  RatingSummaryView rating_;
  std::size_t outcomes_checked_ = 0;  // rating outcomes already looked at for new numbers
};

// Union staff's station admin: the edit form for one station's name, hours and status.
class AdminEditPage {
 public:
  explicit AdminEditPage(Shared& s) : s_(s) {}
  // Fills the form from a station.
  void start(const hg::stations::Station& st);
  void draw(UiContext& ctx, float width);

 private:
  void save(UiContext& ctx, hg::stations::Station st);
  Shared& s_;
  std::string id_;
  char name_[160] = {};
  bool always_open_ = false;
  char open_at_[8] = {}, close_at_[8] = {};
  int status_ = 0;
  bool saving_ = false;
  std::string message_;
  bool message_is_error_ = false;
};

// Union staff's station admin: the station table with yellow/red cards, and the monthly
// evaluation report.
class AdminPage {
 public:
  AdminPage(Shared& s, AdminEditPage& edit) : s_(s), edit_(edit) {}
  void draw(UiContext& ctx, float width);

 private:
  void draw_table(UiContext& ctx, float width);
  void draw_report(UiContext& ctx, float width);
  void fetch_report(const UiContext& ctx);
  Shared& s_;
  AdminEditPage& edit_;
  int tab_ = 0;             // 0 stations, 1 evaluation
  int status_filter_ = -1;  // -1 all, else a StationStatus
  char month_[16] = {};
  Remote<hg::stations::EvaluationReport, kOnDemand> report_;  // fetched when asked for
  bool report_unreadable_ = false;  // the last 200 answer was not a report
};

}  // namespace hg::ui::stations
