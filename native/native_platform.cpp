#include "native/native_platform.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "native/http_client.h"

namespace hg::native {

namespace fs = std::filesystem;

NativePlatform::NativePlatform(std::string server, std::string storage_dir, Clock clock)
    : storage_dir_(std::move(storage_dir)), clock_(std::move(clock)) {
  // "http://host:port[/]" → host, port. Only plain HTTP: the desktop build talks to a
  // server on the same machine or LAN; TLS is the reverse proxy's job.
  std::string rest = server.rfind("http://", 0) == 0 ? server.substr(7) : server;
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  const size_t colon = rest.rfind(':');
  host_ = colon == std::string::npos ? rest : rest.substr(0, colon);
  port_ = colon == std::string::npos ? "80" : rest.substr(colon + 1);
  std::error_code ec;
  fs::create_directories(storage_dir_, ec);
  thread_ = std::thread([this] { worker(); });
}

NativePlatform::~NativePlatform() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void NativePlatform::http(const ui::HttpRequest& request, HttpDone done) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.emplace_back(request, std::move(done));
  }
  cv_.notify_one();
}

void NativePlatform::worker() {
  for (;;) {
    std::pair<ui::HttpRequest, HttpDone> job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (stopping_) return;
      job = std::move(pending_.front());
      pending_.pop_front();
      ++in_flight_;
    }
    ui::HttpResponse response = http_request(host_, port_, job.first);
    std::lock_guard<std::mutex> lock(mu_);
    --in_flight_;
    ready_.emplace_back([done = std::move(job.second), r = std::move(response)] { done(r); });
  }
}

bool NativePlatform::poll() {
  std::deque<std::function<void()>> ready;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ready.swap(ready_);
  }
  for (auto& fn : ready) fn();
  return !ready.empty();
}

bool NativePlatform::busy() {
  std::lock_guard<std::mutex> lock(mu_);
  return !pending_.empty() || in_flight_ > 0 || !ready_.empty();
}

std::string NativePlatform::path_for(const std::string& key) const {
  return (fs::path(storage_dir_) / ui::storage_file_name(key)).string();
}

std::optional<std::string> NativePlatform::load(const std::string& key) {
  std::ifstream in(path_for(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void NativePlatform::save(const std::string& key, const std::string& bytes) {
  // Write then rename, so a crash mid-save leaves the previous copy, never half a file.
  const std::string path = path_for(key), tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
}

std::int64_t NativePlatform::now_ms() {
  if (clock_) return clock_();
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void NativePlatform::open_url(const std::string& url) { SDL_OpenURL(url.c_str()); }

void NativePlatform::request_position(PositionDone done) {
  // Desktops have no GPS; HUIGONG_POSITION="lat,lon" stands in for one (WGS-84).
  std::optional<ui::GeoPosition> pos;
  if (const char* env = std::getenv("HUIGONG_POSITION")) {
    ui::GeoPosition p;
    if (std::sscanf(env, "%lf,%lf", &p.lat, &p.lon) == 2) pos = p;
  }
  std::lock_guard<std::mutex> lock(mu_);
  ready_.emplace_back([done = std::move(done), pos] { done(pos); });
}

std::string NativePlatform::default_storage_dir() {
  if (const char* d = std::getenv("HUIGONG_DATA_HOME")) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME")) return (fs::path(x) / "huigong").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home ? home : ".") / ".local/share/huigong").string();
}

}  // namespace hg::native
