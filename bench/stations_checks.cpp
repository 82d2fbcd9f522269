#include "bench/stations_checks.h"

#include <algorithm>
#include <cstring>

namespace hg::bench {

namespace {

using stations::ClusterFeature;
using stations::ClusterIndex;
using stations::GeoBox;
using stations::GeoIndex;
using stations::LonLat;

// The mix both sides use (32-bit: JS computes it with Math.imul).
constexpr std::uint32_t kStart = 0x811C9DC5u;
std::uint32_t mix(std::uint32_t h, std::uint32_t w) {
  h = (h ^ w) * 0x9E3779B1u;
  return h ^ (h >> 16);
}
std::uint32_t mix_f64(std::uint32_t h, double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, 8);
  return mix(mix(h, static_cast<std::uint32_t>(bits)), static_cast<std::uint32_t>(bits >> 32));
}
Check finish(std::vector<std::uint32_t> items) {
  Check c;
  c.hash = mix(kStart, static_cast<std::uint32_t>(items.size()));
  for (std::uint32_t v : items) c.hash = mix(c.hash, v);
  c.items = std::move(items);
  return c;
}

// Reads the tree back from GeoIndex's kdbush byte layout (header, u32 ids for n >= 65536,
// padding to 8, lon/lat interleaved): the same arrays kdbush exposes as ids and coords.
struct KdArrays {
  std::uint16_t node_size = 0;
  std::vector<std::uint32_t> ids;
  std::vector<double> coords;
  explicit KdArrays(const std::vector<std::uint8_t>& b) {
    const std::size_t n = b[4] | b[5] << 8 | b[6] << 16 | std::size_t{b[7]} << 24;
    node_size = static_cast<std::uint16_t>(b[2] | b[3] << 8);
    const std::size_t width = n < 65536 ? 2 : 4, at = 8 + n * width + (8 - n * width % 8) % 8;
    ids.resize(n);
    for (std::size_t i = 0; i < n; i++) {
      std::uint32_t v = 0;
      for (std::size_t k = 0; k < width; k++) v |= std::uint32_t{b[8 + i * width + k]} << (8 * k);
      ids[i] = v;
    }
    coords.resize(2 * n);
    std::memcpy(coords.data(), b.data() + at, 2 * n * sizeof(double));
  }
};

// kdbush's recursion: a node [l, r] wider than node_size splits at m = (l + r) / 2.
void walk(const KdArrays& t, std::size_t l, std::size_t r, int axis, std::uint32_t& splits, std::uint32_t& leaves) {
  if (r - l <= t.node_size) {
    leaves = mix(leaves, static_cast<std::uint32_t>(r - l + 1));
    return;
  }
  const std::size_t m = (l + r) >> 1;
  splits = mix_f64(splits, t.coords[2 * m + static_cast<std::size_t>(axis)]);
  walk(t, l, m - 1, 1 - axis, splits, leaves);
  walk(t, m + 1, r, 1 - axis, splits, leaves);
}

std::uint32_t pairs_hash(std::vector<ClusterFeature>& fs) {
  std::sort(fs.begin(), fs.end(), [](const ClusterFeature& a, const ClusterFeature& b) { return a.id < b.id; });
  std::uint32_t h = mix(kStart, static_cast<std::uint32_t>(fs.size()));
  for (const ClusterFeature& f : fs) h = mix(mix(h, static_cast<std::uint32_t>(f.id)), f.count);
  return h;
}

}  // namespace

Check check_build(const GeoIndex& index) {
  const KdArrays t(index.to_bytes());
  std::uint32_t splits = kStart, leaves = kStart, ids = mix(kStart, static_cast<std::uint32_t>(t.ids.size()));
  if (!t.ids.empty()) walk(t, 0, t.ids.size() - 1, 0, splits, leaves);
  std::vector<std::uint32_t> sorted = t.ids;
  std::sort(sorted.begin(), sorted.end());
  for (std::uint32_t id : sorted) ids = mix(ids, id);
  return finish({splits, leaves, ids});
}

Check check_nearest(const GeoIndex& index, const std::vector<LonLat>& queries, std::size_t k) {
  std::vector<std::uint32_t> items;
  for (const LonLat& q : queries) {
    const auto found = index.nearest(q, k);
    std::uint32_t h = mix(kStart, static_cast<std::uint32_t>(found.size()));
    for (const auto& nb : found) h = mix(h, nb.id);
    items.push_back(h);
  }
  return finish(std::move(items));
}

Check check_range(const GeoIndex& index, const std::vector<LonLat>& queries, double size) {
  std::vector<std::uint32_t> items, found;
  for (const LonLat& q : queries) {
    found.clear();
    index.range({q.lon - size / 2, q.lat - size / 2, q.lon + size / 2, q.lat + size / 2}, found);
    std::sort(found.begin(), found.end());
    std::uint32_t h = mix(kStart, static_cast<std::uint32_t>(found.size()));
    for (std::uint32_t id : found) h = mix(h, id);
    items.push_back(h);
  }
  return finish(std::move(items));
}

Check check_levels(const ClusterIndex& clusters) {
  std::vector<std::uint32_t> items;
  std::vector<ClusterFeature> fs;
  for (std::size_t z = 0; z < clusters.level_count(); z++) {
    fs.clear();
    clusters.clusters(GeoBox{-180, -90, 180, 90}, double(z), fs);
    items.push_back(pairs_hash(fs));
  }
  return finish(std::move(items));
}

Check check_viewports(const ClusterIndex& clusters, const std::vector<std::pair<int, GeoBox>>& viewports) {
  std::vector<std::uint32_t> items;
  std::vector<ClusterFeature> fs;
  for (const auto& [z, box] : viewports) {
    fs.clear();
    clusters.clusters(box, z, fs);
    items.push_back(pairs_hash(fs));
  }
  return finish(std::move(items));
}

}  // namespace hg::bench
