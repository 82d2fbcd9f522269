#include "server/store/group_commit.h"

#include "server/error_answers.h"
#include "server/log.h"

#include <pthread.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace hg::srv {

GroupCommit::GroupCommit(Store& store, Options options) : store_(store), options_(options) {
  completer_ = std::thread([this] { complete(); });
  thread_ = std::thread([this] { run(); });
}

GroupCommit::~GroupCommit() { stop(); }

void GroupCommit::submit(WriteOp op, Responder done) {
  if (const ReadyAnswer* ready = op.target<ReadyAnswer>()) {
    done(ready->answer);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_ && queue_.size() < options_.max_queue) {
      queue_.push_back({std::move(op), std::move(done)});
      cv_.notify_one();
      return;
    }
  }
  done(Response::error(busy_error()));
}

void GroupCommit::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  // The committer has handed over its last batch: answer it, then let the completer go.
  {
    std::lock_guard<std::mutex> lock(done_mu_);
    done_stopping_ = true;
  }
  done_cv_.notify_all();
  if (completer_.joinable()) completer_.join();
}

void GroupCommit::complete() {
  pthread_setname_np(pthread_self(), "hg-complete");
  for (;;) {
    std::deque<Done> ready;
    {
      std::unique_lock<std::mutex> lock(done_mu_);
      done_cv_.wait(lock, [this] { return done_stopping_ || !done_.empty(); });
      if (done_.empty()) return;  // stopping, and every batch has been answered
      ready.swap(done_);
    }
    for (Done& d : ready)
      for (size_t i = 0; i < d.batch.size(); ++i) d.batch[i].done(std::move(d.answers[i]));
  }
}

std::uint64_t GroupCommit::batches() const {
  std::lock_guard<std::mutex> lock(mu_);
  return batches_;
}

std::uint64_t GroupCommit::operations() const {
  std::lock_guard<std::mutex> lock(mu_);
  return operations_;
}

namespace {
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
}  // namespace

void GroupCommit::run() {
  pthread_setname_np(pthread_self(), "hg-writer");
  // HUIGONG_WRITER_STATS=1: at stop, print the committer's CPU time per operation to stderr
  // (for tuning the rush benchmarks; the wall-clock numbers there depend on the machine's load).
  struct Stats {
    bool on = std::getenv("HUIGONG_WRITER_STATS") != nullptr;
    ~Stats() {
      if (!on || !ops) return;
      const double n = static_cast<double>(ops), b = static_cast<double>(batches);
      std::fprintf(stderr, "writer: %llu ops in %llu batches, %.1f us CPU/op, %.1f us wall/op, %.2f ms wall/batch, %.2f ms COMMIT/batch\n",
                   ops, batches, cpu_ms * 1e3 / n, wall_ms * 1e3 / n, wall_ms / b, *commit_ms / b);
    }
    unsigned long long ops = 0, batches = 0;
    double cpu_ms = 0, wall_ms = 0;
    const double* commit_ms;
  } stats{};
  stats.commit_ms = &commit_ms_;
  for (;;) {
    std::deque<Item> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued has been run
      const size_t n = std::min(queue_.size(), static_cast<size_t>(options_.max_batch));
      for (size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    const double t0 = stats.on ? thread_cpu_ms() : 0;
    const auto w0 = std::chrono::steady_clock::now();
    stats.ops += batch.size();
    ++stats.batches;
    commit_batch(batch);
    if (stats.on) {
      stats.cpu_ms += thread_cpu_ms() - t0;
      stats.wall_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count();
    }
  }
}

void GroupCommit::commit_batch(std::deque<Item>& batch) {
  std::vector<Response> answers(batch.size());
  bool committed = false;
  try {
    std::unique_lock<std::mutex> writer = store_.writer_lock();
    Store::Lease lease = store_.lease();
    Db& db = lease.db();
    Transaction txn(db, Transaction::Kind::immediate);
    for (size_t i = 0; i < batch.size(); ++i) {
      // Cached statements: exec() would parse these three again for every operation.
      db.cached("SAVEPOINT op").run();
      try {
        answers[i] = batch[i].op(db);
        db.cached("RELEASE op").run();
        continue;
      } catch (const std::exception&) {
        answers[i] = answer_current_exception("write");
      }
      db.cached("ROLLBACK TO op").run();
      db.forget_rows();  // the op may have written rows someone remembered
      db.cached("RELEASE op").run();
    }
    const auto c0 = std::chrono::steady_clock::now();
    txn.commit();
    commit_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0).count();
    committed = true;
  } catch (const DbError& e) {
    log::error(std::string("group commit failed, batch of ") + std::to_string(batch.size()) + " refused: " + e.what());
  } catch (const std::exception& e) {
    log::error(std::string("group commit failed: ") + e.what());
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (committed) {
      ++batches_;
      operations_ += batch.size();
    }
  }
  if (!committed)
    for (Response& a : answers) a = Response::error(busy_error());
  {
    std::lock_guard<std::mutex> lock(done_mu_);
    done_.push_back({std::move(batch), std::move(answers)});
  }
  done_cv_.notify_one();
}

}  // namespace hg::srv
