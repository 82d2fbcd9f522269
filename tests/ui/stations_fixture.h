// Stations made in the test (deterministic, seeded), written to a device folder as the
// snapshot the app keeps, so the station screens start from "the device copy" exactly as
// they do offline. Varied on purpose: kinds, statuses, amenities, hours across midnight.
#pragma once
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "core/stations/snapshot.h"
#include "core/stations/station.h"
#include "ui/platform.h"

namespace stations_fixture {

inline std::uint32_t next(std::uint32_t& s) {
  s = s * 1664525u + 1013904223u;
  return s >> 8;
}

inline std::vector<hg::stations::Station> make_stations(int n, std::uint32_t seed = 7) {
  using namespace hg::stations;
  struct City {
    const char* city;
    const char* district;
    double lon, lat;
  };
  static const City cities[] = {{"福州市", "鼓楼区", 119.30, 26.08}, {"厦门市", "思明区", 118.09, 24.48},
                                {"泉州市", "丰泽区", 118.60, 24.90}, {"漳州市", "芗城区", 117.65, 24.51},
                                {"南平市", "延平区", 118.18, 26.64}, {"龙岩市", "新罗区", 117.02, 25.08}};
  std::vector<Station> out;
  for (int i = 0; i < n; ++i) {
    const City& c = cities[next(seed) % 6];
    Station s;
    s.id = "T" + std::to_string(100000 + i);
    s.name = std::string(c.district) + "测试" + std::to_string(i) + "号驿站";
    s.city = c.city;
    s.district = c.district;
    s.address = "中山路" + std::to_string(i % 300 + 1) + "号";
    s.lon = c.lon + (static_cast<double>(next(seed) % 20000) - 10000) * 1e-5 * 3;
    s.lat = c.lat + (static_cast<double>(next(seed) % 20000) - 10000) * 1e-5 * 3;
    s.kind = static_cast<StationKind>(next(seed) % 3);
    s.amenities = static_cast<Amenities>(next(seed) & 0x0FFF);
    s.operator_union = std::string(c.district) + "总工会";
    s.phone = "0591-8" + std::to_string(1000000 + i);
    const std::uint32_t st = next(seed) % 20;
    s.status = st == 0 ? StationStatus::yellow_card : st == 1 ? StationStatus::red_card : st == 2 ? StationStatus::delisted
                                                                                           : StationStatus::open;
    if (i % 500 == 499) {
      // A few remote stations on their own, far from the cities and from each other, so a
      // province-wide view has single pins as well as bubbles.
      s.lon = 115.9 + 1.3 * (i / 500);
      s.lat = 28.1;
      s.status = StationStatus::open;
    }
    if (s.kind == StationKind::self_service_24h) {
      s.hours.always_open = true;
    } else {
      for (int d = 0; d < 7; ++d) {
        if (i % 5 == 0)
          s.hours.days[static_cast<std::size_t>(d)] = {{20 * 60, 2 * 60}};  // a night station, past midnight
        else if (d < 6 || i % 2 == 0)
          s.hours.days[static_cast<std::size_t>(d)] = {{8 * 60, 20 * 60}};
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Writes what StationStore keeps under "stations.snapshot" into a device folder.
inline void write_device_copy(const std::string& device_dir, const std::vector<hg::stations::Station>& stations,
                              std::uint64_t version = 1, std::int64_t generated_at = 1764000000) {
  hg::stations::StationSnapshot snap;
  snap.version = version;
  snap.generated_at = generated_at;
  snap.stations = stations;
  std::ofstream(device_dir + "/" + hg::ui::storage_file_name("stations.snapshot"), std::ios::binary)
      << hg::stations::encode_snapshot(snap);
}

}  // namespace stations_fixture
