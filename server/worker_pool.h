// The threads that run database-touching handlers (Run::on_worker), off the IO threads.
// The queue is bounded: in a flash-sale rush a request that would wait behind thousands of
// others is better answered at once with 503 "busy, try again" than after a minute.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hg::srv {

class WorkerPool {
 public:
  WorkerPool(int threads, size_t max_queue);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool has stopped; the task is then not run.
  bool try_submit(std::function<void()> task);
  // Runs what is queued, then joins the threads. Idempotent.
  void stop();
  int threads() const { return static_cast<int>(threads_.size()); }

 private:
  void run();
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  size_t max_queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace hg::srv
