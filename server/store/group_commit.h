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
// The answers are handed to the connections by a second, completion thread: posting a
// response to an IO thread (and freeing the batch's requests) costs a few microseconds per
// request, and the committer should be opening the next transaction instead. Nothing is
// handed over before COMMIT has returned, so this changes no guarantee.
//
// A second server process on the same file is still safe: BEGIN IMMEDIATE takes SQLite's
// write lock, and busy_timeout makes the other process wait for it.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "server/http_server.h"
#include "server/router.h"
#include "server/store/store.h"

namespace hg::srv {

// A write whose answer is already known when it is prepared (a refusal decided on committed
// state that writes nothing): return `ReadyAnswer{response}` as the WriteOp and submit()
// answers at once on the caller's thread instead of queueing it behind the rush.
struct ReadyAnswer {
  Response answer;
  Response operator()(Db&) const { return answer; }
};

class GroupCommit {
 public:
  struct Options {
    // Above the rush's 1,000 requests in flight, so one fsync can acknowledge all of them.
    int max_batch = 2048;
    size_t max_queue = 20000;  // beyond this a request is refused at once with 503
  };
  GroupCommit(Store& store, Options options);
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // done is called exactly once, on the completion thread (or at once when refused or when
  // op is a ReadyAnswer).
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
  struct Done {
    std::deque<Item> batch;
    std::vector<Response> answers;
  };
  void run();
  void complete();
  void commit_batch(std::deque<Item>& batch);

  Store& store_;
  Options options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::uint64_t batches_ = 0, operations_ = 0;
  double commit_ms_ = 0;  // wall time inside COMMIT (the fsync); committer thread only
  std::thread thread_;
  // Committed batches waiting to be answered (guarded by done_mu_).
  std::mutex done_mu_;
  std::condition_variable done_cv_;
  std::deque<Done> done_;
  bool done_stopping_ = false;
  std::thread completer_;
};

}  // namespace hg::srv
