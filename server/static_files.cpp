#include "server/static_files.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/app_routes.h"

namespace hg::srv {

namespace fs = std::filesystem;

namespace {

constexpr const char* kImmutable = "public, max-age=31536000, immutable";
constexpr const char* kRevalidate = "no-cache";

std::string etag_for(const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a 64
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "\"%016llx-%llx\"", static_cast<unsigned long long>(h),
                static_cast<unsigned long long>(bytes.size()));
  return buf;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits a comma-separated header value into trimmed, non-empty items.
std::vector<std::string_view> list_items(std::string_view v) {
  std::vector<std::string_view> out;
  while (!v.empty()) {
    const size_t comma = v.find(',');
    std::string_view item = trim(v.substr(0, comma));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

// Quality for one coding under an Accept-Encoding value: the coding's own q, else "*"'s,
// else 0 (not acceptable). "q=0" means "not this one".
double accepted_quality(const std::string* header, std::string_view coding) {
  if (!header) return 0;
  double star = 0, own = -1;
  for (std::string_view item : list_items(*header)) {
    std::string_view name = trim(item.substr(0, item.find(';')));
    double q = 1;
    if (const size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view param = trim(item.substr(semi + 1));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        q = std::strtod(std::string(param.substr(2)).c_str(), nullptr);
      }
    }
    if (iequals(name, coding)) own = q;
    else if (name == "*") star = q;
  }
  return own >= 0 ? own : star;
}

bool etag_matches(const std::string* if_none_match, const std::string& etag) {
  if (!if_none_match) return false;
  for (std::string_view tag : list_items(*if_none_match)) {
    if (tag == "*") return true;
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);  // If-None-Match compares weakly
    if (tag == etag) return true;
  }
  return false;
}

Response not_found() { return Response::text(404, "404 找不到该页面 / Not found\n"); }

}  // namespace

std::string StaticSite::mime_type(std::string_view filename) {
  static const std::map<std::string_view, const char*> kTypes = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"js", "text/javascript"},
      {"mjs", "text/javascript"},
      {"css", "text/css"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"webmanifest", "application/manifest+json"},
      {"wasm", "application/wasm"},
      {"ttf", "font/ttf"},
      {"otf", "font/otf"},
      {"ttc", "font/collection"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"svg", "image/svg+xml"},
      {"ico", "image/x-icon"},
      {"txt", "text/plain; charset=utf-8"},
      {"xml", "application/xml"},
      {"geojson", "application/geo+json"},
      {"gz", "application/gzip"},
      {"br", "application/octet-stream"},
  };
  const size_t dot = filename.rfind('.');
  const size_t slash = filename.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return "application/octet-stream";
  std::string ext(filename.substr(dot + 1));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  const auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool StaticSite::is_content_hashed(std::string_view filename) {
  if (const size_t slash = filename.rfind('/'); slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  // Segments between the first and the last dot: "huigong" . "10c3424f20f4" . "wasm".
  const size_t first = filename.find('.'), last = filename.rfind('.');
  if (first == std::string_view::npos || first == last) return false;
  std::string_view middle = filename.substr(first + 1, last - first - 1);
  while (!middle.empty()) {
    const size_t dot = middle.find('.');
    const std::string_view seg = middle.substr(0, dot);
    bool hex = seg.size() >= 8;
    for (char c : seg)
      hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    if (hex) return true;
    if (dot == std::string_view::npos) break;
    middle.remove_prefix(dot + 1);
  }
  return false;
}

std::shared_ptr<const StaticSite> StaticSite::load(const std::string& dir) {
  auto site = std::make_shared<StaticSite>();
  std::error_code ec;
  const fs::path root = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(root)) throw std::runtime_error("site directory " + dir + " cannot be read");
  site->dir_ = root.string();

  // Every regular file, by its URL path. Symlinks and dot-files are left out.
  std::map<std::string, std::string> raw;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& e = *it;
    const std::string name = e.path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (e.is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (e.is_symlink() || !e.is_regular_file()) continue;
    raw.emplace("/" + fs::relative(e.path(), root).generic_string(), read_file(e.path()));
  }
  if (ec) throw std::runtime_error("site directory " + dir + ": " + ec.message());

  auto variant = [](std::string bytes) {
    Variant v;
    v.etag = etag_for(bytes);
    v.bytes = std::make_shared<const std::string>(std::move(bytes));
    return v;
  };
  for (auto& [path, bytes] : raw) {
    const bool sibling = ends_with(path, ".br") || ends_with(path, ".gz");
    if (sibling && raw.count(path.substr(0, path.size() - 3))) continue;  // attached to its original below
    Entry e;
    e.mime = mime_type(path);
    e.immutable = is_content_hashed(path);
    site->total_bytes_ += bytes.size();
    e.identity = variant(bytes);
    if (auto br = raw.find(path + ".br"); br != raw.end()) {
      site->total_bytes_ += br->second.size();
      e.br = variant(br->second);
    }
    if (auto gz = raw.find(path + ".gz"); gz != raw.end()) {
      site->total_bytes_ += gz->second.size();
      e.gzip = variant(gz->second);
    }
    site->files_.emplace(path, std::move(e));
  }
  return site;
}

Response StaticSite::serve(const Request& req) const {
  std::string path;
  if (!percent_decode(req.path, path) || path.empty() || path.front() != '/')
    return Response::text(400, "400 请求路径无效 / Bad request path\n");
  // No "." or ".." segment, however it was spelled: the table below could not serve one
  // anyway, but a clear 400 tells a scanner there is nothing to find.
  for (size_t start = 1; start <= path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view seg(path.data() + start, end - start);
    if (seg == "." || seg == ".." || seg.find('\\') != std::string_view::npos)
      return Response::text(400, "400 请求路径无效 / Bad request path\n");
    start = end + 1;
  }
  if (path.back() == '/') path += "index.html";

  auto it = files_.find(path);
  if (it == files_.end() && find_app_route(path)) it = files_.find("/index.html");
  if (it == files_.end()) return not_found();
  const Entry& e = it->second;

  const std::string* accept = req.header("accept-encoding");
  const Variant* chosen = &e.identity;
  const char* encoding = nullptr;
  if (e.br && accepted_quality(accept, "br") > 0) {
    chosen = &*e.br;
    encoding = "br";
  } else if (e.gzip && accepted_quality(accept, "gzip") > 0) {
    chosen = &*e.gzip;
    encoding = "gzip";
  }

  Response r;
  r.set_header("ETag", chosen->etag);
  r.set_header("Cache-Control", e.immutable ? kImmutable : kRevalidate);
  if (e.br || e.gzip) r.set_header("Vary", "Accept-Encoding");
  if (etag_matches(req.header("if-none-match"), chosen->etag)) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.content_type = e.mime;
  if (encoding) r.set_header("Content-Encoding", encoding);
  r.set_header("X-Content-Type-Options", "nosniff");
  r.shared_body = chosen->bytes;
  return r;
}

}  // namespace hg::srv
