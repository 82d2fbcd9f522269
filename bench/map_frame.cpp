// `make bench-map`: CPU time of one station-map frame with 150,000 stations, at every zoom
// from 3 (the whole country) to 16 (street level). The frame is what the client runs each
// display refresh on the map: ImGui::NewFrame, the map view (viewport query of the cluster
// tree, base map, pins and bubbles, labels), ImGui::Render. The same source runs natively
// and as wasm under Node (built with -sNODERAWFS so it reads the font file like the native
// one). The indexes are built once, as the client does per data version, and timed apart.
// Usage: map_frame <font.ttf> [stations=150000] [frames per zoom=100]
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "data/station_data.h"
#include "ui/stations/map_view.h"
#include "ui/stations/station_store.h"
#include "ui/theme.h"
#include "ui/trace.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// The map needs no network or storage in a frame: a Platform that does nothing.
class NullPlatform : public hg::ui::Platform {
 public:
  void http(const hg::ui::HttpRequest&, HttpDone) override {}
  std::optional<std::string> load(const std::string&) override { return std::nullopt; }
  void save(const std::string&, const std::string&) override {}
  std::int64_t now_ms() override { return 1764400000000; }
  void open_url(const std::string&) override {}
  void text_input(bool, const hg::ui::TextInputRect&) override {}
  void request_position(PositionDone done) override { done(std::nullopt); }
  bool poll() override { return false; }
};

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

void accept_textures() {
  for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
    if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantUpdates) {
      tex->SetTexID(static_cast<ImTextureID>(1));
      tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantDestroy) {
      tex->SetTexID(ImTextureID_Invalid);
      tex->SetStatus(ImTextureStatus_Destroyed);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: map_frame <font.ttf> [stations] [frames per zoom]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 150000;
  const int per_zoom = argc > 3 ? std::atoi(argv[3]) : 100;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream font;
  font << in.rdbuf();
  std::string font_bytes = font.str();
  if (font_bytes.empty()) {
    std::fprintf(stderr, "map_frame: cannot read the font %s\n", argv[1]);
    return 2;
  }

  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(375, 667);  // a phone
  io.DisplayFramebufferScale = ImVec2(2, 2);
  io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_RendererHasVtxOffset;
  hg::ui::theme::apply(ImGui::GetStyle());
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;
  io.Fonts->AddFontFromMemoryTTF(font_bytes.data(), static_cast<int>(font_bytes.size()), 16.0f, &cfg);

  NullPlatform platform;
  hg::ui::stations::StationStore store(platform);
  auto t0 = Clock::now();
  std::vector<hg::stations::Station> stations = hg::demo::make_national_stations(42, n);
  const double gen_ms = ms_since(t0);
  t0 = Clock::now();
  store.replace(std::move(stations), 1, 0);
  const double build_ms = ms_since(t0);

  hg::ui::stations::MapView view;
  const hg::UnixSeconds now = 1764400000;
  std::uint32_t rng = 12345;
  auto rnd = [&rng] {
    rng = rng * 1664525u + 1013904223u;
    return rng >> 8;
  };
  std::vector<double> all;
  double worst_p95 = 0;
  int worst_zoom = 0;
  std::printf("map_frame: %d stations (generated in %.0f ms), index + cluster tree built once in %.0f ms\n", n, gen_ms,
              build_ms);
  std::printf("%5s %10s %10s %10s %9s %7s %9s\n", "zoom", "median ms", "p95 ms", "max ms", "bubbles", "pins", "vertices");
  // Pass 0 warms up (glyphs rasterised on first use; in wasm, the engine's optimising tier
  // compiles the hot functions after their first calls); pass 1 is measured.
  for (int pass = 0; pass < 2; ++pass)
  for (int zoom = 3; zoom <= 16; ++zoom) {
    std::vector<double> times;
    std::size_t bubbles = 0, pins = 0, vertices = 0;
    for (int f = 0; f < per_zoom + 3; ++f) {
      // A new place every few frames (centred on a random station: the dense worst case),
      // panning a little in between so no frame repeats the last one's query.
      hg::ui::stations::MapCamera& cam = view.camera();
      if (f % 8 == 0) {
        const auto& s = store.stations()[rnd() % store.stations().size()];
        cam.centre_on({s.lon, s.lat});
      }
      cam.zoom = zoom + 0.3;
      cam.pan_px(7, 3);
      io.DeltaTime = 1.0f / 60.0f;
      const auto start = Clock::now();
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 60));
      ImGui::SetNextWindowSize(ImVec2(375, 607));
      ImGui::Begin("##map", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
      view.draw(store, ImVec2(0, 60), ImVec2(375, 607), now, std::nullopt);
      ImGui::End();
      ImGui::Render();
      const double ms = ms_since(start);
      accept_textures();  // the GPU's part, outside the CPU frame
      if (f < 3 || pass == 0) continue;
      times.push_back(ms);
      bubbles += view.clusters_drawn();
      vertices += static_cast<std::size_t>(ImGui::GetDrawData()->TotalVtxCount);
      pins += view.pins_drawn();
    }
    if (pass == 0) continue;
    const double p95 = percentile(times, 0.95);
    if (p95 > worst_p95) worst_p95 = p95, worst_zoom = zoom;
    all.insert(all.end(), times.begin(), times.end());
    std::printf("%5d %10.3f %10.3f %10.3f %9zu %7zu %9zu\n", zoom, percentile(times, 0.5), p95,
                *std::max_element(times.begin(), times.end()), bubbles / times.size(), pins / times.size(),
                vertices / times.size());
  }
  std::printf("map_frame: all zooms median %.3f ms, p95 %.3f ms; worst p95 %.3f ms at zoom %d (budget 4 ms: %s)\n",
              percentile(all, 0.5), percentile(all, 0.95), worst_p95, worst_zoom, worst_p95 <= 4.0 ? "ok" : "OVER");
  ImGui::DestroyContext();
  return 0;
}
