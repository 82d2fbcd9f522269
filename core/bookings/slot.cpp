#include "core/bookings/slot.h"

#include <utility>

#include "core/bookings/booking_errors.h"

namespace hg {

namespace {
constexpr const char* kSlotKinds[] = {"health_check", "locker", "class_session", "station_duty"};
}  // namespace

const char* slot_kind_key(SlotKind k) { return kSlotKinds[static_cast<int>(k) % 4]; }

std::optional<SlotKind> slot_kind_from_key(const std::string& key) {
  for (int i = 0; i < 4; ++i)
    if (key == kSlotKinds[i]) return static_cast<SlotKind>(i);
  return std::nullopt;
}

Slot slot_in_cst_window(std::string id, SlotKind kind, std::string resource_id, CivilDate date, CstWindow w,
                        std::int32_t capacity) {
  Slot s;
  s.id = std::move(id);
  s.kind = kind;
  s.resource_id = std::move(resource_id);
  s.start = from_cst({date, w.from_hour, w.from_minute, 0});
  s.end = from_cst({date, w.to_hour, w.to_minute, 0});
  s.capacity = capacity;
  s.book_until = s.start;
  s.cancel_until = period_start(Period::Day, s.start);
  return s;
}

std::optional<Error> validate_slot(const Slot& s) {
  if (s.id.empty() || s.resource_id.empty() || s.end <= s.start || s.capacity < 0 || s.hold_seconds <= 0 ||
      s.end > kOpenEnded || s.hold_seconds > kOpenEnded || s.book_until > s.end || s.cancel_until > s.end)
    return booking_error(BookingErrc::invalid_slot);
  if (s.kind == SlotKind::health_check && s.plan_id.empty()) return booking_error(BookingErrc::invalid_slot);
  return std::nullopt;
}

}  // namespace hg
