// Supercluster-compatible point clustering (see cluster_index.h).
//
// Sections:
//   grid          fixed-point coordinates and the per-level cell grid
//   neighbours    points within a radius of a point, from the grid
//   levels        clustering one zoom level from the one below
//   ClusterIndex  building all levels, zoom limits and box queries
#include "core/stations/cluster_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "core/stations/inline.h"

namespace hg::stations {

// ---- grid ----

namespace {

// supercluster 9.1.0 keeps mercator coordinates as int32 (c − 0.5)·2^30; centres and ids
// are computed from those integers, so we store exactly the same ones.
constexpr double kScale = 1073741824.0;  // 2^30
constexpr double kInvScale = 1 / kScale;
HG_INLINE double encode(double c) { return (c - 0.5) * kScale; }
HG_INLINE double decode(std::int32_t v) { return v * kInvScale + 0.5; }

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
  const std::int32_t *xs = L.x.data(), *ys = L.y.data();
  std::int32_t x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
  for (std::size_t i = 1; i < n; i++) {
    x0 = xs[i] < x0 ? xs[i] : x0;
    x1 = xs[i] > x1 ? xs[i] : x1;
    y0 = ys[i] < y0 ? ys[i] : y0;
    y1 = ys[i] > y1 ? ys[i] : y1;
  }
  L.gx0 = x0;
  L.gy0 = y0;
  const double w = double(x1) - x0 + 1, h = double(y1) - y0 + 1;
  const double cells = std::max(1.0, double(n) / 2);
  // The last two terms keep a long thin spread from asking for millions of cells.
  L.cell = std::max({std::sqrt(w * h / cells), min_cell, 1.0, w / (2 * cells), h / (2 * cells)});
  L.nx = static_cast<std::int64_t>(w / L.cell) + 1;
  L.ny = static_cast<std::int64_t>(h / L.cell) + 1;
  const auto cell_of = std::make_unique<std::uint32_t[]>(n);
  L.cell_start.assign(static_cast<std::size_t>(L.nx * L.ny + 1), 0);
  L.order.resize(n);
  L.ox.resize(n);
  L.oy.resize(n);
  std::uint32_t *cell_at = cell_of.get(), *start = L.cell_start.data();
  const double gx0 = L.gx0, gy0 = L.gy0, cell = L.cell;
  const std::int64_t nx = L.nx, ny = L.ny;
  for (std::size_t i = 0; i < n; i++) {
    const auto cx = static_cast<std::int64_t>((xs[i] - gx0) / cell), cy = static_cast<std::int64_t>((ys[i] - gy0) / cell);
    cell_at[i] = static_cast<std::uint32_t>((cy < ny - 1 ? cy : ny - 1) * nx + (cx < nx - 1 ? cx : nx - 1));
    start[cell_at[i] + 1]++;
  }
  const std::size_t starts = L.cell_start.size();
  for (std::size_t c = 1; c < starts; c++) start[c] += start[c - 1];
  const auto fill = std::make_unique<std::uint32_t[]>(starts - 1);
  std::memcpy(fill.get(), start, (starts - 1) * sizeof(std::uint32_t));
  std::uint32_t *next = fill.get(), *order = L.order.data();
  std::int32_t *ox = L.ox.data(), *oy = L.oy.data();
  for (std::size_t i = 0; i < n; i++) {
    const std::uint32_t at = next[cell_at[i]]++;
    order[at] = static_cast<std::uint32_t>(i);
    ox[at] = xs[i];
    oy[at] = ys[i];
  }
}

// ---- neighbours ----

// Cells covering [lo, hi] on one axis, clamped to the grid. One unit of slack each side so
// rounding in lo/hi can never leave out a feature the exact test below would accept.
HG_INLINE void cell_span(double lo, double hi, double g0, double cell, std::int64_t n, std::int64_t& c0, std::int64_t& c1) {
  double a = std::floor((lo - 1 - g0) / cell), b = std::floor((hi + 1 - g0) / cell);
  c0 = a < 0 ? 0 : a > double(n - 1) ? n - 1 : static_cast<std::int64_t>(a);
  c1 = b < 0 ? -1 : b > double(n - 1) ? n - 1 : static_cast<std::int64_t>(b);
}

// The features a radius query found: a vector used as a buffer that only grows, so adding
// one is a store, not a push_back call.
struct Found {
  std::vector<std::uint32_t> buffer;
  std::uint32_t* ids = nullptr;
  std::size_t size = 0;
  HG_INLINE void add(std::uint32_t id) {
    if (size == buffer.size()) grow();
    ids[size++] = id;
  }
  void grow() {
    buffer.resize(std::max<std::size_t>(64, 2 * buffer.size()));
    ids = buffer.data();
  }
};

// Features within r of (qx, qy), tested as kdbush's withinInto does: squared distance of
// the int32 coordinates in double, ≤ r².
void within(const Level& L, double qx, double qy, double r, Found& out) {
  out.size = 0;
  std::int64_t cx0, cx1, cy0, cy1;
  cell_span(qx - r, qx + r, L.gx0, L.cell, L.nx, cx0, cx1);
  cell_span(qy - r, qy + r, L.gy0, L.cell, L.ny, cy0, cy1);
  const double r2 = r * r;
  const std::uint32_t *start = L.cell_start.data(), *order = L.order.data();
  const std::int32_t *ox = L.ox.data(), *oy = L.oy.data();
  for (std::int64_t cy = cy0; cy <= cy1; cy++) {
    const auto row = static_cast<std::size_t>(cy * L.nx);
    const std::uint32_t from = start[row + static_cast<std::size_t>(cx0)], to = start[row + static_cast<std::size_t>(cx1 + 1)];
    for (std::uint32_t j = from; j < to; j++) {
      double dx = ox[j] - qx, dy = oy[j] - qy;
      if (dx * dx + dy * dy <= r2) out.add(order[j]);
    }
  }
}

// ---- levels ----

// A level being written: its four arrays sized for every feature of the level above.
struct LevelWriter {
  std::int32_t *x, *y, *id;
  std::uint32_t* num;
  std::size_t size = 0;
  HG_INLINE void add(std::int32_t fx, std::int32_t fy, std::int32_t fid, std::uint32_t fnum) {
    x[size] = fx;
    y[size] = fy;
    id[size] = fid;
    num[size] = fnum;
    size++;
  }
};

// One greedy pass (supercluster's _cluster) from the level above to this zoom.
Level cluster_level(const Level& prev, int zoom, const ClusterOptions& opt, std::size_t num_points) {
  const double r = opt.radius / (opt.extent * double(1 << zoom)) * kScale;
  const std::size_t n = prev.size();
  std::vector<std::uint8_t> visited_flags(n, 0);
  std::uint8_t* visited = visited_flags.data();
  Found nb;
  Level out;
  out.x.resize(n);
  out.y.resize(n);
  out.id.resize(n);
  out.num.resize(n);
  LevelWriter w{out.x.data(), out.y.data(), out.id.data(), out.num.data()};
  const std::int32_t *px = prev.x.data(), *py = prev.y.data(), *pid = prev.id.data();
  const std::uint32_t* pnum = prev.num.data();
  for (std::size_t i = 0; i < n; i++) {
    if (visited[i]) continue;
    visited[i] = 1;
    within(prev, px[i], py[i], r, nb);
    const std::uint32_t origin = pnum[i];
    std::uint64_t total = origin;
    for (std::size_t j = 0; j < nb.size; j++)
      if (!visited[nb.ids[j]]) total += pnum[nb.ids[j]];
    if (total > origin && total >= std::uint64_t(opt.min_points)) {
      // Sums of int32 × count stay far below 2^53, so the order of addition cannot change them.
      double wx = double(px[i]) * origin, wy = double(py[i]) * origin;
      for (std::size_t j = 0; j < nb.size; j++) {
        const std::uint32_t k = nb.ids[j];
        if (visited[k]) continue;
        visited[k] = 1;
        wx += double(px[k]) * pnum[k];
        wy += double(py[k]) * pnum[k];
      }
      const std::int64_t id = (std::int64_t(i) << 5) + (zoom + 1) + std::int64_t(num_points);
      // truncation, as an Int32Array store
      w.add(static_cast<std::int32_t>(wx / double(total)), static_cast<std::int32_t>(wy / double(total)),
            static_cast<std::int32_t>(id), static_cast<std::uint32_t>(total));
    } else {
      w.add(px[i], py[i], pid[i], pnum[i]);
      if (total > 1) {  // too few to cluster (min_points > 2): the neighbours stay single too
        for (std::size_t j = 0; j < nb.size; j++) {
          const std::uint32_t k = nb.ids[j];
          if (visited[k]) continue;
          visited[k] = 1;
          w.add(px[k], py[k], pid[k], pnum[k]);
        }
      }
    }
  }
  out.x.resize(w.size);
  out.y.resize(w.size);
  out.id.resize(w.size);
  out.num.resize(w.size);
  return out;
}

// ---- ClusterIndex ----

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
  const LonLat* pts = points.data();
  double *mx = px_.data(), *my = py_.data();
  std::int32_t *tx = top.x.data(), *ty = top.y.data(), *tid = top.id.data();
  for (std::size_t i = 0; i < n; i++) {
    mx[i] = mercator_x(pts[i].lon);
    my[i] = mercator_y(pts[i].lat);
    tx[i] = static_cast<std::int32_t>(encode(mx[i]));
    ty[i] = static_cast<std::int32_t>(encode(my[i]));
    tid[i] = static_cast<std::int32_t>(i);
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
  const std::uint32_t *start = L.cell_start.data(), *order = L.order.data(), *num = L.num.data();
  const std::int32_t *ox = L.ox.data(), *oy = L.oy.data(), *ids = L.id.data();
  const double *px = px_.data(), *py = py_.data();
  for (std::int64_t cy = cy0; cy <= cy1; cy++) {
    const auto row = static_cast<std::size_t>(cy * L.nx);
    const std::uint32_t from = start[row + static_cast<std::size_t>(cx0)], to = start[row + static_cast<std::size_t>(cx1 + 1)];
    // Room for the whole row first, written through a pointer, trimmed to what was inside.
    const std::size_t base = out.size();
    out.resize(base + (to - from));
    ClusterFeature* o = out.data() + base;
    std::size_t added = 0;
    for (std::uint32_t j = from; j < to; j++) {
      const double x = ox[j], y = oy[j];
      if (x < min_x || x > max_x || y < min_y || y > max_y) continue;
      const std::uint32_t k = order[j];
      ClusterFeature& f = o[added++];
      f.count = num[k];
      f.id = ids[k];
      if (f.count > 1) {
        f.x = decode(ox[j]);
        f.y = decode(oy[j]);
      } else {  // single stations keep their exact position, not the int32 rounding
        f.x = px[static_cast<std::size_t>(f.id)];
        f.y = py[static_cast<std::size_t>(f.id)];
      }
    }
    out.resize(base + added);
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
