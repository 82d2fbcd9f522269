#include "core/stations/cluster_index.h"

#include <algorithm>
#include <cmath>

namespace hg::stations {

namespace {

// supercluster 9.1.0 keeps mercator coordinates as int32 (c − 0.5)·2^30; centres and ids
// are computed from those integers, so we store exactly the same ones.
constexpr double kScale = 1073741824.0;  // 2^30
constexpr double kInvScale = 1 / kScale;
double encode(double c) { return (c - 0.5) * kScale; }
double decode(std::int32_t v) { return v * kInvScale + 0.5; }

using Level = ClusterIndex::Level;

// Lays a grid over the level's features, cells at least min_cell wide so a radius query
// touches at most 3×3 cells, and about two features per cell.
void build_grid(Level& L, double min_cell) {
  const std::size_t n = L.size();
  if (n == 0) {
    L.nx = L.ny = 1;
    L.cell_start.assign(2, 0);
    return;
  }
  auto [x0, x1] = std::minmax_element(L.x.begin(), L.x.end());
  auto [y0, y1] = std::minmax_element(L.y.begin(), L.y.end());
  L.gx0 = *x0;
  L.gy0 = *y0;
  const double w = double(*x1) - *x0 + 1, h = double(*y1) - *y0 + 1;
  const double cells = std::max(1.0, double(n) / 2);
  // The last two terms keep a long thin spread from asking for millions of cells.
  L.cell = std::max({std::sqrt(w * h / cells), min_cell, 1.0, w / (2 * cells), h / (2 * cells)});
  L.nx = static_cast<std::int64_t>(w / L.cell) + 1;
  L.ny = static_cast<std::int64_t>(h / L.cell) + 1;
  std::vector<std::uint32_t> cell_of(n);
  L.cell_start.assign(static_cast<std::size_t>(L.nx * L.ny + 1), 0);
  for (std::size_t i = 0; i < n; i++) {
    auto cx = std::min<std::int64_t>(static_cast<std::int64_t>((L.x[i] - L.gx0) / L.cell), L.nx - 1);
    auto cy = std::min<std::int64_t>(static_cast<std::int64_t>((L.y[i] - L.gy0) / L.cell), L.ny - 1);
    cell_of[i] = static_cast<std::uint32_t>(cy * L.nx + cx);
    L.cell_start[cell_of[i] + 1]++;
  }
  for (std::size_t c = 1; c < L.cell_start.size(); c++) L.cell_start[c] += L.cell_start[c - 1];
  L.order.resize(n);
  L.ox.resize(n);
  L.oy.resize(n);
  std::vector<std::uint32_t> fill(L.cell_start.begin(), L.cell_start.end() - 1);
  for (std::size_t i = 0; i < n; i++) {
    std::uint32_t at = fill[cell_of[i]]++;
    L.order[at] = static_cast<std::uint32_t>(i);
    L.ox[at] = L.x[i];
    L.oy[at] = L.y[i];
  }
}

// Cells covering [lo, hi] on one axis, clamped to the grid. One unit of slack each side so
// rounding in lo/hi can never leave out a feature the exact test below would accept.
inline void cell_span(double lo, double hi, double g0, double cell, std::int64_t n, std::int64_t& c0, std::int64_t& c1) {
  double a = std::floor((lo - 1 - g0) / cell), b = std::floor((hi + 1 - g0) / cell);
  c0 = a < 0 ? 0 : a > double(n - 1) ? n - 1 : static_cast<std::int64_t>(a);
  c1 = b < 0 ? -1 : b > double(n - 1) ? n - 1 : static_cast<std::int64_t>(b);
}

// Features within r of (qx, qy), tested as kdbush's withinInto does: squared distance of
// the int32 coordinates in double, ≤ r².
void within(const Level& L, double qx, double qy, double r, std::vector<std::uint32_t>& out) {
  out.clear();
  std::int64_t cx0, cx1, cy0, cy1;
  cell_span(qx - r, qx + r, L.gx0, L.cell, L.nx, cx0, cx1);
  cell_span(qy - r, qy + r, L.gy0, L.cell, L.ny, cy0, cy1);
  const double r2 = r * r;
  for (std::int64_t cy = cy0; cy <= cy1; cy++) {
    const auto row = static_cast<std::size_t>(cy * L.nx);
    const std::uint32_t from = L.cell_start[row + static_cast<std::size_t>(cx0)], to = L.cell_start[row + static_cast<std::size_t>(cx1 + 1)];
    for (std::uint32_t j = from; j < to; j++) {
      double dx = L.ox[j] - qx, dy = L.oy[j] - qy;
      if (dx * dx + dy * dy <= r2) out.push_back(L.order[j]);
    }
  }
}

// One greedy pass (supercluster's _cluster) from the level above to this zoom.
Level cluster_level(const Level& prev, int zoom, const ClusterOptions& opt, std::size_t num_points) {
  const double r = opt.radius / (opt.extent * double(1 << zoom)) * kScale;
  const std::size_t n = prev.size();
  std::vector<std::uint8_t> visited(n, 0);
  std::vector<std::uint32_t> nb;
  Level out;
  out.x.reserve(n);
  out.y.reserve(n);
  out.id.reserve(n);
  out.num.reserve(n);
  auto copy = [&](std::size_t k) {
    out.x.push_back(prev.x[k]);
    out.y.push_back(prev.y[k]);
    out.id.push_back(prev.id[k]);
    out.num.push_back(prev.num[k]);
  };
  for (std::size_t i = 0; i < n; i++) {
    if (visited[i]) continue;
    visited[i] = 1;
    within(prev, prev.x[i], prev.y[i], r, nb);
    const std::uint32_t origin = prev.num[i];
    std::uint64_t total = origin;
    for (std::uint32_t k : nb)
      if (!visited[k]) total += prev.num[k];
    if (total > origin && total >= std::uint64_t(opt.min_points)) {
      // Sums of int32 × count stay far below 2^53, so the order of addition cannot change them.
      double wx = double(prev.x[i]) * origin, wy = double(prev.y[i]) * origin;
      for (std::uint32_t k : nb) {
        if (visited[k]) continue;
        visited[k] = 1;
        wx += double(prev.x[k]) * prev.num[k];
        wy += double(prev.y[k]) * prev.num[k];
      }
      const std::int64_t id = (std::int64_t(i) << 5) + (zoom + 1) + std::int64_t(num_points);
      out.x.push_back(static_cast<std::int32_t>(wx / double(total)));  // truncation, as an Int32Array store
      out.y.push_back(static_cast<std::int32_t>(wy / double(total)));
      out.id.push_back(static_cast<std::int32_t>(id));
      out.num.push_back(static_cast<std::uint32_t>(total));
    } else {
      copy(i);
      if (total > 1) {  // too few to cluster (min_points > 2): the neighbours stay single too
        for (std::uint32_t k : nb) {
          if (visited[k]) continue;
          visited[k] = 1;
          copy(k);
        }
      }
    }
  }
  return out;
}

double wrap_lon(double lon) { return std::fmod(std::fmod(lon + 180, 360) + 360, 360) - 180; }

}  // namespace

ClusterIndex::ClusterIndex(const std::vector<LonLat>& points, ClusterOptions options) : opt_(options) {
  opt_.max_zoom = std::clamp(opt_.max_zoom, 0, 30);
  opt_.min_zoom = std::clamp(opt_.min_zoom, 0, opt_.max_zoom);
  const std::size_t n = points.size();
  px_.resize(n);
  py_.resize(n);
  Level top;
  top.x.resize(n);
  top.y.resize(n);
  top.id.resize(n);
  top.num.assign(n, 1);
  for (std::size_t i = 0; i < n; i++) {
    px_[i] = mercator_x(points[i].lon);
    py_[i] = mercator_y(points[i].lat);
    top.x[i] = static_cast<std::int32_t>(encode(px_[i]));
    top.y[i] = static_cast<std::int32_t>(encode(py_[i]));
    top.id[i] = static_cast<std::int32_t>(i);
  }
  levels_.reserve(static_cast<std::size_t>(opt_.max_zoom) + 2);
  by_zoom_.assign(static_cast<std::size_t>(opt_.max_zoom) + 2, 0);
  auto radius_at = [&](int z) { return opt_.radius / (opt_.extent * double(1 << z)) * kScale; };
  build_grid(top, radius_at(opt_.max_zoom));
  levels_.push_back(std::move(top));
  by_zoom_[opt_.max_zoom + 1] = 0;
  int prev = 0;
  for (int z = opt_.max_zoom; z >= opt_.min_zoom; z--) {
    Level next = cluster_level(levels_[prev], z, opt_, n);
    if (next.size() == levels_[prev].size()) {
      // Nothing merged: same features in the same order, so this zoom shares the level.
      by_zoom_[z] = prev;
      continue;
    }
    build_grid(next, z > 0 ? radius_at(z - 1) : 1.0);
    levels_.push_back(std::move(next));
    prev = static_cast<int>(levels_.size() - 1);
    by_zoom_[z] = prev;
  }
}

int ClusterIndex::limit_zoom(double z) const {
  if (!std::isfinite(z)) return z > 0 ? opt_.max_zoom + 1 : opt_.min_zoom;
  return static_cast<int>(std::max<double>(opt_.min_zoom, std::min(std::floor(z), double(opt_.max_zoom + 1))));
}

std::size_t ClusterIndex::cluster_count(int zoom) const {
  if (levels_.empty()) return 0;
  return levels_[by_zoom_[limit_zoom(zoom)]].size();
}

void ClusterIndex::range(const Level& L, double min_x, double min_y, double max_x, double max_y,
                         std::vector<ClusterFeature>& out) const {
  std::int64_t cx0, cx1, cy0, cy1;
  cell_span(min_x, max_x, L.gx0, L.cell, L.nx, cx0, cx1);
  cell_span(min_y, max_y, L.gy0, L.cell, L.ny, cy0, cy1);
  for (std::int64_t cy = cy0; cy <= cy1; cy++) {
    const auto row = static_cast<std::size_t>(cy * L.nx);
    const std::uint32_t from = L.cell_start[row + static_cast<std::size_t>(cx0)], to = L.cell_start[row + static_cast<std::size_t>(cx1 + 1)];
    for (std::uint32_t j = from; j < to; j++) {
      const double x = L.ox[j], y = L.oy[j];
      if (x < min_x || x > max_x || y < min_y || y > max_y) continue;
      const std::uint32_t k = L.order[j];
      ClusterFeature f;
      f.count = L.num[k];
      f.id = L.id[k];
      if (f.count > 1) {
        f.x = decode(L.ox[j]);
        f.y = decode(L.oy[j]);
      } else {  // single stations keep their exact position, not the int32 rounding
        f.x = px_[static_cast<std::size_t>(f.id)];
        f.y = py_[static_cast<std::size_t>(f.id)];
      }
      out.push_back(f);
    }
  }
}

void ClusterIndex::clusters(const GeoBox& box, double zoom, std::vector<ClusterFeature>& out) const {
  if (levels_.empty()) return;
  double min_lon = wrap_lon(box.min_lon);
  double max_lon = box.max_lon == 180 ? 180 : wrap_lon(box.max_lon);
  const double min_lat = std::clamp(box.min_lat, -90.0, 90.0), max_lat = std::clamp(box.max_lat, -90.0, 90.0);
  if (box.max_lon - box.min_lon >= 360) {
    min_lon = -180;
    max_lon = 180;
  } else if (min_lon > max_lon) {  // crosses the antimeridian: the eastern part, then the western
    clusters({min_lon, min_lat, 180, max_lat}, zoom, out);
    clusters({-180, min_lat, max_lon, max_lat}, zoom, out);
    return;
  }
  const Level& L = levels_[by_zoom_[limit_zoom(zoom)]];
  range(L, encode(mercator_x(min_lon)), encode(mercator_y(max_lat)), encode(mercator_x(max_lon)),
        encode(mercator_y(min_lat)), out);
}

std::vector<ClusterFeature> ClusterIndex::clusters(const GeoBox& box, double zoom) const {
  std::vector<ClusterFeature> out;
  clusters(box, zoom, out);
  return out;
}

}  // namespace hg::stations
