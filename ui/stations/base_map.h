// The offline base map: China's provinces, Fujian's prefectures and the districts of Fuzhou,
// Xiamen, Quanzhou and Zhangzhou (GCJ-02, like the stations), decoded once from the blob
// data/basemap/build_basemap.py generated, then drawn every frame from mercator-space
// float arrays with per-outline box culling.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ui/stations/map_camera.h"

namespace hg::ui::stations {

struct BaseOutline {
  int level = 0;  // 0 province, 1 prefecture, 2 district
  std::string name, name_en;  // the map label in Chinese and in English
  double label_x = 0, label_y = 0;  // mercator
  // Two levels of detail; each ring is [start, end) into the x/y arrays (mercator).
  struct Lod {
    std::vector<std::uint32_t> ring_start;  // ring i = [ring_start[i], ring_start[i+1])
    std::vector<float> x, y;                // relative to the map's origin (see BaseMap::origin)
  };
  Lod lod[2];
  std::vector<std::uint32_t> fill;  // triangles into lod[1] (provinces: land)
  float min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // of lod[1]
};

class BaseMap {
 public:
  // The embedded map; decoded on first use.
  static const BaseMap& embedded();
  explicit BaseMap(const unsigned char* blob, std::size_t size);

  bool ok() const { return !outlines_.empty(); }
  const std::vector<BaseOutline>& outlines() const { return outlines_; }

  // Land fill, borders and names (English ones when `english`) for what the camera sees;
  // the names drawn go to the trace (tests). No name is drawn inside a `keep_out` box
  // (screen x0, y0, x1, y1: the map's bubbles).
  void draw(ImDrawList* dl, const MapCamera& cam, ImVec2 origin, bool english = false,
            const std::vector<ImVec4>& keep_out = {}) const;

  // The names the last draw() placed and where (screen boxes): tests check them against the
  // bubbles.
  struct PlacedName {
    std::string name;
    ImVec4 box;
  };
  const std::vector<PlacedName>& last_names() const { return last_names_; }

  // Floats keep a frame's vertex maths cheap; relative to this origin they keep ~1 m
  // precision at street zooms (a float of the full mercator value would not).
  static constexpr double kOriginX = 0.8, kOriginY = 0.4;

 private:
  std::vector<BaseOutline> outlines_;
  mutable std::vector<PlacedName> last_names_;
};

}  // namespace hg::ui::stations
