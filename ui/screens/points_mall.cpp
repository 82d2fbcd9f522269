// 惠工商城 (points mall): not built yet, so its area shows the "即将开放" page; back goes home.
#include <memory>

#include "ui/areas.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui {

namespace {

class PointsMallArea : public Area {
 public:
  void draw(UiContext& ctx, float width) override {
    const Lang lang = ctx.lang;
    if (coming_soon_page("豆", tr(S::points_mall, lang), theme::kPointsTile, tr(S::coming_soon, lang),
                         tr(S::coming_soon_body, lang), tr(S::back, lang), width))
      ctx.go(Screen::home, "");
  }
  std::string trace_name() const override { return "points_mall"; }
  const char* title(Lang /*lang*/) const override { return nullptr; }
};

}  // namespace

std::unique_ptr<Area> make_points_mall_area(AreaHost& /*host*/) { return std::make_unique<PointsMallArea>(); }

}  // namespace hg::ui
