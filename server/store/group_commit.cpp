#include "server/store/group_commit.h"

#include "server/api_error.h"
#include "server/log.h"

namespace hg::srv {

namespace {
Response busy() {
  return Response::error(
      make_error(Errc::unavailable, "当前访问人数过多，请稍后再试", "Too many requests right now; please try again shortly"));
}

Response internal_error() {
  return Response::error(
      make_error(Errc::internal, "服务器内部错误，这是程序缺陷，请稍后再试", "Internal server error (a bug); please try again later"));
}
}  // namespace

GroupCommit::GroupCommit(Store& store, Options options) : store_(store), options_(options) {
  thread_ = std::thread([this] { run(); });
}

GroupCommit::~GroupCommit() { stop(); }

void GroupCommit::submit(WriteOp op, Responder done) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_ && queue_.size() < options_.max_queue) {
      queue_.push_back({std::move(op), std::move(done)});
      cv_.notify_one();
      return;
    }
  }
  done(busy());
}

void GroupCommit::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t GroupCommit::batches() const {
  std::lock_guard<std::mutex> lock(mu_);
  return batches_;
}

std::uint64_t GroupCommit::operations() const {
  std::lock_guard<std::mutex> lock(mu_);
  return operations_;
}

void GroupCommit::run() {
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
    commit_batch(batch);
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
      } catch (const ApiError& e) {
        answers[i] = Response::error(e.error());
      } catch (const DbError& e) {
        log::error(std::string("write: ") + e.what());
        answers[i] = Response::error(e.error());
      } catch (const std::exception& e) {
        log::error(std::string("write: ") + e.what());
        answers[i] = internal_error();
      }
      db.cached("ROLLBACK TO op").run();
      db.cached("RELEASE op").run();
    }
    txn.commit();
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
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(committed ? std::move(answers[i]) : busy());
}

}  // namespace hg::srv
