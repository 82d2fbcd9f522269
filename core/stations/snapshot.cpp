// Station snapshots and deltas in their compact binary form (see snapshot.h).
//
// Sections:
//   writing             the byte writer, shared string and hours tables, a block of stations
//   reading             the bounds-checked reader and a block back into stations
//   validation          UTF-8 and the field limits a station must keep
//   snapshot and delta  encode, decode and apply
#include "core/stations/snapshot.h"

#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace hg::stations {

namespace {

constexpr char kMagic[4] = {'H', 'G', 'S', 'T'};
constexpr std::uint8_t kKindSnapshot = 1, kKindDelta = 2;
constexpr std::int64_t kMaxMicroLon = 180'000'000, kMaxMicroLat = 90'000'000;

Error bad(const char* what) {
  return make_error(Errc::invalid_input, std::string("驿站数据损坏：") + what, std::string("Station data is corrupt: ") + what);
}

std::int64_t to_micro(double deg) { return std::llround(deg * 1e6); }

// ---- writing ----

class Writer {
 public:
  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void raw(std::string_view s) { out_.append(s.data(), s.size()); }
  void u(std::uint64_t v) {
    while (v >= 0x80) {
      byte(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    byte(static_cast<std::uint8_t>(v));
  }
  void s(std::int64_t v) { u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
  void str(std::string_view v) {
    u(v.size());
    raw(v);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

std::string hours_key(const WeeklyHours& h) {
  Writer w;
  w.byte(h.always_open ? 1 : 0);
  if (!h.always_open)
    for (const auto& day : h.days) {
      w.u(day.size());
      for (const OpenInterval& i : day)
        w.u(static_cast<std::uint64_t>(i.open_min) << 11 | static_cast<std::uint64_t>(i.close_min));
    }
  return w.take();
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return !prefix.empty() && s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

void write_block(Writer& w, const std::vector<Station>& stations) {
  // Tables first: every distinct city, district and operator once; every distinct week once.
  std::map<std::string, std::uint64_t> strings;
  std::vector<const std::string*> string_order;
  auto intern = [&](const std::string& v) {
    auto [it, fresh] = strings.emplace(v, strings.size());
    if (fresh) string_order.push_back(&it->first);
    return it->second;
  };
  std::unordered_map<std::string, std::uint64_t> weeks;
  std::vector<std::string> week_order;
  std::vector<std::uint64_t> city(stations.size()), district(stations.size()), op(stations.size()), week(stations.size());
  for (std::size_t i = 0; i < stations.size(); ++i) {
    const Station& st = stations[i];
    city[i] = intern(st.city);
    district[i] = intern(st.district);
    op[i] = intern(st.operator_union);
    std::string key = hours_key(st.hours);
    auto [it, fresh] = weeks.emplace(key, weeks.size());
    if (fresh) week_order.push_back(std::move(key));
    week[i] = it->second;
  }
  w.u(string_order.size());
  for (const std::string* v : string_order) w.str(*v);
  w.u(week_order.size());
  for (const std::string& k : week_order) w.raw(k);

  w.u(stations.size());
  std::string_view prev_id;
  for (const Station& st : stations) {
    std::size_t shared = 0;
    while (shared < prev_id.size() && shared < st.id.size() && prev_id[shared] == st.id[shared]) ++shared;
    w.u(shared);
    w.str(std::string_view(st.id).substr(shared));
    prev_id = st.id;
  }
  for (const Station& st : stations) {
    const bool elide = starts_with(st.name, st.district);
    w.byte(elide ? 1 : 0);
    w.str(std::string_view(st.name).substr(elide ? st.district.size() : 0));
  }
  for (std::size_t i = 0; i < stations.size(); ++i) w.u(city[i]);
  for (std::size_t i = 0; i < stations.size(); ++i) w.u(district[i]);
  for (std::size_t i = 0; i < stations.size(); ++i) w.u(op[i]);
  for (const Station& st : stations) {
    const std::string place = st.city + st.district;
    const bool elide = starts_with(st.address, place);
    w.byte(elide ? 1 : 0);
    w.str(std::string_view(st.address).substr(elide ? place.size() : 0));
  }
  std::int64_t prev = 0;
  for (const Station& st : stations) {
    const std::int64_t v = to_micro(st.lon);
    w.s(v - prev);
    prev = v;
  }
  prev = 0;
  for (const Station& st : stations) {
    const std::int64_t v = to_micro(st.lat);
    w.s(v - prev);
    prev = v;
  }
  for (std::size_t i = 0; i < stations.size(); ++i) {
    const Station& st = stations[i];
    w.byte(static_cast<std::uint8_t>(static_cast<unsigned>(st.kind) | static_cast<unsigned>(st.status) << 2));
    w.u(week[i]);
  }
  for (const Station& st : stations) w.u(st.amenities);
  for (const Station& st : stations) w.str(st.phone);
}

void write_header(Writer& w, std::uint8_t kind) {
  w.raw(std::string_view(kMagic, 4));
  w.byte(kSnapshotFormatVersion);
  w.byte(kind);
}

// ---- reading ----

// Every read checks the bytes left; the first failure sticks and everything after it reads
// zeros, so decoding code stays straight-line and checks `failed()` at the checkpoints.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool failed() const { return failed_; }
  const char* why() const { return why_; }
  std::size_t left() const { return in_.size() - pos_; }
  void fail(const char* why) {
    if (!failed_) why_ = why;
    failed_ = true;
  }
  std::uint8_t byte() {
    if (failed_ || pos_ >= in_.size()) {
      fail("truncated");
      return 0;
    }
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t b = byte();
      if (failed_) return 0;
      if (shift == 63 && b > 1) break;  // more than 64 bits
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    fail("varint too long");
    return 0;
  }
  std::int64_t s() {
    const std::uint64_t z = u();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  // A count of items each taking at least `min_bytes` bytes: never more than could follow.
  std::size_t count(std::size_t limit, std::size_t min_bytes) {
    const std::uint64_t n = u();
    if (n > limit || n > left() / min_bytes) {
      fail("count out of range");
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  std::string str(std::size_t max_bytes) {
    const std::uint64_t n = u();
    if (failed_) return {};
    if (n > max_bytes || n > left()) {
      fail("string too long");
      return {};
    }
    std::string v(in_.substr(pos_, static_cast<std::size_t>(n)));
    pos_ += static_cast<std::size_t>(n);
    if (!valid_utf8(v)) fail("invalid UTF-8");
    return v;
  }
  std::string_view raw(std::size_t n) {
    if (failed_ || n > left()) {
      fail("truncated");
      return {};
    }
    std::string_view v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool failed_ = false;
  const char* why_ = "";
};

bool read_header(Reader& r, std::uint8_t want_kind) {
  if (r.raw(4) != std::string_view(kMagic, 4)) {
    r.fail("not a station file");
    return false;
  }
  if (r.byte() != kSnapshotFormatVersion) r.fail("unsupported format version");
  if (r.byte() != want_kind) r.fail("wrong payload kind");
  return !r.failed();
}

WeeklyHours read_week(Reader& r) {
  WeeklyHours h;
  const std::uint8_t flag = r.byte();
  if (flag > 1) r.fail("bad hours flag");
  h.always_open = flag == 1;
  if (h.always_open) return h;
  for (auto& day : h.days) {
    const std::size_t n = r.count(kMaxIntervalsPerDay, 1);
    for (std::size_t i = 0; i < n && !r.failed(); ++i) {
      const std::uint64_t v = r.u();
      if (v >> 22) r.fail("bad interval");
      day.push_back({static_cast<int>(v >> 11), static_cast<int>(v & 0x7FF)});
    }
  }
  if (!r.failed() && validate(h)) r.fail("bad opening hours");
  return h;
}

template <class T>
const T& pick(Reader& r, const std::vector<T>& table) {
  static const T none{};
  const std::uint64_t i = r.u();
  if (r.failed() || i >= table.size()) {
    r.fail("table index out of range");
    return none;
  }
  return table[static_cast<std::size_t>(i)];
}

std::vector<Station> read_block(Reader& r) {
  std::vector<std::string> strings(r.count(kMaxSnapshotStations * 3, 1));
  for (auto& v : strings) {
    v = r.str(kMaxStationPlaceBytes);
    if (r.failed()) return {};
  }
  std::vector<WeeklyHours> weeks(r.count(kMaxSnapshotStations, 1));
  for (auto& w : weeks) {
    w = read_week(r);
    if (r.failed()) return {};
  }
  // Each station takes at least 12 bytes over all its columns.
  std::vector<Station> out(r.count(kMaxSnapshotStations, 12));
  if (r.failed()) return {};
  std::string prev_id;
  for (Station& st : out) {
    const std::uint64_t shared = r.u();
    if (shared > prev_id.size()) r.fail("bad id prefix");
    if (r.failed()) return {};
    st.id = prev_id.substr(0, static_cast<std::size_t>(shared)) + r.str(kMaxStationIdBytes);
    prev_id = st.id;
  }
  std::vector<std::uint8_t> name_elided(out.size());
  for (std::size_t i = 0; i < out.size() && !r.failed(); ++i) {
    name_elided[i] = r.byte();
    out[i].name = r.str(kMaxStationNameBytes);
  }
  for (Station& st : out) st.city = pick(r, strings);
  for (Station& st : out) st.district = pick(r, strings);
  for (Station& st : out) st.operator_union = pick(r, strings);
  if (r.failed()) return {};
  for (std::size_t i = 0; i < out.size() && !r.failed(); ++i) {
    Station& st = out[i];
    if (name_elided[i] > 1) r.fail("bad name flag");
    if (name_elided[i] == 1) st.name = st.district + st.name;
    const std::uint8_t elided = r.byte();
    if (elided > 1) r.fail("bad address flag");
    st.address = r.str(kMaxStationAddressBytes);
    if (elided == 1) st.address = st.city + st.district + st.address;
  }
  for (double Station::*field : {&Station::lon, &Station::lat}) {
    const std::int64_t limit = field == &Station::lon ? kMaxMicroLon : kMaxMicroLat;
    std::int64_t v = 0;
    for (Station& st : out) {
      const std::int64_t d = r.s();
      if (d < -2 * limit || d > 2 * limit) r.fail("coordinate out of range");
      v += d;
      if (v < -limit || v > limit) r.fail("coordinate out of range");
      if (r.failed()) return {};
      st.*field = static_cast<double>(v) / 1e6;
    }
  }
  for (Station& st : out) {
    const std::uint8_t b = r.byte();
    if ((b & 3) > 2 || (b >> 4) != 0) r.fail("bad kind or status");
    st.kind = static_cast<StationKind>(b & 3);
    st.status = static_cast<StationStatus>(b >> 2 & 3);
    st.hours = pick(r, weeks);
    if (r.failed()) return {};
  }
  for (Station& st : out) {
    const std::uint64_t a = r.u();
    if (a >> kAmenityCount) r.fail("bad amenities");
    st.amenities = static_cast<Amenities>(a);
  }
  for (Station& st : out) st.phone = r.str(kMaxStationPhoneBytes);
  if (r.failed()) return {};
  std::unordered_set<std::string_view> ids;
  for (const Station& st : out) {
    if (validate_station_fields(st)) r.fail("invalid station");
    if (!ids.insert(st.id).second) r.fail("duplicate station id");
    if (r.failed()) return {};
  }
  return out;
}

}  // namespace

// ---- validation ----

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    char32_t cp;
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
    else return false;
    if (i + n + 1 > s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = cp << 6 | (cc & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

std::optional<Error> validate_station_fields(const Station& st) {
  auto fail = [](const char* zh, const char* en) { return make_error(Errc::invalid_input, zh, en); };
  if (st.id.empty() || st.id.size() > kMaxStationIdBytes) return fail("驿站编号长度不对", "Station id has a bad length");
  for (char c : st.id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
      return fail("驿站编号只能含字母、数字、- 和 _", "Station id may hold only letters, digits, - and _");
  auto text_ok = [](const std::string& v, std::size_t max) {
    if (v.size() > max || !valid_utf8(v)) return false;
    for (char c : v)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    return true;
  };
  if (st.name.empty() || !text_ok(st.name, kMaxStationNameBytes))
    return fail("驿站名称须为 1–50 个字", "Station name must be 1–50 characters");
  if (!text_ok(st.city, kMaxStationPlaceBytes) || !text_ok(st.district, kMaxStationPlaceBytes) ||
      !text_ok(st.operator_union, kMaxStationPlaceBytes))
    return fail("城市、区县或主管工会名称过长", "City, district or operator union is too long");
  if (!text_ok(st.address, kMaxStationAddressBytes)) return fail("地址过长", "Address is too long");
  if (!text_ok(st.phone, kMaxStationPhoneBytes)) return fail("电话号码过长", "Phone number is too long");
  if (!(st.lon >= -180 && st.lon <= 180 && st.lat >= -90 && st.lat <= 90))
    return fail("坐标超出范围", "Coordinates out of range");
  if (static_cast<unsigned>(st.kind) > 2 || static_cast<unsigned>(st.status) > 3)
    return fail("驿站类型或状态无效", "Invalid station kind or status");
  if (st.amenities >> kAmenityCount) return fail("设施项无效", "Invalid amenities");
  for (const auto& day : st.hours.days)
    if (day.size() > kMaxIntervalsPerDay) return fail("每天最多 4 个营业时段", "At most 4 opening intervals a day");
  if (auto e = validate(st.hours)) return e;
  return std::nullopt;
}

// ---- snapshot and delta ----

std::string encode_snapshot(const StationSnapshot& s) {
  Writer w;
  write_header(w, kKindSnapshot);
  w.u(s.version);
  w.s(s.generated_at);
  write_block(w, s.stations);
  return w.take();
}

Result<StationSnapshot> decode_snapshot(std::string_view bytes) {
  Reader r(bytes);
  StationSnapshot s;
  if (read_header(r, kKindSnapshot)) {
    s.version = r.u();
    s.generated_at = r.s();
    s.stations = read_block(r);
    if (!r.failed() && r.left() != 0) r.fail("trailing bytes");
  }
  if (r.failed()) return bad(r.why());
  return s;
}

std::string encode_delta(const StationDelta& d) {
  Writer w;
  write_header(w, kKindDelta);
  w.u(d.from_version);
  w.u(d.to_version);
  write_block(w, d.upserts);
  w.u(d.removed_ids.size());
  for (const std::string& id : d.removed_ids) w.str(id);
  return w.take();
}

Result<StationDelta> decode_delta(std::string_view bytes) {
  Reader r(bytes);
  StationDelta d;
  if (read_header(r, kKindDelta)) {
    d.from_version = r.u();
    d.to_version = r.u();
    if (!r.failed() && d.to_version < d.from_version) r.fail("versions out of order");
    d.upserts = read_block(r);
    d.removed_ids.resize(r.count(kMaxSnapshotStations, 2));
    for (std::string& id : d.removed_ids) {
      id = r.str(kMaxStationIdBytes);
      if (!r.failed() && id.empty()) r.fail("empty station id");
    }
    if (!r.failed() && r.left() != 0) r.fail("trailing bytes");
  }
  if (r.failed()) return bad(r.why());
  return d;
}

void apply_delta(StationSnapshot& s, const StationDelta& d) {
  std::unordered_map<std::string, std::size_t> where;
  where.reserve(s.stations.size());
  for (std::size_t i = 0; i < s.stations.size(); ++i) where.emplace(s.stations[i].id, i);
  for (const Station& st : d.upserts) {
    auto it = where.find(st.id);
    if (it != where.end()) {
      s.stations[it->second] = st;
    } else {
      where.emplace(st.id, s.stations.size());
      s.stations.push_back(st);
    }
  }
  if (!d.removed_ids.empty()) {
    std::unordered_set<std::string> gone(d.removed_ids.begin(), d.removed_ids.end());
    std::vector<Station> kept;
    kept.reserve(s.stations.size());
    for (Station& st : s.stations)
      if (!gone.count(st.id)) kept.push_back(std::move(st));
    s.stations = std::move(kept);
  }
  s.version = d.to_version;
}

}  // namespace hg::stations
