// Shared pieces of the server tests: temporary directories, a small static site on disk and
// a real server on a free loopback port with its own SQLite file.
#pragma once
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "core/json.h"

#include "server/config.h"
#include "server/router.h"
#include "server/server.h"
#include "tests/server/http_client.h"
#include "tests/test_now.h"

namespace hg::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void write_file(const std::string& path, const std::string& bytes);
std::string read_file(const std::string& path);

// Names of the test site's files (see make_test_site).
constexpr const char* kWasmName = "huigong.0123abcd4567.wasm";
constexpr const char* kJsName = "huigong.89abcdef0123.js";
constexpr const char* kFontName = "font.edec76777147.ttf";
constexpr const char* kSecret = "TOP-SECRET-OUTSIDE-THE-SITE";

// Writes a site like the one the wasm build stages: index.html, sw.js, manifest, hashed wasm
// and JS (each with .br and .gz siblings whose bytes differ, so the test can tell which one
// was sent), a font, an icon, a JSON file in a subfolder, a dot-file, and a symlink pointing
// at a file outside the site that holds kSecret. Returns the site directory.
std::string make_test_site(const TempDir& dir);

struct TestServerOptions {
  bool demo = true;
  bool with_site = true;
  std::string db;  // default: a fresh file in the temp dir
  std::function<void(srv::Router&)> extra_routes;
  // The clock handlers and the demo seed see (UTC seconds); empty = test_clock(), from kTestNow.
  std::function<UnixSeconds()> clock;
};

inline TestServerOptions with_routes(std::function<void(srv::Router&)> routes) {
  TestServerOptions o;
  o.extra_routes = std::move(routes);
  return o;
}

// A real server, started on 127.0.0.1 with --port 0; stopped (gracefully) in the destructor.
class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();
  std::uint16_t port() const { return server_->port(); }
  srv::Server& server() { return *server_; }
  const TempDir& dir() const { return dir_; }
  const std::string& site_dir() const { return site_; }
  const std::string& db_path() const { return db_; }

 private:
  TempDir dir_;
  std::string site_, db_;
  std::unique_ptr<srv::Server> server_;
};

// The reply's JSON body read as a T under `name` (a failed test and T{} when it is not one).
template <class T>
T parse(const HttpReply& r, const char* name) {
  Result<T> v = from_json<T>(r.body, name, 64u << 20);
  EXPECT_TRUE(v.ok()) << r.status << " " << r.body.substr(0, 400);
  return v.ok() ? v.value() : T{};
}

srv::Config test_config(const std::string& db, const std::string& site, bool demo);

// A session token for a demo login ("m001", "clinic01", "admin" …) signed with the database's
// own key, valid until `expires_at`: tests that make many requests skip signing in (Argon2id
// each time). Throws when there is no such account.
std::string mint_token(const std::string& db_path, const std::string& login, UnixSeconds expires_at);

}  // namespace hg::test
