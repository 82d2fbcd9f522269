#include "server/server.h"

#include <algorithm>
#include <chrono>
#include <mutex>

#include "core/running_clock.h"
#include "server/api_v1.h"
#include "server/app.h"
#include "server/http_server.h"
#include "server/log.h"
#include "server/static_files.h"
#include "server/store/demo_seed.h"
#include "server/store/group_commit.h"
#include "server/store/store.h"
#include "server/worker_pool.h"
#include "data/demo_data.h"

namespace hg::srv {

namespace {
UnixSeconds wall_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The clock everything in this server reads: the tuning's (tests move it), else the
// configured test start running on at the real rate, else the system clock.
std::function<UnixSeconds()> server_clock(const Config& config, const ServerTuning& tuning) {
  if (tuning.clock) return tuning.clock;
  if (config.test_now) return [clock = RunningClock(*config.test_now)] { return clock.now(); };
  return wall_now;
}

std::string describe(const DbError& e) { return e.error().zh + " / " + e.error().en + " [" + e.what() + "]"; }
}  // namespace

// Member order is teardown order in reverse: the HTTP server (whose io_context may still
// hold responders) outlives the worker pool; the store outlives both.
struct Server::Impl {
  Config config;
  ServerTuning tuning;
  std::unique_ptr<Store> store;
  Router router;
  std::unique_ptr<ApiContext> api;
  std::unique_ptr<App> app;
  std::unique_ptr<HttpServer> http;
  std::unique_ptr<WorkerPool> workers;
  std::unique_ptr<GroupCommit> writes;
  std::mutex stop_mu;
  bool released = false;

  void release() {
    std::lock_guard<std::mutex> lock(stop_mu);
    if (released) return;
    released = true;
    if (http) http->stop();
    if (workers) workers->stop();
    if (writes) writes->stop();
    if (store) store->close();
    log::flush();
  }
};

Server::Server(const Config& config, ServerTuning tuning) : impl_(std::make_unique<Impl>()) {
  Impl& s = *impl_;
  s.config = config;
  s.tuning = tuning;
  log::set_quiet(config.quiet);
  const std::function<UnixSeconds()> clock = server_clock(config, tuning);
  const int workers = tuning.worker_threads > 0 ? tuning.worker_threads : std::max(2, config.threads);
  try {
    // One connection more than workers: the group committer holds one while it writes.
    s.store = Store::open({config.db, workers + 1, 5000}, clock());
  } catch (const DbError& e) {
    throw StartupError("cannot open database " + config.db + ": " + describe(e));
  }
  log::info("database " + config.db + " at schema version " + std::to_string(s.store->schema_version()));
  if (config.demo) {
    try {
      const SeedResult r = s.store->read([&clock](Db& db) { return seed_demo(db, demo::kDefaultSeed, clock()); });
      if (r.seeded)
        log::info("seeded demo data: " + std::to_string(r.members) + " members, " + std::to_string(r.notices) + " notices");
      else
        log::info("demo data: database not empty, left as it is");
    } catch (const DbError& e) {
      throw StartupError("cannot seed demo data: " + describe(e));
    }
  }

  s.workers = std::make_unique<WorkerPool>(workers, tuning.max_queue);
  s.writes = std::make_unique<GroupCommit>(*s.store, GroupCommit::Options{});
  s.api = std::make_unique<ApiContext>(ApiContext{*s.store, std::chrono::steady_clock::now(),
                                                     clock, {}});
  s.api->token_key = s.store->read([](Db& db) { return load_or_create_token_key(db); });
  add_api_v1_routes(s.router, *s.api);
  s.app = std::make_unique<App>(s.router, *s.workers, s.writes.get());
  if (!config.site.empty()) {
    try {
      auto site = StaticSite::load(config.site);
      log::info("site " + site->dir() + ": " + std::to_string(site->file_count()) + " files, " +
                std::to_string(site->total_bytes() / 1024) + " KiB");
      s.app->set_site(std::move(site));
    } catch (const std::exception& e) {
      throw StartupError(e.what());
    }
  }

  ServerOptions opt;
  opt.address = config.addr;
  opt.port = config.port;
  opt.threads = config.threads;
  opt.handle_signals = tuning.handle_signals;
  opt.on_reload = [this] { reload_site(); };
  s.http = std::make_unique<HttpServer>(opt, *s.app);
}

Server::~Server() { impl_->release(); }

Router& Server::router() { return impl_->router; }
Store& Server::store() { return *impl_->store; }
ApiContext& Server::api() { return *impl_->api; }

void Server::start() {
  try {
    impl_->http->start();
  } catch (const std::exception& e) {
    throw StartupError(e.what());
  }
}

std::uint16_t Server::port() const { return impl_->http->port(); }

std::string Server::url() const {
  const std::string& a = impl_->config.addr;
  const std::string host = a.find(':') != std::string::npos ? "[" + a + "]" : a;
  return "http://" + host + ":" + std::to_string(port());
}

void Server::wait() {
  impl_->http->wait();
  impl_->release();
}

void Server::stop() { impl_->release(); }

void Server::reload_site() {
  if (impl_->config.site.empty()) return;
  try {
    auto site = StaticSite::load(impl_->config.site);
    log::info("site reloaded: " + std::to_string(site->file_count()) + " files");
    impl_->app->set_site(std::move(site));
  } catch (const std::exception& e) {
    log::error(std::string("site reload failed, keeping the old files: ") + e.what());
  }
}

}  // namespace hg::srv
