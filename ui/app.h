// The app as both clients run it: one object, one frame() per display refresh. The runner
// (web/ or native/) owns the window and calls, each frame:
//   platform.poll(); ImGui::NewFrame(); app.frame(); ImGui::Render(); draw
#pragma once
#include <string>

#include "ui/feeds/notice_feed.h"
#include "ui/i18n.h"
#include "ui/platform.h"

namespace hg::ui {

enum class Screen { home, station_map, bookings, points_mall, brand };

class App {
 public:
  explicit App(Platform& platform);

  void frame();

  Lang lang() const { return lang_; }
  void set_lang(Lang lang);
  Screen screen() const { return screen_; }

  static constexpr const char* kVersion = "0.1.0";

 private:
  friend struct ScreenContext;
  void draw_home(float width);
  void draw_header(float width);
  void draw_offline_banner(float width);
  void draw_placeholder(float width);
  void go(Screen s, int brand = 0);

  Platform& platform_;
  Lang lang_ = Lang::zh;
  Screen screen_ = Screen::home;
  int brand_ = 0;  // which brand page is open, when screen_ == brand
  NoticeFeed notices_;
  std::string server_version_ = "—";
  bool version_requested_ = false;
  char search_[128] = {};
};

}  // namespace hg::ui
