// A bookable slot of any resource: a clinic's time window on a date, a stocked locker
// compartment, a class session, a station-duty shift. All four kinds share one capacity
// engine (SlotBook); what differs between them is only these numbers.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/cst_time.h"
#include "core/error.h"

namespace hg {

enum class SlotKind : std::uint8_t { health_check, locker, class_session, station_duty };
// "health_check", "locker", "class_session", "station_duty": the word in the store, in
// availability's ?kind= and in JSON.
const char* slot_kind_key(SlotKind k);
std::optional<SlotKind> slot_kind_from_key(const std::string& key);

// An instant far enough away to mean "open-ended" (9999-12-31 23:59:59 UTC) while still
// formatting as a date and leaving room to add durations without overflow.
constexpr UnixSeconds kOpenEnded = 253402300799;

struct Slot {
  std::string id;
  SlotKind kind = SlotKind::class_session;
  std::string resource_id;  // clinic, locker compartment, class or station
  std::string plan_id;      // the plan that pays (health checks); empty otherwise
  std::string title_zh, title_en;
  UnixSeconds start = 0, end = 0;
  std::int32_t capacity = 0;
  // Holds and waitlist promotions are refused from this instant on.
  UnixSeconds book_until = 0;
  // A confirmed booking may be cancelled (the place returns) only before this instant.
  UnixSeconds cancel_until = 0;
  // How long a hold keeps the place before it lapses if not confirmed.
  std::int64_t hold_seconds = 15 * 60;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(kind), CEREAL_NVP(resource_id), CEREAL_NVP(plan_id), CEREAL_NVP(title_zh),
       CEREAL_NVP(title_en), CEREAL_NVP(start), CEREAL_NVP(end), CEREAL_NVP(capacity), CEREAL_NVP(book_until),
       CEREAL_NVP(cancel_until), CEREAL_NVP(hold_seconds));
  }
};

// A slot on a CST date from `from` to `to` (hour, minute), with the usual rules: booking
// closes when it starts, cancelling closes at 00:00 CST that day (i.e. "by the end of the
// day before"), holds last 15 minutes.
struct CstWindow {
  int from_hour = 9, from_minute = 0, to_hour = 17, to_minute = 0;
};
Slot slot_in_cst_window(std::string id, SlotKind kind, std::string resource_id, CivilDate date, CstWindow window,
                        std::int32_t capacity);

// Missing ids, end not after start, negative capacity, a non-positive hold.
std::optional<Error> validate_slot(const Slot& slot);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Slot, 1)
