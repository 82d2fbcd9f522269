// The one door from the shared screens to the outside world. Each client implements it
// once: web/ over emscripten_fetch, IDBFS and small JS bridges; native/ over Beast, files
// and SDL. Screens never include a platform header, so the same code runs in both, and in
// the headless UI tests.
//
// Everything asynchronous completes on the UI thread, inside Platform::poll(), which the
// runner calls once per frame: screens never need a lock.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hg::ui {

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // "/api/v1/notices": relative to the server the app came from
  std::string body;  // JSON for POST/PUT
  std::vector<std::pair<std::string, std::string>> headers;
  int timeout_ms = 10000;
};

struct HttpResponse {
  int status = 0;  // 0: no answer at all (offline, refused, timed out)
  std::string body;
  std::string error;  // transport problem, when status == 0
};

// WGS-84, as browser geolocation reports it (stations are GCJ-02: convert in core).
struct GeoPosition {
  double lat = 0, lon = 0;
  double accuracy_m = 0;
};

// Where a focused text field is, in UI (CSS) pixels: the web client puts its hidden
// textarea there so the phone's keyboard and the IME candidate box appear next to it.
struct TextInputRect {
  float x = 0, y = 0, height = 0;
};

// The file name a storage key is kept under: keys are the app's own short names, anything
// else in them is flattened to '_' rather than trusted as a path.
inline std::string storage_file_name(const std::string& key) {
  std::string safe;
  for (char c : key) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    safe += plain ? c : '_';
  }
  return safe;
}

class Platform {
 public:
  virtual ~Platform() = default;

  using HttpDone = std::function<void(const HttpResponse&)>;
  virtual void http(const HttpRequest& request, HttpDone done) = 0;

  // Small persistent key-value storage (settings, cached snapshots): IndexedDB in the
  // browser, files in the user's data directory on the desktop.
  virtual std::optional<std::string> load(const std::string& key) = 0;
  virtual void save(const std::string& key, const std::string& bytes) = 0;

  // Wall clock, UTC milliseconds. Calendar rules turn it into CST in core.
  virtual std::int64_t now_ms() = 0;

  virtual void open_url(const std::string& url) = 0;

  // Called every frame with whether a text field wants the keyboard, and where.
  virtual void text_input(bool active, const TextInputRect& where) = 0;

  // Asks for the device position once; done(nullopt) when denied or unavailable.
  using PositionDone = std::function<void(std::optional<GeoPosition>)>;
  virtual void request_position(PositionDone done) = 0;

  // Delivers finished asynchronous work; the runner calls it at the start of each tick.
  // True when anything was delivered (the screen may need drawing again).
  virtual bool poll() = 0;
};

}  // namespace hg::ui
