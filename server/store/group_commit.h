// Group commit: many small writes share one transaction, so one fsync (synchronous=FULL)
// acknowledges a whole batch. A flash-sale rush sends a thousand claims at once; one
// transaction each would queue them behind a thousand fsyncs.
//
// One committer thread takes whatever is queued (up to max_batch), opens BEGIN IMMEDIATE,
// runs each operation inside its own SAVEPOINT (a refusal or error rolls back only that
// one), COMMITs, and only then answers every request in the batch: nothing is acknowledged
// before it is durable. If COMMIT itself fails, every request of the batch gets 503 and
// none of it happened.
//
// A second server process on the same file is still safe: BEGIN IMMEDIATE takes SQLite's
// write lock, and busy_timeout makes the other process wait for it.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "server/http_server.h"
#include "server/router.h"
#include "server/store/store.h"

namespace hg::srv {

class GroupCommit {
 public:
  struct Options {
    int max_batch = 512;
    size_t max_queue = 20000;  // beyond this a request is refused at once with 503
  };
  GroupCommit(Store& store, Options options);
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // done is called exactly once, on the committer thread (or at once when refused).
  void submit(WriteOp op, Responder done);
  // Runs what is queued, then joins the thread. Idempotent.
  void stop();

  // For tests and the benchmark: how many transactions / operations have committed.
  std::uint64_t batches() const;
  std::uint64_t operations() const;

 private:
  struct Item {
    WriteOp op;
    Responder done;
  };
  void run();
  void commit_batch(std::deque<Item>& batch);

  Store& store_;
  Options options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::uint64_t batches_ = 0, operations_ = 0;
  std::thread thread_;
};

}  // namespace hg::srv
