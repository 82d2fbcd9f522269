#include "web/web_platform.h"

#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace hg::web {

// Implemented in web/bridge.js.
extern "C" {
void hg_js_text_input(int active, float x, float y, float height);
void hg_js_open_url(const char* url);
void hg_js_request_position(void* ctx);
void hg_js_persist();
double hg_js_now_ms();
}

namespace {
constexpr const char* kStorageDir = "/persist";  // IDBFS mount point, see web/pre.js

struct FetchContext {
  WebPlatform* platform;
  ui::Platform::HttpDone done;
  std::vector<std::string> header_storage;
  std::vector<const char*> headers;
  std::string body;  // emscripten 3.1.6's fetch reads requestData later: it must outlive the call
};

void finish_fetch(emscripten_fetch_t* fetch, bool ok) {
  std::unique_ptr<FetchContext> ctx(static_cast<FetchContext*>(fetch->userData));
  ui::HttpResponse r;
  r.status = fetch->status;  // 0 when the network failed
  if (fetch->data && fetch->numBytes > 0) r.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
  if (!ok && r.status == 0) r.error = "network error";
  emscripten_fetch_close(fetch);
  ctx->platform->post([done = std::move(ctx->done), r = std::move(r)] { done(r); });
}

std::string storage_path(const std::string& key) { return std::string(kStorageDir) + "/" + ui::storage_file_name(key); }
}  // namespace

void WebPlatform::http(const ui::HttpRequest& request, HttpDone done) {
  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::snprintf(attr.requestMethod, sizeof attr.requestMethod, "%s", request.method.c_str());
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
  attr.timeoutMSecs = static_cast<unsigned>(request.timeout_ms);
  auto* ctx = new FetchContext{this, std::move(done), {}, {}};
  for (const auto& [name, value] : request.headers) {
    ctx->header_storage.push_back(name);
    ctx->header_storage.push_back(value);
  }
  if (!request.body.empty()) {
    ctx->header_storage.push_back("Content-Type");
    ctx->header_storage.push_back("application/json");
  }
  for (const std::string& s : ctx->header_storage) ctx->headers.push_back(s.c_str());
  ctx->headers.push_back(nullptr);
  attr.requestHeaders = ctx->headers.data();
  if (!request.body.empty()) {
    ctx->body = request.body;
    attr.requestData = ctx->body.data();
    attr.requestDataSize = ctx->body.size();
  }
  attr.userData = ctx;
  attr.onsuccess = [](emscripten_fetch_t* f) { finish_fetch(f, true); };
  attr.onerror = [](emscripten_fetch_t* f) { finish_fetch(f, false); };
  emscripten_fetch(&attr, request.path.c_str());
}

std::optional<std::string> WebPlatform::load(const std::string& key) {
  FILE* f = std::fopen(storage_path(key).c_str(), "rb");
  if (!f) return std::nullopt;
  std::string bytes;
  char buf[16384];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  std::fclose(f);
  return bytes;
}

void WebPlatform::save(const std::string& key, const std::string& bytes) {
  const std::string path = storage_path(key), tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  std::fclose(f);
  if (ok) std::rename(tmp.c_str(), path.c_str());
  hg_js_persist();  // IDBFS writes back to IndexedDB asynchronously, coalesced
}

std::int64_t WebPlatform::now_ms() { return static_cast<std::int64_t>(hg_js_now_ms()); }

void WebPlatform::open_url(const std::string& url) { hg_js_open_url(url.c_str()); }

void WebPlatform::text_input(bool active, const ui::TextInputRect& where) {
  // Called every frame; the bridge only touches the DOM when something changed.
  if (!active && !text_active_) return;
  text_active_ = active;
  hg_js_text_input(active ? 1 : 0, where.x, where.y, where.height);
}

namespace {
struct PositionContext {
  WebPlatform* platform;
  ui::Platform::PositionDone done;
};
}  // namespace

void WebPlatform::request_position(PositionDone done) { hg_js_request_position(new PositionContext{this, std::move(done)}); }

bool WebPlatform::poll() {
  // Callbacks may queue more work; only run what was ready when the frame began.
  const size_t ready = ready_.size();
  for (size_t n = ready; n > 0; --n) {
    std::function<void()> fn = std::move(ready_.front());
    ready_.pop_front();
    fn();
  }
  return ready > 0;
}

}  // namespace hg::web

// Called from web/bridge.js when geolocation answers.
extern "C" EMSCRIPTEN_KEEPALIVE void hg_on_position(void* ctx_ptr, int ok, double lat, double lon, double accuracy) {
  std::unique_ptr<hg::web::PositionContext> ctx(static_cast<hg::web::PositionContext*>(ctx_ptr));
  std::optional<hg::ui::GeoPosition> pos;
  if (ok) pos = hg::ui::GeoPosition{lat, lon, accuracy};
  ctx->platform->post([done = std::move(ctx->done), pos] { done(pos); });
}
