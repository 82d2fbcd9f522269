// The bookings area (预约): health checks, smart-locker items, training classes and station
// duty on one capacity engine, plus the staff tools. Routes:
//   ""        the services         "mine"    the member's bookings
//   "clinic"  clinic check-in      "locker"  the locker's pickup keypad
//   "admin"   plans and the monthly subsidy statement
//   "health" / "lockers" / "classes" / "duty"  one service directly
#include <imgui.h>

#include <string_view>

#include "ui/areas.h"
#include "ui/bookings/pages.h"
#include "ui/page_stack.h"
#include "ui/theme.h"

namespace hg::ui {

namespace {

using bookings::Page;

class BookingsArea : public Area {
 public:
  BookingsArea(Platform& platform, Session& session)
      : shared_{platform, session, [this](Page p) { stack_.show(p); }, true},
        menu_(shared_),
        health_(shared_),
        mine_(shared_),
        lockers_(shared_),
        classes_(shared_, SlotKind::class_session),
        duty_(shared_, SlotKind::station_duty),
        clinic_(shared_),
        pickup_(shared_),
        admin_(shared_) {}

  void open(const std::string& route) override {
    stack_.reset({Page::menu});
    static const std::pair<const char*, Page> kRoutes[] = {
        {"mine", Page::mine},       {"clinic", Page::clinic},   {"locker", Page::pickup}, {"admin", Page::admin},
        {"health", Page::health},   {"lockers", Page::lockers}, {"classes", Page::classes}, {"duty", Page::duty}};
    for (const auto& [name, page] : kRoutes)
      if (route == name) stack_.show(page);
    // "lockers/<station-id>": the items in that station's smart locker.
    constexpr std::string_view kLocker = "lockers/";
    if (route.rfind(kLocker, 0) == 0 && route.size() > kLocker.size()) {
      stack_.show(Page::lockers);
      lockers_.show(route.substr(kLocker.size()));
    }
    if (page() == Page::mine) shared_.mine_stale = true;
  }

  bool back() override { return stack_.back(); }

  void tick(UiContext& ctx) override {
    switch (page()) {
      case Page::health: health_.tick(ctx); break;
      case Page::mine: mine_.tick(ctx); break;
      case Page::lockers: lockers_.tick(ctx); break;
      case Page::classes: classes_.tick(ctx); break;
      case Page::duty: duty_.tick(ctx); break;
      case Page::clinic: clinic_.tick(ctx); break;
      case Page::admin: admin_.tick(ctx); break;
      default: break;
    }
  }

  void draw(UiContext& ctx, float width) override {
    switch (page()) {
      case Page::menu: menu_.draw(ctx, width); break;
      case Page::health: health_.draw(ctx, width); break;
      case Page::mine: mine_.draw(ctx, width); break;
      case Page::lockers: lockers_.draw(ctx, width); break;
      case Page::classes: classes_.draw(ctx, width); break;
      case Page::duty: duty_.draw(ctx, width); break;
      case Page::clinic: clinic_.draw(ctx, width); break;
      case Page::pickup: pickup_.draw(ctx, width); break;
      case Page::admin: admin_.draw(ctx, width); break;
    }
  }

  std::string trace_name() const override {
    static const char* kNames[] = {"menu", "health", "mine", "lockers", "classes", "duty", "clinic", "locker", "admin"};
    return std::string("bookings/") + kNames[static_cast<int>(page())];
  }

  const char* title(Lang lang) const override {
    switch (page()) {
      case Page::health: return L(lang, "健康体检", "Health check");
      case Page::mine: return L(lang, "我的预约", "My bookings");
      case Page::lockers: return L(lang, "智能柜", "Smart lockers");
      case Page::classes: return L(lang, "技能培训", "Training classes");
      case Page::duty: return L(lang, "当一天站长", "Station master for a day");
      case Page::clinic: return L(lang, "体检签到", "Check-in");
      case Page::pickup: return L(lang, "智能柜取件", "Locker pickup");
      case Page::admin: return L(lang, "预约计划管理", "Booking plans");
      default: return L(lang, "预约", "Bookings");
    }
  }

 private:
  Page page() const { return stack_.top(); }

  bookings::Shared shared_;
  PageStack<Page> stack_{Page::menu};
  bookings::MenuPage menu_;
  bookings::HealthPage health_;
  bookings::MinePage mine_;
  bookings::LockersPage lockers_;
  bookings::ClassesPage classes_, duty_;
  bookings::ClinicPage clinic_;
  bookings::PickupPage pickup_;
  bookings::AdminPage admin_;
};

}  // namespace

std::unique_ptr<Area> make_bookings_area(AreaHost& host) {
  return std::make_unique<BookingsArea>(host.platform, host.session);
}

}  // namespace hg::ui
