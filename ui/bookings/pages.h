// The bookings pages, one class each (one .cpp each). BookingsArea (bookings_area.cpp)
// routes between them; they talk through Shared.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/bookings/shared.h"
#include "ui/confirm.h"
#include "ui/remote.h"

namespace hg::ui::bookings {

// 预约 home: the four services and the member's own bookings.
class MenuPage {
 public:
  explicit MenuPage(Shared& s) : s_(s) {}
  void draw(UiContext& ctx, float width);

 private:
  Shared& s_;
};

// Health check: package → clinic → date → time → confirm, with the co-pay split shown.
class HealthPage {
 public:
  explicit HealthPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx);
  void draw(UiContext& ctx, float width);

 private:
  struct Step {
    std::string plan, package, clinic, day, slot;
  };
  void draw_packages(UiContext& ctx, float width);
  void draw_clinics(UiContext& ctx, float width);
  void draw_days(UiContext& ctx, float width);
  void draw_times(UiContext& ctx, float width);
  void draw_confirm(UiContext& ctx, float width);
  void draw_outcome(UiContext& ctx, float width);
  void step_title(int n, const char* text);
  const Package* package() const;
  const SlotView* slot() const;

  Shared& s_;
  Remote<Availability, 30000> avail_;
  Error error_;
  bool sending_ = false;
  Step step_;
  // The last step drawn in the previous frame and in this one (1 package … 5 confirm): a
  // step past `shown_step_` has just appeared.
  int shown_step_ = 0, drawn_step_ = 0;
  std::optional<BookOutcome> outcome_;
};

// 我的预约: bookings with cancel (before the cut-off) and check-in codes, waitlist
// positions, locker pickup codes; kept on the device, so the codes show with no signal.
class MinePage {
 public:
  explicit MinePage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx);
  void draw(UiContext& ctx, float width);

 private:
  void cancel(const std::string& id);
  void confirm(const std::string& id);
  void leave(const std::string& slot_id);
  void draw_booking(UiContext& ctx, const BookingView& b, float width);

  Shared& s_;
  KeptRemote<MyBookings, kOnDemand> mine_{kMyBookingsJson};
  Error error_;
  std::string notice_;  // kept until the next action: a result the member may not have seen yet
  ConfirmSheet confirm_;
  std::string asked_cancel_;  // the booking confirm_ asks about cancelling, or
  std::string asked_leave_;   // the slot whose waitlist it asks about leaving
};

// Smart lockers: pick a station's locker, see its 18 compartments, reserve an item.
class LockersPage {
 public:
  explicit LockersPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx);
  void draw(UiContext& ctx, float width);
  // Opens on the locker of this station (from the station map's details) once the list is here.
  void show(const std::string& locker_id) {
    wanted_ = locker_id;
    reserved_.reset();
  }

 private:
  Shared& s_;
  Remote<LockerList, 30000> list_;
  int chosen_ = 0;
  std::string wanted_;    // a locker asked for by id, chosen when the list arrives
  bool not_online_ = false;  // that station's locker takes no online reservations
  Error error_;
  bool sending_ = false;
  std::optional<LockerReservation> reserved_;
};

// Training classes and station-duty days: each with its places, enrol or join the waitlist.
class ClassesPage {
 public:
  ClassesPage(Shared& s, SlotKind kind) : s_(s), kind_(kind) {}
  void tick(const UiContext& ctx);
  void draw(UiContext& ctx, float width);

 private:
  // Whether the signed-in member may take a slot open to cadres only (unknown: let them try).
  bool cadre_refused(const SlotView& v) const;
  void sign_up(const SlotView& v, Lang lang);
  Shared& s_;
  SlotKind kind_;
  Remote<Availability, 30000> avail_;
  Remote<MyBookings, 60000> me_;  // station duty: whether this member is a cadre
  Error error_;                   // error_ and notice_ stay until dismissed or the next tap
  std::string notice_;
  bool sending_ = false;
};

// Clinic staff: check a member in by their code (recording the co-pay), today's list,
// no-shows after the slot.
class ClinicPage {
 public:
  explicit ClinicPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx);
  void draw(UiContext& ctx, float width);

 private:
  void check_in(Fen copay);
  Shared& s_;
  Remote<ClinicDay, 30000> day_;
  char code_[8] = {};
  Error error_;
  std::string notice_;
  bool sending_ = false;
};

// The locker's keypad: six digits open one compartment, once.
class PickupPage {
 public:
  explicit PickupPage(Shared& s) : s_(s) {}
  void draw(UiContext& ctx, float width);

 private:
  void submit();
  Shared& s_;
  std::string code_;
  Error error_;
  std::optional<LockerReservation> opened_;
  bool sending_ = false;
};

// Union admin: plans (yearly places, packages) and the monthly subsidy statement per clinic.
class AdminPage {
 public:
  explicit AdminPage(Shared& s) : s_(s) {}
  void tick(const UiContext& ctx);
  void draw(UiContext& ctx, float width);

  // Places change in steps of this many, each asked about first and undoable for a while.
  static constexpr int kQuotaStep = 1000;

 private:
  void ask_quota(const PlanView& pv, int delta, Lang lang);
  // Saves `plan`; `before` (when set) is what 撤销 puts back afterwards.
  void save(Plan plan, std::optional<Plan> before, Lang lang);
  void fetch_statement(const UiContext& ctx, const std::string& clinic);
  Shared& s_;
  Remote<PlanList, 60000> plans_;
  Remote<SubsidyStatement, kOnDemand> statement_;  // clinic_'s statement for month_
  std::string clinic_, month_;
  Error error_;
  bool sending_ = false;
  ConfirmSheet confirm_;
  Plan asked_;  // the plan as it would be after the change confirm_ asks about
  Plan asked_before_;
  UndoBar undo_;
};

}  // namespace hg::ui::bookings
