#include "ui/feeds/notice_feed.h"

#include <cereal/types/vector.hpp>

#include "core/json.h"

namespace hg::ui {

namespace {
// What the device keeps: the server's answer plus when it was fetched.
struct CachedNotices {
  std::int64_t fetched_ms = 0;
  NoticeList list;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(fetched_ms), CEREAL_NVP(list));
  }
};
constexpr std::int64_t kRetryMs = 30'000;
}  // namespace

}  // namespace hg::ui
CEREAL_CLASS_VERSION(hg::ui::CachedNotices, 1)

namespace hg::ui {

void NoticeFeed::load_cached() {
  std::optional<std::string> bytes = platform_.load(kStorageKey);
  if (!bytes) return;
  // JSON even on the device: a cache written by an older client stays readable.
  Result<CachedNotices> cached = from_json<CachedNotices>(*bytes, "cached", 4 << 20);
  if (!cached.ok()) return;  // a damaged cache is simply refetched
  notices_ = std::move(cached.value().list.notices);
  fetched_ms_ = cached.value().fetched_ms;
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
  Result<NoticeList> list = from_json<NoticeList>(r.body, kNoticeListJson, 4 << 20);
  if (!list.ok()) {
    status_ = Status::offline;
    return;
  }
  notices_ = std::move(list.value().notices);
  fetched_ms_ = platform_.now_ms();
  status_ = Status::online;
  CachedNotices cached;
  cached.fetched_ms = fetched_ms_;
  cached.list.notices = notices_;
  platform_.save(kStorageKey, to_json("cached", cached));
}

}  // namespace hg::ui
