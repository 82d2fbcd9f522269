#include "server/store/store.h"

#include <algorithm>

#include "server/store/migrations.h"

namespace hg::srv {

std::unique_ptr<Store> Store::open(const Options& options, UnixSeconds now) {
  std::unique_ptr<Store> store(new Store());
  store->path_ = options.path;
  auto first = std::make_unique<Db>(Db::open(options.path, options.busy_timeout_ms));
  if (options.path != ":memory:" && first->journal_mode() != "wal")
    throw DbError(make_error(Errc::unavailable, "数据库无法切换到 WAL 模式", "The database could not switch to WAL mode"),
                  "journal_mode is " + first->journal_mode() + ", not wal");
  store->schema_version_ = migrate(*first, all_migrations(), now);
  store->add(std::move(first));
  for (int i = 1; i < std::max(1, options.connections); ++i)
    store->add(std::make_unique<Db>(Db::open(options.path, options.busy_timeout_ms)));
  return store;
}

void Store::add(std::unique_ptr<Db> db) {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(db.get());
  all_.push_back(std::move(db));
}

Store::~Store() { close(); }

Store::Lease::~Lease() {
  if (store_) store_->give_back(db_);
}

Store::Lease Store::lease() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return closed_ || !free_.empty(); });
  if (closed_)
    throw DbError(make_error(Errc::unavailable, "服务器正在关闭", "The server is shutting down"), "store closed");
  Db* db = free_.back();
  free_.pop_back();
  return Lease(this, db);
}

void Store::give_back(Db* db) {
  // No statement may keep a read snapshot open while the connection sits in the pool, or
  // WAL checkpoints could never finish.
  db->reset_statements();
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(db);
  }
  cv_.notify_all();
}

void Store::close() {
  std::unique_lock<std::mutex> lock(mu_);
  if (all_.empty()) return;
  closed_ = true;
  cv_.notify_all();
  cv_.wait(lock, [&] { return free_.size() == all_.size(); });
  free_.clear();
  all_.clear();  // closes the connections; the last one checkpoints the WAL
}

}  // namespace hg::srv
