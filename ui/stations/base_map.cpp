#include "ui/stations/base_map.h"

#include <algorithm>
#include <cstring>

#include "ui/theme.h"
#include "ui/trace.h"

namespace hg::basemap {
extern const unsigned char kBlob[];
extern const std::size_t kBlobSize;
}  // namespace hg::basemap

namespace hg::ui::stations {

namespace {

// A bounds-checked reader over the blob: a truncated or foreign blob yields an empty map,
// never a read past the end.
struct Reader {
  const unsigned char* p;
  const unsigned char* end;
  bool bad = false;
  bool need(std::size_t n) {
    if (static_cast<std::size_t>(end - p) < n) bad = true;
    return !bad;
  }
  std::uint32_t u(int bytes) {
    if (!need(static_cast<std::size_t>(bytes))) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint32_t>(p[i]) << (8 * i);
    p += bytes;
    return v;
  }
  std::int32_t i32() { return static_cast<std::int32_t>(u(4)); }
  std::uint64_t uvarint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!need(1)) return 0;
      const unsigned char b = *p++;
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    bad = true;
    return 0;
  }
  std::int64_t svarint() {
    const std::uint64_t z = uvarint();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
};

constexpr double kQ = 1e-4;  // degrees per unit

float rel_x(double lon) { return static_cast<float>(hg::stations::mercator_x(lon) - BaseMap::kOriginX); }
float rel_y(double lat) { return static_cast<float>(hg::stations::mercator_y(lat) - BaseMap::kOriginY); }

}  // namespace

const BaseMap& BaseMap::embedded() {
  static const BaseMap map(hg::basemap::kBlob, hg::basemap::kBlobSize);
  return map;
}

BaseMap::BaseMap(const unsigned char* blob, std::size_t size) {
  Reader r{blob, blob + size};
  if (!r.need(7) || std::memcmp(blob, "HGBM", 4) != 0) return;
  r.p += 4;
  const std::uint32_t version = r.u(1);  // 2 added the English names
  if (version != 1 && version != 2) return;
  const std::uint32_t count = r.u(2);
  std::vector<BaseOutline> out;
  out.reserve(count);
  for (std::uint32_t f = 0; f < count && !r.bad; ++f) {
    BaseOutline o;
    o.level = static_cast<int>(r.u(1));
    const std::uint32_t name_len = r.u(1);
    if (!r.need(name_len)) break;
    o.name.assign(reinterpret_cast<const char*>(r.p), name_len);
    r.p += name_len;
    if (version >= 2) {
      const std::uint32_t en_len = r.u(1);
      if (!r.need(en_len)) break;
      o.name_en.assign(reinterpret_cast<const char*>(r.p), en_len);
      r.p += en_len;
    }
    if (o.name_en.empty()) o.name_en = o.name;
    const double lon = r.i32() * kQ, lat = r.i32() * kQ;
    o.label_x = hg::stations::mercator_x(lon);
    o.label_y = hg::stations::mercator_y(lat);
    for (BaseOutline::Lod& lod : o.lod) {
      const std::uint32_t rings = r.u(2);
      for (std::uint32_t i = 0; i < rings && !r.bad; ++i) {
        lod.ring_start.push_back(static_cast<std::uint32_t>(lod.x.size()));
        const std::uint32_t n = r.u(2);
        std::int64_t x = 0, y = 0;
        for (std::uint32_t k = 0; k < n && !r.bad; ++k) {
          x += r.svarint();
          y += r.svarint();
          lod.x.push_back(rel_x(static_cast<double>(x) * kQ));
          lod.y.push_back(rel_y(static_cast<double>(y) * kQ));
        }
      }
      lod.ring_start.push_back(static_cast<std::uint32_t>(lod.x.size()));
    }
    const std::uint32_t tris = r.u(4);
    const std::size_t fine_points = o.lod[1].x.size();
    for (std::uint32_t i = 0; i < tris * 3 && !r.bad; ++i) {
      const std::uint64_t v = r.uvarint();
      if (v >= fine_points) r.bad = true;
      o.fill.push_back(static_cast<std::uint32_t>(v));
    }
    if (fine_points == 0) continue;
    o.min_x = *std::min_element(o.lod[1].x.begin(), o.lod[1].x.end());
    o.max_x = *std::max_element(o.lod[1].x.begin(), o.lod[1].x.end());
    o.min_y = *std::min_element(o.lod[1].y.begin(), o.lod[1].y.end());
    o.max_y = *std::max_element(o.lod[1].y.begin(), o.lod[1].y.end());
    out.push_back(std::move(o));
  }
  if (!r.bad) outlines_ = std::move(out);
}

void BaseMap::draw(ImDrawList* dl, const MapCamera& cam, ImVec2 origin, bool english,
                   const std::vector<ImVec4>& keep_out) const {
  const float scale = static_cast<float>(cam.world_px());
  // Screen = origin + (rel + kOrigin − centre)·scale + half the viewport.
  const float ox = origin.x + static_cast<float>((kOriginX - cam.cx) * cam.world_px() + cam.width * 0.5);
  const float oy = origin.y + static_cast<float>((kOriginY - cam.cy) * cam.world_px() + cam.height * 0.5);
  const float left = origin.x, top = origin.y, right = origin.x + cam.width, bottom = origin.y + cam.height;
  const auto visible = [&](const BaseOutline& o) {
    return ox + o.max_x * scale >= left && ox + o.min_x * scale <= right && oy + o.max_y * scale >= top &&
           oy + o.min_y * scale <= bottom;
  };
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();

  // Land: the provinces' triangles, one batch.
  for (const BaseOutline& o : outlines_) {
    if (o.level != 0 || o.fill.empty() || !visible(o)) continue;
    const BaseOutline::Lod& lod = o.lod[1];
    const int vtx = static_cast<int>(lod.x.size()), idx = static_cast<int>(o.fill.size());
    dl->PrimReserve(idx, vtx);
    const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (int i = 0; i < vtx; ++i) dl->PrimWriteVtx(ImVec2(ox + lod.x[i] * scale, oy + lod.y[i] * scale), uv, theme::kMapLand);
    for (std::uint32_t v : o.fill) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + v));
  }

  // Borders: districts only when zoomed into a city, prefectures from province zooms on;
  // the coarse outlines while a whole province fits on screen.
  const double z = cam.zoom;
  static thread_local std::vector<ImVec2> pts;
  const auto stroke = [&](const BaseOutline& o, ImU32 col, float thickness) {
    const BaseOutline::Lod& lod = o.lod[z < (o.level == 0 ? 6.0 : 8.5) ? 0 : 1];
    for (std::size_t ring = 0; ring + 1 < lod.ring_start.size(); ++ring) {
      pts.clear();
      for (std::uint32_t i = lod.ring_start[ring]; i < lod.ring_start[ring + 1]; ++i)
        pts.emplace_back(ox + lod.x[i] * scale, oy + lod.y[i] * scale);
      if (pts.size() >= 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_Closed, thickness);
    }
  };
  for (int level : {2, 1, 0}) {
    if (level == 2 && z < 8.0) continue;
    if (level == 1 && z < 5.5) continue;
    const ImU32 col = level == 0 ? theme::kMapProvinceBorder : level == 1 ? theme::kMapPrefectureBorder : theme::kMapDistrictBorder;
    const float th = level == 0 ? 1.5f : 1.0f;
    for (const BaseOutline& o : outlines_)
      if (o.level == level && visible(o)) stroke(o, col, th);
  }

  // Names: the level that suits the zoom, skipping any that would overlap one already drawn.
  // A name under a bubble moves beside it (the bubble's count stays readable, and so does
  // the city's name); if every spot round it is taken, the name is left out.
  ImFont* font = ImGui::GetFont();
  std::vector<ImVec4> placed;
  last_names_.clear();
  const auto clashes = [](const ImVec4& a, const std::vector<ImVec4>& boxes) -> const ImVec4* {
    for (const ImVec4& b : boxes)
      if (a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w) return &b;
    return nullptr;
  };
  const auto names = [&](int level, float size, ImU32 col) {
    for (const BaseOutline& o : outlines_) {
      if (o.level != level) continue;
      const float x = ox + static_cast<float>(o.label_x - kOriginX) * scale;
      const float y = oy + static_cast<float>(o.label_y - kOriginY) * scale;
      if (x < left - 40 || x > right + 40 || y < top - 20 || y > bottom + 20) continue;
      const char* name = english ? o.name_en.c_str() : o.name.c_str();
      const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, name);
      ImVec4 box(x - ts.x * 0.5f - 4, y - ts.y * 0.5f - 2, x + ts.x * 0.5f + 4, y + ts.y * 0.5f + 2);
      if (const ImVec4* under = clashes(box, keep_out)) {
        // Below the bubble, else above, right or left of it: the first spot that is free.
        const ImVec4 b = *under;
        const float w = box.z - box.x, h = box.w - box.y;
        const ImVec4 spots[] = {{x - w * 0.5f, b.w + 1, x + w * 0.5f, b.w + 1 + h},
                                {x - w * 0.5f, b.y - 1 - h, x + w * 0.5f, b.y - 1},
                                {b.z + 1, y - h * 0.5f, b.z + 1 + w, y + h * 0.5f},
                                {b.x - 1 - w, y - h * 0.5f, b.x - 1, y + h * 0.5f}};
        bool moved = false;
        for (const ImVec4& spot : spots)
          if (!clashes(spot, keep_out) && !clashes(spot, placed)) {
            box = spot;
            moved = true;
            break;
          }
        if (!moved) continue;
      }
      if (clashes(box, placed)) continue;
      placed.push_back(box);
      last_names_.push_back({name, box});
      dl->AddText(font, size, ImVec2(box.x + 4, box.y + 2), col, name);
      trace_label(name);
    }
  };
  if (z >= 9.0) names(2, theme::kCaptionSize, theme::kMapMinorLabel);
  if (z >= 6.0 && z < 10.5) names(1, theme::kSmallSize, theme::kMapLabel);
  if (z < 7.0) names(0, z < 4.0 ? theme::kMapFarLabelSize : theme::kCaptionSize, theme::kMapLabel);
}

}  // namespace hg::ui::stations
