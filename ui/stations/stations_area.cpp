// The stations area. Placeholder page until its issue builds the screens.
#include <imgui.h>

#include "ui/areas.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui {

namespace {

class StationsArea : public Area {
 public:
  StationsArea(Platform& /*platform*/, Session& /*session*/) {}

  void draw(UiContext& ctx, float width) override {
    if (coming_soon_page("站", title(ctx.lang), theme::rgb(0x0EA5E9), L(ctx.lang, "即将开放", "Coming soon"),
                         L(ctx.lang, "这项服务正在建设中，敬请期待。", "This service is being built. Please check back soon."),
                         L(ctx.lang, "返回首页", "Back to home"), width))
      ctx.go(Screen::home, "");
  }
  std::string trace_name() const override { return "stations"; }
  const char* title(Lang lang) const override { return L(lang, "驿站地图", "Station map"); }
};

}  // namespace

std::unique_ptr<Area> make_stations_area(Platform& platform, Session& session) {
  return std::make_unique<StationsArea>(platform, session);
}

}  // namespace hg::ui
