// The members' rating of a station on its details page: fetched once per station shown
// when online; offline it says so instead of showing stale numbers as current.
#pragma once
#include <string>

#include "core/stations/wire.h"
#include "ui/area.h"
#include "ui/remote.h"

namespace hg::ui::stations {

class RatingSummaryView {
 public:
  // Draws the count and mean for `station_id`, fetching them when the station changes.
  void draw(UiContext& ctx, const std::string& station_id, float width);
  // A rating of `station_id` was accepted: its numbers are fetched again if they show here.
  void refresh(const std::string& station_id) {
    if (station_id == station_id_) page_.invalidate();
  }

 private:
  std::string station_id_;
  Remote<hg::stations::RatingPage, kOnDemand> page_;
};

}  // namespace hg::ui::stations
