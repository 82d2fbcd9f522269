// Deterministic station sets: Fujian's demo stations (nine prefectures, realistic names,
// addresses and positions; Fuzhou's 39 smart-locker stations and Zhangzhou's 40 24-hour
// self-service stations) and a 150,000-station national stress set. Pure functions of a
// seed, like data/demo_data.h: no clock, no files, no std::random distributions.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/stations/station.h"

namespace hg::demo {

constexpr int kFuzhouSmartLockers = 39;
constexpr int kZhangzhouSelfService = 40;
constexpr int kNationalStationCount = 150'000;

// A few hundred stations across Fujian's nine prefectures, ids "fz-001", "xm-014", … (city
// code + number), positions in GCJ-02 around real district centres. Every station is open
// (status) — the server's seed gives some of them cards through the monthly evaluation.
std::vector<stations::Station> make_fujian_stations(std::uint64_t seed);

// `count` stations across China's provinces, clustered around generated cities, ids
// "cn000001" …; names use only common (GB2312 level-1) characters so the UI font subset
// covers them.
std::vector<stations::Station> make_national_stations(std::uint64_t seed, int count = kNationalStationCount);

// The rough centre of a Fujian district the demo set uses ("鼓楼区" → 119.30, 26.08), for tests
// that check a station lies near its district; false when unknown.
bool fujian_district_centre(const std::string& district, double& lon, double& lat);

}  // namespace hg::demo
