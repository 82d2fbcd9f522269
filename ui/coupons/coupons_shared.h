// What the coupon pages share: the session, the server's clock, which page to show next,
// and what one page hands to another (a claim's outcome, the coupon to show as a QR code).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/coupons/wire.h"
#include "core/cst_time.h"
#include "ui/area.h"
#include "ui/coupons/coupons_api.h"
#include "ui/remote.h"

namespace hg::ui::coupons {

enum class Page { campaigns, claim_result, mine, qr, redeem, admin, admin_create, settlement };

// The result of one claim tap, for the claim-result page.
struct ClaimOutcome {
  Batch batch;                           // what was claimed (the answer names only coupons)
  std::optional<ClaimResult> result;     // got it
  std::optional<CouponRefusal> refusal;  // sold out, limit reached, not eligible, not open yet…
  Error error;                           // the server's words (zh + en), or a transport failure
};

// The claim being sent, kept until the server answers: its key goes with every retry of the
// same tap, so a retry after a lost answer returns the first coupon, never a second one.
struct ClaimFlight {
  Batch batch;
  std::string key;
  bool in_flight = false;
};

struct Shared {
  Platform& platform;
  Session& session;
  ServerClock clock;
  std::function<void(Page)> open;  // pushes a page (back() returns to the one before)
  ClaimFlight flight;
  ClaimOutcome outcome;
  std::optional<CouponView> shown;  // the coupon on the QR page
  bool mine_stale = true;           // a claim or redemption happened: refetch my coupons
  bool campaigns_stale = true;
  // The CST month the dashboard and settlement show (one month for both screens, so their
  // figures agree); this month when first needed.
  std::optional<YearMonth> month;
};

// s.month, set to the current CST month (by the server's clock when known) the first time.
YearMonth shown_month(Shared& s, const UiContext& ctx);

// Keeps a page's answer that carries the server's time (campaigns, my coupons, the dashboard):
// syncs the clock, then the list (a Remote or KeptRemote, ui/remote.h) keeps the answer.
template <class T, class List>
void keep_list_answer(Shared& s, Answer<T>& a, List& list) {
  if (a.ok()) s.clock.sync(a.value->server_now, s.platform.now_ms());
  list.keep(a);
}

// Sends the claim in s.flight (a no-op while one is in flight) and opens the result page
// with the answer. Signed-out members get the sign-in prompt without a request.
void send_claim(Shared& s);
// Starts a claim for a batch: a fresh key unless it retries the unanswered one.
void start_claim(Shared& s, const Batch& batch);

}  // namespace hg::ui::coupons
