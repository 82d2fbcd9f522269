// The web client's files (index.html, sw.js, manifest, huigong.<hash>.js/.wasm, font…),
// read into memory once: the site is a few megabytes and every member downloads the same
// bytes, so they are served from one shared copy with no disk access per request.
//
// Caching:
// - Names with a content hash (a dot-separated segment of 8+ hex digits before the
//   extension, e.g. huigong.10c3424f20f4.wasm) never change: "public, max-age=31536000,
//   immutable". Everything else (index.html, sw.js, manifest) is "no-cache": the browser
//   keeps a copy but asks every time, and a matching If-None-Match gets 304, no body.
// - ETag: strong, from a hash of the bytes actually sent (each encoding has its own).
// - Precompressed siblings X.br / X.gz are served for X when Accept-Encoding allows,
//   brotli first, with Content-Encoding and "Vary: Accept-Encoding".
//
// A path that names no file but one of the app's pages (core/app_routes.h: "/coupons/mine",
// "/s/<station-id>", …) gets index.html, so a deep link opens the app, which opens that page;
// any other path is 404.
//
// Paths are looked up in the in-memory table only, so nothing outside the site directory
// can be reached; ".." segments (also as %2e%2e) are rejected outright, and only regular
// files are loaded (symlinks pointing outside the directory are skipped).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/http_types.h"

namespace hg::srv {

class StaticSite {
 public:
  // Throws std::runtime_error when the directory cannot be read.
  static std::shared_ptr<const StaticSite> load(const std::string& dir);

  // GET or HEAD of a non-API path.
  Response serve(const Request& req) const;

  size_t file_count() const { return files_.size(); }
  std::uint64_t total_bytes() const { return total_bytes_; }
  const std::string& dir() const { return dir_; }

  // Exposed for tests.
  static std::string mime_type(std::string_view filename);
  static bool is_content_hashed(std::string_view filename);

 private:
  struct Variant {
    std::shared_ptr<const std::string> bytes;
    std::string etag;
  };
  struct Entry {
    std::string mime;
    bool immutable = false;
    Variant identity;
    std::optional<Variant> br, gzip;
  };

  std::string dir_;
  std::unordered_map<std::string, Entry> files_;  // "/index.html" → entry
  std::uint64_t total_bytes_ = 0;
};

}  // namespace hg::srv
