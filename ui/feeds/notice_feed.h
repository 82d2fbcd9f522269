// The home screen's notices: fetched from /api/v1/notices, kept on the device so the app
// opens with content when there is no signal, and refreshed when the network returns.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/models/notice.h"
#include "ui/platform.h"

namespace hg::ui {

class NoticeFeed {
 public:
  enum class Status { idle, loading, online, offline };

  explicit NoticeFeed(Platform& platform) : platform_(platform) {}

  void load_cached();  // from device storage, at start-up
  void refresh();      // ask the server; no-op while a request is in flight
  // Called every frame: retries every 30 s while offline.
  void tick();

  Status status() const { return status_; }
  const std::vector<Notice>& notices() const { return notices_; }
  // When the shown notices were fetched (UTC ms), 0 when never.
  std::int64_t fetched_ms() const { return fetched_ms_; }

  static constexpr const char* kStorageKey = "notices.v2";

 private:
  void on_response(const HttpResponse& r);

  Platform& platform_;
  Status status_ = Status::idle;
  std::vector<Notice> notices_;
  std::int64_t fetched_ms_ = 0;
  std::int64_t last_attempt_ms_ = 0;
  // Shared with the HTTP callback, so an answer arriving after the feed is gone is ignored.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace hg::ui
