#include "core/stations/snapshot.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "core/json.h"

namespace hg::stations {
namespace {

Station station(int n, const char* district = "鼓楼区") {
  Station s;
  s.id = "fz-" + std::to_string(1000 + n);
  s.district = district;
  s.name = std::string(district) + "东街口工会驿站" + std::to_string(n);
  s.city = "福州市";
  s.address = "福州市" + std::string(district) + "东街" + std::to_string(n) + "号";
  s.lon = 119.296494 + n * 0.001234;
  s.lat = 26.074508 - n * 0.000777;
  s.kind = static_cast<StationKind>(n % 3);
  s.status = static_cast<StationStatus>(n % 4);
  s.amenities = static_cast<Amenities>((n * 37) & 0xFFF);
  s.operator_union = std::string(district) + "总工会";
  s.phone = "0591-8765" + std::to_string(4000 + n);
  if (n % 5 == 0) {
    s.hours.always_open = true;
  } else {
    for (int d = 0; d < 5; ++d) s.hours.days[static_cast<std::size_t>(d)] = {{8 * 60, 12 * 60}, {14 * 60, 18 * 60 + n % 30}};
    s.hours.days[5] = {{20 * 60, 2 * 60}};  // past midnight
    s.hours.days[6] = {{9 * 60, 1440}};
  }
  return s;
}

void expect_same(const Station& a, const Station& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.city, b.city);
  EXPECT_EQ(a.district, b.district);
  EXPECT_EQ(a.address, b.address);
  EXPECT_NEAR(a.lon, b.lon, 0.5e-6);
  EXPECT_NEAR(a.lat, b.lat, 0.5e-6);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.amenities, b.amenities);
  EXPECT_EQ(a.operator_union, b.operator_union);
  EXPECT_EQ(a.phone, b.phone);
  EXPECT_EQ(a.hours.always_open, b.hours.always_open);
  for (std::size_t d = 0; d < 7; ++d) {
    ASSERT_EQ(a.hours.days[d].size(), b.hours.days[d].size());
    for (std::size_t i = 0; i < a.hours.days[d].size(); ++i) {
      EXPECT_EQ(a.hours.days[d][i].open_min, b.hours.days[d][i].open_min);
      EXPECT_EQ(a.hours.days[d][i].close_min, b.hours.days[d][i].close_min);
    }
  }
}

StationSnapshot sample(int n) {
  StationSnapshot s;
  s.version = 4711;
  s.generated_at = 1795831200;
  for (int i = 0; i < n; ++i) s.stations.push_back(station(i, i % 2 ? "鼓楼区" : "台江区"));
  // One whose name and address do not start with the district, and one with empty extras.
  s.stations[1].name = "东街口驿站";
  s.stations[2].address = "东街口";
  s.stations[3].phone.clear();
  s.stations[3].operator_union.clear();
  return s;
}

TEST(Snapshot, RoundTrip) {
  const StationSnapshot s = sample(50);
  const std::string bytes = encode_snapshot(s);
  auto back = decode_snapshot(bytes);
  ASSERT_TRUE(back.ok()) << back.error().en;
  EXPECT_EQ(back.value().version, s.version);
  EXPECT_EQ(back.value().generated_at, s.generated_at);
  ASSERT_EQ(back.value().stations.size(), s.stations.size());
  for (std::size_t i = 0; i < s.stations.size(); ++i) expect_same(s.stations[i], back.value().stations[i]);
  // Re-encoding the decoded set gives the same bytes: nothing was lost or reordered.
  EXPECT_EQ(encode_snapshot(back.value()), bytes);
}

TEST(Snapshot, EmptyAndNegativeCoordinates) {
  StationSnapshot s;
  auto back = decode_snapshot(encode_snapshot(s));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back.value().stations.empty());
  s.stations.push_back(station(1));
  s.stations[0].lon = -70.5;
  s.stations[0].lat = -33.25;
  back = decode_snapshot(encode_snapshot(s));
  ASSERT_TRUE(back.ok());
  EXPECT_DOUBLE_EQ(back.value().stations[0].lon, -70.5);
  EXPECT_DOUBLE_EQ(back.value().stations[0].lat, -33.25);
}

TEST(Snapshot, CompactPerStation) {
  // Against cereal's portable binary of the same stations (what a naive cache would store):
  // tables, prefix elision, varints and the hours table should save well over a third.
  const StationSnapshot s = sample(1000);
  const std::string bytes = encode_snapshot(s);
  const std::string cereal_bytes = to_binary(s.stations);
  EXPECT_LT(bytes.size() * 10, cereal_bytes.size() * 6) << bytes.size() << " vs " << cereal_bytes.size();
}

TEST(Snapshot, EveryTruncationIsRejected) {
  const std::string bytes = encode_snapshot(sample(20));
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto r = decode_snapshot(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(r.ok()) << "prefix of " << n << " bytes decoded";
    EXPECT_EQ(r.error().code, Errc::invalid_input);
  }
  EXPECT_FALSE(decode_snapshot(bytes + '\0').ok());  // trailing bytes
}

TEST(Snapshot, CorruptedBytesNeverCrash) {
  // Flip each byte to several values: decode either rejects with invalid_input or yields
  // stations that pass validation. (Run under the sanitizers this also proves no overreads.)
  const std::string bytes = encode_snapshot(sample(12));
  std::uint32_t x = 12345;
  int rejected = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (int k = 0; k < 4; ++k) {
      x = x * 1664525u + 1013904223u;
      std::string bad = bytes;
      bad[i] = static_cast<char>(k == 0 ? 0xFF : k == 1 ? 0x80 : static_cast<int>(x >> 24));
      auto r = decode_snapshot(bad);
      if (!r.ok()) {
        EXPECT_EQ(r.error().code, Errc::invalid_input);
        ++rejected;
      } else {
        for (const Station& st : r.value().stations) EXPECT_FALSE(validate_station_fields(st).has_value());
      }
    }
  }
  EXPECT_GT(rejected, static_cast<int>(bytes.size()));
}

TEST(Snapshot, RejectsHostileHeadersAndFields) {
  std::string bytes = encode_snapshot(sample(4));
  std::string wrong_magic = bytes;
  wrong_magic[0] = 'X';
  EXPECT_FALSE(decode_snapshot(wrong_magic).ok());
  std::string wrong_version = bytes;
  wrong_version[4] = 2;
  EXPECT_FALSE(decode_snapshot(wrong_version).ok());
  EXPECT_FALSE(decode_delta(bytes).ok());  // a snapshot is not a delta

  // A huge station count with few bytes behind it must not allocate or loop.
  std::string huge = bytes.substr(0, 6);
  huge += '\x01';                                   // version
  huge += '\x00';                                   // generated_at
  huge += '\x00';                                   // no strings
  huge += '\x00';                                   // no weeks
  huge += "\xff\xff\xff\xff\x0f";                   // 4 billion stations
  EXPECT_FALSE(decode_snapshot(huge).ok());

  // Invalid UTF-8, an over-long name and out-of-range values are caught when encoded by a
  // careless writer, since the encoder trusts its input.
  StationSnapshot s = sample(4);
  s.stations[0].name = "\xe9\xa9";  // a cut-off 驿
  EXPECT_FALSE(decode_snapshot(encode_snapshot(s)).ok());
  s = sample(4);
  s.stations[0].name = std::string(kMaxStationNameBytes + 1, 'a');
  EXPECT_FALSE(decode_snapshot(encode_snapshot(s)).ok());
  s = sample(4);
  s.stations[1].id = s.stations[0].id;
  EXPECT_FALSE(decode_snapshot(encode_snapshot(s)).ok());
  s = sample(4);
  s.stations[0].lat = 95;
  EXPECT_FALSE(decode_snapshot(encode_snapshot(s)).ok());
  s = sample(4);
  s.stations[0].hours.always_open = false;
  s.stations[0].hours.days[0] = {{600, 1500}};
  EXPECT_FALSE(decode_snapshot(encode_snapshot(s)).ok());
  s = sample(4);
  s.stations[0].amenities = 0x1000;
  EXPECT_FALSE(decode_snapshot(encode_snapshot(s)).ok());
  s = sample(4);
  s.stations[0].id = "a/b";
  EXPECT_FALSE(decode_snapshot(encode_snapshot(s)).ok());
}

TEST(Snapshot, DeltaRoundTripAndApply) {
  StationSnapshot base = sample(10);
  base.version = 7;
  StationDelta d;
  d.from_version = 7;
  d.to_version = 9;
  Station edited = base.stations[4];
  edited.status = StationStatus::delisted;
  edited.name = "台江区新名字工会驿站";
  d.upserts = {edited, station(99, "仓山区")};
  d.removed_ids = {base.stations[2].id, "no-such-station"};

  auto back = decode_delta(encode_delta(d));
  ASSERT_TRUE(back.ok()) << back.error().en;
  EXPECT_EQ(back.value().from_version, 7u);
  EXPECT_EQ(back.value().to_version, 9u);
  ASSERT_EQ(back.value().upserts.size(), 2u);
  expect_same(back.value().upserts[0], edited);
  EXPECT_EQ(back.value().removed_ids, d.removed_ids);

  StationSnapshot s = base;
  apply_delta(s, back.value());
  EXPECT_EQ(s.version, 9u);
  ASSERT_EQ(s.stations.size(), 10u);  // one removed, one added
  for (const Station& st : s.stations) EXPECT_NE(st.id, base.stations[2].id);
  auto find = [&](const std::string& id) -> const Station* {
    for (const Station& st : s.stations)
      if (st.id == id) return &st;
    return nullptr;
  };
  ASSERT_NE(find(edited.id), nullptr);
  EXPECT_EQ(find(edited.id)->status, StationStatus::delisted);
  EXPECT_EQ(find(edited.id)->name, edited.name);
  ASSERT_NE(find(station(99).id), nullptr);
  EXPECT_EQ(find(station(99).id)->district, "仓山区");
  expect_same(*find(base.stations[5].id), base.stations[5]);  // untouched

  // An empty delta only moves the version.
  StationDelta empty{9, 10, {}, {}};
  auto e = decode_delta(encode_delta(empty));
  ASSERT_TRUE(e.ok());
  apply_delta(s, e.value());
  EXPECT_EQ(s.version, 10u);
  EXPECT_EQ(s.stations.size(), 10u);
}

TEST(Snapshot, DeltaRejectsBadInput) {
  StationDelta d{5, 4, {}, {}};
  EXPECT_FALSE(decode_delta(encode_delta(d)).ok());  // versions backwards
  d = {4, 5, {station(1)}, {"fz-1"}};
  const std::string bytes = encode_delta(d);
  for (std::size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(decode_delta(std::string_view(bytes).substr(0, n)).ok());
  d.removed_ids = {""};
  EXPECT_FALSE(decode_delta(encode_delta(d)).ok());
}

}  // namespace
}  // namespace hg::stations
