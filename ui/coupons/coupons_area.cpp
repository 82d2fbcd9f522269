// The coupons area (惠工券): routes from the rest of the app to its pages (a PageStack
// between them).
//   ""            every brand's campaigns      "brand/<0-5>"  one brand (home-screen tiles)
//   "campaign/<id>"  one campaign's coupons to claim (home's search)
//   "mine"        the member's coupons         "redeem"       merchant staff redeem a code
//   "admin"       union admin dashboard (create campaigns, monthly settlement)
#include <imgui.h>

#include <cstdlib>

#include "ui/areas.h"
#include "ui/coupons/pages.h"
#include "ui/page_stack.h"
#include "ui/theme.h"

namespace hg::ui {

namespace {

using coupons::Page;

class CouponsArea : public Area {
 public:
  CouponsArea(Platform& platform, Session& session)
      : shared_{platform, session, {}, [this](Page p) { show(p); }, {}, {}, {}, true, true, {}},
        campaigns_(shared_),
        result_(shared_),
        mine_(shared_),
        qr_(shared_),
        redeem_(shared_),
        admin_(shared_),
        create_(shared_),
        settlement_(shared_) {}

  void open(const std::string& route) override {
    if (route.rfind("brand/", 0) == 0) {
      const int b = std::atoi(route.c_str() + 6);
      campaigns_.set_brand(b >= 0 && b < kBrandCount ? b : -1);
      shared_.campaigns_stale = true;
      stack_.reset({Page::campaigns});
    } else if (route.rfind("campaign/", 0) == 0) {
      campaigns_.set_campaign(route.substr(9));
      shared_.campaigns_stale = true;
      stack_.reset({Page::campaigns});
    } else if (route == "mine") {
      shared_.mine_stale = true;
      stack_.reset({Page::mine});
    } else if (route == "redeem") {
      redeem_.reset();
      stack_.reset({Page::redeem});
    } else if (route == "admin") {
      shared_.campaigns_stale = true;
      stack_.reset({Page::admin});
    } else {
      campaigns_.set_brand(-1);
      shared_.campaigns_stale = true;
      stack_.reset({Page::campaigns});
    }
  }

  // (The page scrolls to its top at the next draw: the header's window is current here.)
  bool back() override { return stack_.back(); }

  void tick(UiContext& ctx) override {
    const Page p = page();
    campaigns_.tick(ctx, shown_ && p == Page::campaigns);
    mine_.tick(ctx, shown_ && p == Page::mine);
    qr_.tick(ctx, shown_ && p == Page::qr);
    admin_.tick(ctx, shown_ && p == Page::admin);
    settlement_.tick(ctx, shown_ && p == Page::settlement);
    shown_ = false;  // draw() sets it again if the area is still on screen this frame
  }

  void draw(UiContext& ctx, float width) override {
    shown_ = true;
    if (stack_.take_moved()) {
      ImGui::SetScrollY(0);
      if (page() == Page::admin_create) create_.arrived();
    }
    switch (page()) {
      case Page::campaigns: campaigns_.draw(ctx, width); break;
      case Page::claim_result: result_.draw(ctx, width); break;
      case Page::mine: mine_.draw(ctx, width); break;
      case Page::qr: qr_.draw(ctx, width); break;
      case Page::redeem: redeem_.draw(ctx, width); break;
      case Page::admin: admin_.draw(ctx, width); break;
      case Page::admin_create: create_.draw(ctx, width); break;
      case Page::settlement: settlement_.draw(ctx, width); break;
    }
  }

  std::string trace_name() const override {
    switch (page()) {
      case Page::campaigns: return "coupons/campaigns";
      case Page::claim_result: return "coupons/claim_result";
      case Page::mine: return "coupons/mine";
      case Page::qr: return "coupons/qr";
      case Page::redeem: return "coupons/redeem";
      case Page::admin: return "coupons/admin";
      case Page::admin_create: return "coupons/admin_create";
      case Page::settlement: return "coupons/settlement";
    }
    return "coupons";
  }
  const char* title(Lang lang) const override { return L(lang, "惠工券", "Coupons"); }

 private:
  Page page() const { return stack_.top(); }

  void show(Page p) {
    stack_.show(p);
    if (p == Page::redeem) redeem_.reset();
    if (p == Page::settlement) settlement_.reload();
  }

  coupons::Shared shared_;
  coupons::CampaignsPage campaigns_;
  coupons::ClaimResultPage result_;
  coupons::MyCouponsPage mine_;
  coupons::CouponQrPage qr_;
  coupons::RedeemPage redeem_;
  coupons::AdminPage admin_;
  coupons::AdminCreatePage create_;
  coupons::SettlementPage settlement_;
  PageStack<Page> stack_{Page::campaigns};
  bool shown_ = false;
};

}  // namespace

std::unique_ptr<Area> make_coupons_area(AreaHost& host) {
  return std::make_unique<CouponsArea>(host.platform, host.session);
}

}  // namespace hg::ui
