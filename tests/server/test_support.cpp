#include "tests/server/test_support.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "server/auth/principal.h"
#include "server/auth/token.h"
#include "server/log.h"
#include "server/store/sqlite.h"

namespace hg::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "huigong-server-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_file(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string make_test_site(const TempDir& dir) {
  const std::string site = dir.file("site");
  write_file(site + "/index.html", "<!doctype html><meta charset=utf-8><title>惠工</title><canvas id=c></canvas>\n");
  write_file(site + "/index.html.gz", "GZ:index.html");
  write_file(site + "/index.html.br", "BR:index.html");
  write_file(site + "/sw.js", "self.addEventListener('fetch', () => {});\n");
  write_file(site + "/manifest.webmanifest", "{\"name\": \"惠工\", \"start_url\": \"./\"}\n");
  write_file(site + "/" + kWasmName, std::string("\0asm\1\0\0\0", 8) + std::string(5000, 'w'));
  write_file(site + "/" + kWasmName + ".br", "BR:wasm");
  write_file(site + "/" + kWasmName + ".gz", "GZ:wasm");
  write_file(site + "/" + kJsName, "var Module = {};\n");
  write_file(site + "/" + kJsName + ".gz", "GZ:js");
  write_file(site + "/" + kFontName, std::string("\0\1\0\0font", 8));
  write_file(site + "/icon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  write_file(site + "/geo/fuzhou.json", "{\"type\":\"FeatureCollection\",\"features\":[]}");
  write_file(site + "/docs/index.html", "<p>docs</p>");
  write_file(site + "/.env", kSecret);
  write_file(dir.file("secret.txt"), kSecret);
  fs::create_symlink(dir.file("secret.txt"), site + "/linked-secret.txt");
  return site;
}

srv::Config test_config(const std::string& db, const std::string& site, bool demo) {
  srv::Config c;
  c.addr = "127.0.0.1";
  c.port = 0;
  c.db = db;
  c.site = site;
  c.threads = 2;
  c.demo = demo;
  c.quiet = true;
  return c;
}

TestServer::TestServer(TestServerOptions options) {
  if (options.with_site) site_ = make_test_site(dir_);
  db_ = options.db.empty() ? dir_.file("huigong.db") : options.db;
  srv::ServerTuning tuning;
  tuning.clock = options.clock ? options.clock : test_clock();
  server_ = std::make_unique<srv::Server>(test_config(db_, site_, options.demo), tuning);
  if (options.extra_routes) options.extra_routes(server_->router());
  server_->start();
}

TestServer::~TestServer() { server_->stop(); }

std::string mint_token(const std::string& db_path, const std::string& login, UnixSeconds expires_at) {
  srv::Db db = srv::Db::open(db_path);
  const srv::TokenKey key = srv::load_or_create_token_key(db);
  srv::Stmt s = db.prepare("SELECT id, role, subject, display_name FROM accounts WHERE login = ?1");
  s.bind(1, login);
  if (!s.step()) throw std::runtime_error("no account " + login);
  srv::Principal p;
  p.account_id = s.column_text(0);
  p.role = *srv::role_from_name(s.column_text(1));
  p.subject = s.column_text(2);
  p.display_name = s.column_text(3);
  p.expires_at = expires_at;
  return srv::sign_token(key, p);
}

}  // namespace hg::test
