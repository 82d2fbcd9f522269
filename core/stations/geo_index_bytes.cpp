// GeoIndex's offline form: kdbush v1's byte layout with Float64 coordinates (header, ids,
// padding to 8 bytes, lon/lat interleaved), all little-endian.
#include <algorithm>
#include <cstring>

#include "core/stations/geo_index.h"

namespace hg::stations {

namespace {

void put_u16(std::vector<std::uint8_t>& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<std::uint8_t>(v);
  b[at + 1] = static_cast<std::uint8_t>(v >> 8);
}
void put_u32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; i++) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint32_t get_u32(const std::vector<std::uint8_t>& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; i++) v |= std::uint32_t{b[at + i]} << (8 * i);
  return v;
}
void put_f64(std::vector<std::uint8_t>& b, std::size_t at, double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, 8);
  for (int k = 0; k < 8; k++) b[at + k] = static_cast<std::uint8_t>(bits >> (8 * k));
}
double get_f64(const std::vector<std::uint8_t>& b, std::size_t at) {
  std::uint64_t bits = 0;
  for (int k = 0; k < 8; k++) bits |= std::uint64_t{b[at + k]} << (8 * k);
  double d;
  std::memcpy(&d, &bits, 8);
  return d;
}

constexpr std::size_t kHeader = 8;
constexpr std::uint8_t kMagic = 0xdb, kVersionFloat64 = (1 << 4) + 8;  // kdbush v1, Float64Array

std::size_t id_width(std::size_t n) { return n < 65536 ? 2 : 4; }
std::size_t coords_offset(std::size_t n) {
  std::size_t ids = n * id_width(n);
  return kHeader + ids + (8 - ids % 8) % 8;
}

}  // namespace

void GeoIndex::compute_bounds() {
  if (ids_.empty()) return;
  const double *x = lon(), *y = lat();
  bounds_ = {x[0], y[0], x[0], y[0]};
  for (std::size_t i = 0; i < ids_.size(); i++) {
    bounds_.min_lon = std::min(bounds_.min_lon, x[i]);
    bounds_.max_lon = std::max(bounds_.max_lon, x[i]);
    bounds_.min_lat = std::min(bounds_.min_lat, y[i]);
    bounds_.max_lat = std::max(bounds_.max_lat, y[i]);
  }
}

std::size_t GeoIndex::byte_size() const { return coords_offset(size()) + size() * 16; }

std::vector<std::uint8_t> GeoIndex::to_bytes() const {
  const std::size_t n = size(), w = id_width(n), at = coords_offset(n);
  std::vector<std::uint8_t> b(byte_size(), 0);
  b[0] = kMagic;
  b[1] = kVersionFloat64;
  put_u16(b, 2, node_size_);
  put_u32(b, 4, static_cast<std::uint32_t>(n));
  for (std::size_t i = 0; i < n; i++) {
    if (w == 2) put_u16(b, kHeader + 2 * i, static_cast<std::uint16_t>(ids_[i]));
    else put_u32(b, kHeader + 4 * i, ids_[i]);
  }
  for (std::size_t i = 0; i < n; i++) {
    put_f64(b, at + 16 * i, lon()[i]);
    put_f64(b, at + 16 * i + 8, lat()[i]);
  }
  return b;
}

Result<GeoIndex> GeoIndex::from_bytes(const std::vector<std::uint8_t>& b) {
  auto bad = [] { return make_error(Errc::invalid_input, "驿站索引数据已损坏", "The station index data is corrupt"); };
  if (b.size() < kHeader || b[0] != kMagic || b[1] != kVersionFloat64) return bad();
  GeoIndex g;
  g.node_size_ = static_cast<std::uint16_t>(b[2] | (b[3] << 8));
  const std::size_t n = get_u32(b, 4), w = id_width(n);
  if (g.node_size_ < 2) return bad();
  // Every point takes at least 16 bytes: checked first, so the size below cannot overflow.
  if (n > (b.size() - kHeader) / 16 || b.size() != coords_offset(n) + n * 16) return bad();
  g.ids_ = Block<std::uint32_t>(n);
  g.coords_ = Block<double>(2 * n);
  for (std::size_t i = 0; i < n; i++) {
    g.ids_[i] = w == 2 ? static_cast<std::uint32_t>(b[kHeader + 2 * i] | (b[kHeader + 2 * i + 1] << 8)) : get_u32(b, kHeader + 4 * i);
    if (g.ids_[i] >= n) return bad();
  }
  const std::size_t at = coords_offset(n);
  for (std::size_t i = 0; i < n; i++) {
    g.lon()[i] = get_f64(b, at + 16 * i);
    g.lat()[i] = get_f64(b, at + 16 * i + 8);
  }
  g.compute_bounds();
  return g;
}

}  // namespace hg::stations
