// The station set as the app downloads and keeps it offline: a whole snapshot, or a delta
// since a version. Our own compact binary format, because 150,000 stations must fit in 3 MB
// after gzip and be readable from the network and from device storage without trusting it.
//
// Format (all integers are LEB128 varints; "zz" = zigzag-encoded signed varint):
//   magic "HGST" · format version (1 byte, = 1) · payload kind (1 byte: 1 snapshot, 2 delta)
//   snapshot: version · zz generated_at · StationBlock
//   delta:    from_version · to_version · StationBlock (upserts) · removed count · removed ids
//   StationBlock (column-wise, so each column's repetition is next to itself for gzip):
//     string table: count, then each entry as len + UTF-8 bytes (cities, districts, operators)
//     hours table:  count, then each distinct WeeklyHours: flag byte (1 = 24h), else per day
//                   an interval count (≤ 4) and each interval as one varint (open_min << 11 | close_min)
//     station count, then the columns, each over all stations:
//       ids       shared-prefix length with the previous id · suffix len · suffix bytes
//       names     flag (1: the name starts with the district, which is elided) · len · bytes
//       city, district, operator: indexes into the string table
//       addresses flag (1: starts with city+district, elided) · len · bytes
//       lon, lat  zz deltas from the previous station of the coordinate in 1e-6 degrees
//       kind/status/hours: one byte kind | status << 2, then the hours-table index
//       amenities one varint (12 bits)
//       phones    len · bytes
//   Nothing may follow the last field. Decoding checks every count against the bytes left,
//   every string for UTF-8 and its length limit, enum ranges, coordinates and hours, and
//   returns invalid_input instead of throwing or crashing.
// Compression is not core's business: the server gzips the bytes (HTTP Content-Encoding).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/cst_time.h"
#include "core/error.h"
#include "core/stations/station.h"

namespace hg::stations {

constexpr std::uint8_t kSnapshotFormatVersion = 1;
constexpr std::size_t kMaxSnapshotStations = 1'000'000;
// Field limits in UTF-8 bytes; the server's create/edit validation uses the same ones.
constexpr std::size_t kMaxStationIdBytes = 64;
constexpr std::size_t kMaxStationNameBytes = 150;     // 50 hanzi
constexpr std::size_t kMaxStationPlaceBytes = 90;     // city, district, operator union
constexpr std::size_t kMaxStationAddressBytes = 300;  // 100 hanzi
constexpr std::size_t kMaxStationPhoneBytes = 32;
constexpr std::size_t kMaxIntervalsPerDay = 4;

struct StationSnapshot {
  std::uint64_t version = 0;
  UnixSeconds generated_at = 0;
  std::vector<Station> stations;
};

// Changes from one version to a later one: stations created or edited (a delisting is an edit
// of status) and ids removed outright.
struct StationDelta {
  std::uint64_t from_version = 0, to_version = 0;
  std::vector<Station> upserts;
  std::vector<std::string> removed_ids;
};

std::string encode_snapshot(const StationSnapshot& s);
Result<StationSnapshot> decode_snapshot(std::string_view bytes);
std::string encode_delta(const StationDelta& d);
Result<StationDelta> decode_delta(std::string_view bytes);

// Brings `s` from d.from_version to d.to_version: upserts replace by id (or are appended),
// removed ids are dropped. The caller checks s.version == d.from_version first; the version
// is set to d.to_version.
void apply_delta(StationSnapshot& s, const StationDelta& d);

// The checks decode applies to one station (lengths, UTF-8, coordinates, enums, hours), for
// the server's create/edit validation too.
std::optional<Error> validate_station_fields(const Station& st);
bool valid_utf8(std::string_view s);

}  // namespace hg::stations
