// A union station (工会驿站) as the map shows it: where it is (GCJ-02), what it offers,
// when it is open, who runs it and how it stands in the monthly evaluation.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/error.h"

namespace hg::stations {

enum class StationKind : std::uint8_t { regular, smart_locker, self_service_24h };
enum class StationStatus : std::uint8_t { open, yellow_card, red_card, delisted };

// Amenities as bits, so a filter ("hot water and e-bike charging") is one AND per station.
enum class Amenity : std::uint8_t {
  drinking_water, hot_water, microwave, phone_charging, ebike_charging, toilet,
  rest_seats, air_conditioning, first_aid, books, face_scan_entry, smart_locker,
};
constexpr int kAmenityCount = 12;
using Amenities = std::uint16_t;
constexpr Amenities bit(Amenity a) { return static_cast<Amenities>(1u << static_cast<unsigned>(a)); }
constexpr bool has_all(Amenities have, Amenities want) { return (have & want) == want; }

// Minutes after 00:00 CST. close ≤ open means the interval runs past midnight into the next
// day (a night shift's 20:00–02:00); close may be 1440 for "until midnight".
struct OpenInterval {
  int open_min = 0;
  int close_min = 0;
  bool crosses_midnight() const { return close_min <= open_min; }
  template <class Archive>
  void serialize(Archive& ar) {
    ar(CEREAL_NVP(open_min), CEREAL_NVP(close_min));
  }
};

struct WeeklyHours {
  bool always_open = false;                            // 24h
  std::array<std::vector<OpenInterval>, 7> days;       // [0] = Monday … [6] = Sunday
  template <class Archive>
  void serialize(Archive& ar) {
    ar(CEREAL_NVP(always_open), CEREAL_NVP(days));
  }
};

std::optional<Error> validate(const WeeklyHours& h);
// Open at instant t, judged on the CST calendar: today's intervals and yesterday's that
// cross midnight both count.
bool is_open_at(const WeeklyHours& h, UnixSeconds t);

struct Station {
  std::string id;
  std::string name;      // 鼓楼区东街口户外劳动者驿站
  std::string city;      // 福州市
  std::string district;  // 鼓楼区
  std::string address;
  double lon = 0, lat = 0;  // GCJ-02
  StationKind kind = StationKind::regular;
  Amenities amenities = 0;
  WeeklyHours hours;
  std::string operator_union;  // 鼓楼区总工会
  std::string phone;
  StationStatus status = StationStatus::open;

  bool listed() const { return status != StationStatus::delisted; }
  bool open_at(UnixSeconds t) const { return listed() && is_open_at(hours, t); }

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(city), CEREAL_NVP(district), CEREAL_NVP(address), CEREAL_NVP(lon),
       CEREAL_NVP(lat), CEREAL_NVP(kind), CEREAL_NVP(amenities), CEREAL_NVP(hours), CEREAL_NVP(operator_union),
       CEREAL_NVP(phone), CEREAL_NVP(status));
  }
};

}  // namespace hg::stations

CEREAL_CLASS_VERSION(hg::stations::OpenInterval, 1)
CEREAL_CLASS_VERSION(hg::stations::WeeklyHours, 1)
CEREAL_CLASS_VERSION(hg::stations::Station, 1)
