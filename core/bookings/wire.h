// What the bookings endpoints (/api/v1/bookings/…) send and receive, shared by the server and
// both clients. The engine's own models (Plan, Slot, Booking, LockerReservation, RestockEntry,
// SubsidyStatement) travel as they are; these add what a screen needs around them (names,
// free places, whether cancelling is still possible) and the request bodies.
// Each top-level JSON name is a constant here, so server and client cannot drift apart.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bookings/booking.h"
#include "core/bookings/locker_models.h"
#include "core/bookings/plan.h"
#include "core/bookings/slot.h"
#include "core/bookings/subsidy_statement.h"
#include "core/cst_time.h"
#include "core/money.h"

namespace hg {

constexpr const char* kAvailabilityJson = "availability";
constexpr const char* kHoldRequestJson = "hold";
constexpr const char* kHoldResultJson = "hold_result";
constexpr const char* kBookingViewJson = "booking";
constexpr const char* kMyBookingsJson = "my_bookings";
constexpr const char* kWaitlistRequestJson = "waitlist";
constexpr const char* kWaitlistViewJson = "waitlist_entry";
constexpr const char* kCheckInRequestJson = "check_in";
constexpr const char* kClinicDayJson = "clinic_day";
constexpr const char* kLockerListJson = "lockers";
constexpr const char* kLockerViewJson = "locker";
constexpr const char* kLockerReserveJson = "reserve";
constexpr const char* kPickupRequestJson = "pickup";
constexpr const char* kReservationJson = "reservation";
constexpr const char* kRestockRequestJson = "restock";
constexpr const char* kRestockEntryJson = "restock_entry";
constexpr const char* kPlanJson = "plan";
constexpr const char* kPlanListJson = "plans";
constexpr const char* kSubsidyStatementJson = "subsidy_statement";

// A clinic, a locker station, a training centre or a station (for duty days).
struct ResourceView {
  std::string id;
  std::string kind;  // clinic, locker, class, station
  std::string name_zh, name_en;
  std::string city;
  std::string address_zh, address_en;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(kind), CEREAL_NVP(name_zh), CEREAL_NVP(name_en), CEREAL_NVP(city),
       CEREAL_NVP(address_zh), CEREAL_NVP(address_en));
  }
};

struct SlotView {
  Slot slot;
  std::int32_t free = 0;      // places a new hold could take now
  std::int32_t waiting = 0;   // members on the waitlist
  bool cadre_only = false;    // station duty: union cadres only

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(slot), CEREAL_NVP(free), CEREAL_NVP(waiting), CEREAL_NVP(cadre_only));
  }
};

// GET /api/v1/bookings/availability?kind=health_check: public.
struct PlanView {
  Plan plan;
  std::string year;              // "2026", CST
  std::int32_t year_used = 0;    // places taken this year
  // For the signed-in member: may book under this plan (true when nobody is signed in).
  bool eligible = true;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(plan), CEREAL_NVP(year), CEREAL_NVP(year_used), CEREAL_NVP(eligible));
  }
};

struct Availability {
  std::vector<PlanView> plans;
  std::vector<ResourceView> resources;
  std::vector<SlotView> slots;  // by start time
  UnixSeconds now = 0;          // the server's clock, so the client's cut-off preview agrees

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(plans), CEREAL_NVP(resources), CEREAL_NVP(slots), CEREAL_NVP(now));
  }
};

// POST /api/v1/bookings/hold. With waitlist_if_full, a full slot puts the member on its
// waitlist in the same request (one round trip in a rush) instead of refusing.
struct HoldRequest {
  std::string slot_id;
  std::string package_id;  // health checks only
  bool waitlist_if_full = false;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(slot_id), CEREAL_NVP(package_id), CEREAL_NVP(waitlist_if_full));
  }
};

struct BookingView {
  Booking booking;
  std::string title_zh, title_en;  // the slot's
  std::string resource_name_zh, resource_name_en;
  SlotKind kind = SlotKind::health_check;
  UnixSeconds start = 0, end = 0;
  UnixSeconds cancel_until = 0;
  bool can_cancel = false;
  std::string checkin_code;  // confirmed bookings: six digits shown at the clinic
  std::string member_name;   // clinic screens only

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(booking), CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(resource_name_zh),
       CEREAL_NVP(resource_name_en), CEREAL_NVP(kind), CEREAL_NVP(start), CEREAL_NVP(end), CEREAL_NVP(cancel_until),
       CEREAL_NVP(can_cancel), CEREAL_NVP(checkin_code), CEREAL_NVP(member_name));
  }
};

struct WaitlistView {
  std::string slot_id;
  std::string title_zh, title_en;
  std::string resource_name_zh, resource_name_en;
  UnixSeconds start = 0;
  std::int32_t position = 0;  // 1 = next to be promoted
  std::int64_t seq = 0;       // the server's acceptance order
  UnixSeconds joined_at = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(slot_id), CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(resource_name_zh),
       CEREAL_NVP(resource_name_en), CEREAL_NVP(start), CEREAL_NVP(position), CEREAL_NVP(seq), CEREAL_NVP(joined_at));
  }
};

// One of booking / waitlist is present, as outcome says: a rush answers 18,000 waitlist joins,
// and an empty booking in each would double every answer (and its stored idempotent copy).
struct HoldResult {
  std::string outcome;                   // "held" or "waitlisted"
  std::optional<BookingView> booking;    // when held
  std::optional<WaitlistView> waitlist;  // when waitlisted

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(outcome), CEREAL_NVP(booking), CEREAL_NVP(waitlist));
  }
};

// GET /api/v1/bookings/mine
struct MyBookings {
  std::vector<BookingView> bookings;  // newest first
  std::vector<WaitlistView> waitlist;
  std::vector<LockerReservation> pickups;  // newest first
  UnixSeconds blocked_until = 0;
  bool cadre = false;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(bookings), CEREAL_NVP(waitlist), CEREAL_NVP(pickups), CEREAL_NVP(blocked_until), CEREAL_NVP(cadre));
  }
};

// POST /api/v1/bookings/waitlist/join and /leave
struct WaitlistRequest {
  std::string slot_id;
  std::string package_id;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(slot_id), CEREAL_NVP(package_id));
  }
};

// POST /api/v1/bookings/clinic/check-in: the code the member shows, and the co-pay taken.
struct CheckInRequest {
  std::string code;
  Fen copay_collected_fen = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(code), CEREAL_NVP(copay_collected_fen));
  }
};

// GET /api/v1/bookings/clinic/day?date=2026-12-01: a clinic's bookings of one CST day.
struct ClinicDay {
  ResourceView clinic;
  std::string date;
  std::vector<BookingView> bookings;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(clinic), CEREAL_NVP(date), CEREAL_NVP(bookings));
  }
};

struct CompartmentView {
  std::int32_t number = 0;
  bool stocked = false;
  bool reserved = false;
  LockerItem item;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(number), CEREAL_NVP(stocked), CEREAL_NVP(reserved), CEREAL_NVP(item));
  }
};

struct LockerView {
  ResourceView locker;
  std::string station_id;
  std::vector<CompartmentView> compartments;
  Fen restocked_this_month_fen = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(locker), CEREAL_NVP(station_id), CEREAL_NVP(compartments), CEREAL_NVP(restocked_this_month_fen));
  }
};

struct LockerList {
  std::vector<LockerView> lockers;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(lockers));
  }
};

struct LockerReserveRequest {
  std::int32_t compartment = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(compartment));
  }
};

struct PickupRequest {
  std::string code;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(code));
  }
};

struct RestockRequest {
  std::int32_t compartment = 0;
  LockerItem item;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(compartment), CEREAL_NVP(item));
  }
};

struct PlanList {
  std::vector<PlanView> plans;
  std::vector<ResourceView> clinics;  // for the subsidy statement picker

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(plans), CEREAL_NVP(clinics));
  }
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::ResourceView, 1)
CEREAL_CLASS_VERSION(hg::SlotView, 1)
CEREAL_CLASS_VERSION(hg::PlanView, 1)
CEREAL_CLASS_VERSION(hg::Availability, 1)
CEREAL_CLASS_VERSION(hg::HoldRequest, 1)
CEREAL_CLASS_VERSION(hg::BookingView, 1)
CEREAL_CLASS_VERSION(hg::WaitlistView, 1)
CEREAL_CLASS_VERSION(hg::HoldResult, 1)
CEREAL_CLASS_VERSION(hg::MyBookings, 1)
CEREAL_CLASS_VERSION(hg::WaitlistRequest, 1)
CEREAL_CLASS_VERSION(hg::CheckInRequest, 1)
CEREAL_CLASS_VERSION(hg::ClinicDay, 1)
CEREAL_CLASS_VERSION(hg::CompartmentView, 1)
CEREAL_CLASS_VERSION(hg::LockerView, 1)
CEREAL_CLASS_VERSION(hg::LockerList, 1)
CEREAL_CLASS_VERSION(hg::LockerReserveRequest, 1)
CEREAL_CLASS_VERSION(hg::PickupRequest, 1)
CEREAL_CLASS_VERSION(hg::RestockRequest, 1)
CEREAL_CLASS_VERSION(hg::PlanList, 1)
