// One running huigong server: the store, the worker pool, the routes, the static site and
// the HTTP server, wired together from a Config. main() and the tests both use this, so
// the tests exercise the real thing (real sockets, real SQLite file).
#pragma once
#include <functional>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/cst_time.h"
#include "server/config.h"
#include "server/router.h"

namespace hg::srv {

struct ApiContext;

class Store;
class StaticSite;

// Why the server could not start; `what()` is a line for a person, in both languages when
// it comes from the store.
class StartupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ServerTuning {
  bool handle_signals = false;  // main() sets this
  int worker_threads = 0;       // 0: max(2, config.threads)
  std::size_t max_queue = 4096;
  // The wall clock handlers see (UTC seconds); tests set it to cross CST day and month
  // boundaries. Empty: the system clock.
  std::function<UnixSeconds()> clock;
};

class Server {
 public:
  // Opens (and migrates) the database, seeds it with --demo, loads the site. Throws StartupError.
  explicit Server(const Config& config, ServerTuning tuning = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Extra routes (tests) must be added before start().
  Router& router();
  Store& store();
  ApiContext& api();

  // Binds and serves. Throws StartupError (e.g. port in use).
  void start();
  std::uint16_t port() const;
  std::string url() const;  // "http://127.0.0.1:8080"

  // Blocks until stopped by a signal or another thread's stop(), then releases everything.
  void wait();
  // Graceful: stop accepting, finish in-flight requests, stop the workers, close the DB.
  void stop();
  // Re-reads the site directory (SIGHUP); keeps the old files if that fails.
  void reload_site();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hg::srv
