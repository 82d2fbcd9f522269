// Platform for the desktop: HTTP with Boost.Beast on one worker thread, storage as files in
// the user's data directory, SDL for opening links. Results come back through poll().
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "ui/platform.h"

namespace hg::native {

class NativePlatform final : public ui::Platform {
 public:
  // The device clock in UTC milliseconds; tests and --test-now give one that starts at a
  // chosen instant.
  using Clock = std::function<std::int64_t()>;
  // server: "http://127.0.0.1:8080"; storage_dir is created when missing; clock: empty is
  // the system clock.
  NativePlatform(std::string server, std::string storage_dir, Clock clock = {});
  ~NativePlatform() override;

  void http(const ui::HttpRequest& request, HttpDone done) override;
  std::optional<std::string> load(const std::string& key) override;
  void save(const std::string& key, const std::string& bytes) override;
  std::int64_t now_ms() override;
  void open_url(const std::string& url) override;
  void text_input(bool, const ui::TextInputRect&) override {}  // SDL and the desktop IME handle it
  void request_position(PositionDone done) override;
  bool poll() override;

  // Whether any request is queued or running, or an answer waits for poll(): tests wait on it.
  bool busy();

  // The user's data directory: $HUIGONG_DATA_HOME, else $XDG_DATA_HOME/huigong, else
  // ~/.local/share/huigong.
  static std::string default_storage_dir();

 private:
  void worker();
  std::string path_for(const std::string& key) const;

  std::string host_, port_, storage_dir_;
  Clock clock_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<ui::HttpRequest, HttpDone>> pending_;
  std::deque<std::function<void()>> ready_;
  int in_flight_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hg::native
