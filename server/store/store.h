// The SQLite store: one database file, a fixed pool of connections, migrations applied on
// open.
//
// Threading: every connection is used by one thread at a time. A handler borrows one with
// read() or write() (or lease() for finer control) and gives it back when done. WAL lets
// readers run alongside the one writer. Writes go through write(), which holds a process-wide
// writer mutex and runs the function inside BEGIN IMMEDIATE … COMMIT: writers queue on the
// mutex in order rather than spinning on SQLITE_BUSY, and a function that throws leaves
// nothing half-written. (A second server process on the same file still works: busy_timeout
// makes its writers wait for the lock.)
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "core/cst_time.h"
#include "server/store/sqlite.h"

namespace hg::srv {

class Store {
 public:
  struct Options {
    std::string path;
    int connections = 4;
    int busy_timeout_ms = 5000;
  };

  // Opens the file, applies the migrations (refusing a newer schema) and opens the pool.
  // Throws DbError.
  static std::unique_ptr<Store> open(const Options& options, UnixSeconds now);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  class Lease {
   public:
    Lease(Lease&& o) noexcept : store_(o.store_), db_(o.db_) { o.store_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    Db& db() { return *db_; }

   private:
    friend class Store;
    Lease(Store* store, Db* db) : store_(store), db_(db) {}
    Store* store_;
    Db* db_;
  };

  // Waits for a free connection.
  Lease lease();

  template <class F>
  auto read(F&& f) {
    Lease l = lease();
    return f(l.db());
  }

  template <class F>
  auto write(F&& f) {
    std::lock_guard<std::mutex> writer(write_mu_);
    Lease l = lease();
    Transaction txn(l.db(), Transaction::Kind::immediate);
    if constexpr (std::is_void_v<decltype(f(l.db()))>) {
      f(l.db());
      txn.commit();
    } else {
      auto result = f(l.db());
      txn.commit();
      return result;
    }
  }

  // The process-wide writer lock write() holds; GroupCommit takes it around each batch so
  // the two kinds of writer queue in order instead of meeting on SQLITE_BUSY.
  std::unique_lock<std::mutex> writer_lock() { return std::unique_lock<std::mutex>(write_mu_); }

  int schema_version() const { return schema_version_; }
  const std::string& path() const { return path_; }
  // Closes every connection (waits until all are handed back). Idempotent.
  void close();

 private:
  Store() = default;
  void add(std::unique_ptr<Db> db);
  void give_back(Db* db);

  std::string path_;
  int schema_version_ = 0;
  std::vector<std::unique_ptr<Db>> all_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Db*> free_;
  bool closed_ = false;
  std::mutex write_mu_;
};

}  // namespace hg::srv
