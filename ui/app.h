// The app as both clients run it: one object, one frame() per display refresh. The runner
// (web/ or native/) owns the window and calls, each frame:
//   platform.poll(); ImGui::NewFrame(); app.frame(); ImGui::Render(); draw
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/area.h"
#include "ui/feeds/notice_feed.h"
#include "ui/i18n.h"
#include "ui/platform.h"
#include "ui/session.h"
#include "ui/stations/stations_on_device.h"

namespace hg::ui {

class App {
 public:
  explicit App(Platform& platform);

  void frame();

  Lang lang() const { return lang_; }
  void set_lang(Lang lang);
  Screen screen() const { return screen_; }
  Session& session() { return session_; }

  // Opens what a URL path names, for links from outside the app (core/app_routes.h):
  // "/s/<station-id>" (the QR code on a station's door) opens that station's rating form;
  // "/<area>[/<route>]" opens an area's page ("/coupons/mine", "/bookings/lockers/fz-001").
  // A page that needs an account opens after the visitor has signed in. Other paths: home.
  void open_path(const std::string& path);
  // Navigates to an area and one of its pages ("" = its first page).
  void go(Screen s, const std::string& route = "");

 private:
  void draw_header(float width);
  Area* area(Screen s);
  UiContext context(float page_height);

  Platform& platform_;
  Lang lang_ = Lang::zh;
  Screen screen_ = Screen::home;
  Session session_;
  NoticeFeed notices_;
  stations::StationsOnDevice stations_;
  std::vector<std::unique_ptr<Area>> areas_;  // one per row of kAreas (ui/areas.h), in its order
  bool scroll_to_top_ = false;
  // Where the app goes once the member has signed in: back to the screen that asked them to
  // ("去登录" on the rating form, my coupons, …) as it was left, or to the deep link (path)
  // that needed an account.
  struct AfterSignIn {
    Screen screen;
    std::string path;  // "" for "back to `screen`"
  };
  std::optional<AfterSignIn> after_sign_in_;
};

}  // namespace hg::ui
