#include "ui/feeds/notice_feed.h"

#include <cereal/types/vector.hpp>

#include <cstdlib>

#include "core/json.h"

namespace hg::ui {

namespace {
constexpr std::int64_t kRetryMs = 30'000;
constexpr size_t kMaxBytes = 4 << 20;
}  // namespace

// The device's copy is the server's answer as it came (JSON, so a copy an older client wrote
// stays readable), after a first line with when it was fetched: "<UTC ms>\n<answer>".
void NoticeFeed::load_cached() {
  std::optional<std::string> bytes = platform_.load(kStorageKey);
  if (!bytes) return;
  const size_t eol = bytes->find('\n');
  if (eol == std::string::npos) return;  // a damaged copy is simply refetched
  char* end = nullptr;
  const long long fetched = std::strtoll(bytes->c_str(), &end, 10);
  if (end != bytes->c_str() + eol || fetched <= 0) return;
  Result<NoticeList> list = from_json<NoticeList>(std::string_view(*bytes).substr(eol + 1), kNoticeListJson, kMaxBytes);
  if (!list.ok()) return;
  notices_ = std::move(list.value().notices);
  fetched_ms_ = fetched;
}

void NoticeFeed::refresh() {
  if (status_ == Status::loading) return;
  status_ = Status::loading;
  last_attempt_ms_ = platform_.now_ms();
  HttpRequest req;
  req.path = "/api/v1/notices";
  std::weak_ptr<bool> alive = alive_;
  platform_.http(req, [this, alive](const HttpResponse& r) {
    if (alive.lock()) on_response(r);
  });
}

void NoticeFeed::tick() {
  if (status_ == Status::idle) refresh();
  if (status_ == Status::offline && platform_.now_ms() - last_attempt_ms_ >= kRetryMs) refresh();
}

void NoticeFeed::on_response(const HttpResponse& r) {
  if (r.status != 200) {
    status_ = Status::offline;
    return;
  }
  Result<NoticeList> list = from_json<NoticeList>(r.body, kNoticeListJson, kMaxBytes);
  if (!list.ok()) {
    status_ = Status::offline;
    return;
  }
  notices_ = std::move(list.value().notices);
  fetched_ms_ = platform_.now_ms();
  status_ = Status::online;
  platform_.save(kStorageKey, std::to_string(fetched_ms_) + "\n" + r.body);
}

}  // namespace hg::ui
