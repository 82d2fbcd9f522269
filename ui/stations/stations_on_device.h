// What the device knows about stations, shared by the station map and the home screen's
// search: the station data (the last snapshot, kept for use with no signal) and where
// "nearest" is measured from. App owns it; StationsArea keeps it in sync.
#pragma once
#include <functional>
#include <optional>

#include "core/stations/geo.h"
#include "ui/platform.h"
#include "ui/stations/station_store.h"

namespace hg::ui::stations {

struct StationsOnDevice {
  explicit StationsOnDevice(Platform& p) : platform(p), store(p) {}
  Platform& platform;
  StationStore store;
  // The member's position (GCJ-02): from the device, or a point they picked on the map.
  std::optional<hg::stations::LonLat> me;
  bool me_picked = false;  // chosen by hand on the map rather than from the device

  // Asks the platform for the device position (WGS-84, converted to GCJ-02); `done(true)`
  // once `me` holds it, `done(false)` when it was denied or is unavailable.
  void request_position(std::function<void(bool)> done);
};

}  // namespace hg::ui::stations
