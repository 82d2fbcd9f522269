// An area of the app (home, station map, coupons, bookings, points mall, account): one object
// owning its screens and their state, drawn by App under the shared header. Each area lives in
// its own folder (ui/<area>/, the home screen and points mall in ui/screens/), is listed once
// in ui/areas.h, and reaches the outside only through AreaHost and UiContext.
#pragma once
#include <functional>
#include <string>

#include "ui/i18n.h"
#include "ui/platform.h"
#include "ui/session.h"

namespace hg::ui {

enum class Screen { home, station_map, coupons, bookings, points_mall, account };

class NoticeFeed;
namespace stations {
struct StationsOnDevice;
}

// What an area is made with: the device, the signed-in account, the union's notices, and
// the stations the device knows (the station map keeps them, home's search reads them).
struct AreaHost {
  Platform& platform;
  Session& session;
  NoticeFeed& notices;
  stations::StationsOnDevice& stations;
};

struct UiContext {
  Platform& platform;
  Session& session;
  Lang lang;
  std::int64_t now_ms;
  // Navigates to another area, opening one of its pages ("" for its first page).
  std::function<void(Screen, const std::string& route)> go;
  // Where the visible page is, for areas that place overlays or need the full height.
  float page_height = 0;
};

class Area {
 public:
  virtual ~Area() = default;

  // Every frame, shown or not: background refresh, delivering queued work.
  virtual void tick(UiContext& /*ctx*/) {}
  // Opens a page inside the area: "" (first page), "rate/<station-id>", "redeem", …
  virtual void open(const std::string& /*route*/) {}
  // The header's back button: true when the area went back to its own previous page;
  // false sends the member home.
  virtual bool back() { return false; }
  // Full-bleed areas (the map) get the whole space under the header, without the page's
  // scrolling and centred column; others draw into the column.
  virtual bool full_bleed() const { return false; }
  virtual void draw(UiContext& ctx, float width) = 0;
  // For the trace the tests read: "stations/map", "coupons/mine", …
  virtual std::string trace_name() const = 0;
  // The header title while this area shows (nullptr: none).
  virtual const char* title(Lang lang) const = 0;
};

}  // namespace hg::ui
