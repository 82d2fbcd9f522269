#include "ui/stations/rating_queue.h"

#include <algorithm>

#include "core/json.h"

namespace hg::ui::stations {

namespace {
// A 4xx that will not change by resending: the rating can never be accepted as it is.
// 401 is not final (sign in again and it goes through), nor are 408 and 429.
bool final_refusal(int status) { return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429; }
}  // namespace

RatingQueue::RatingQueue(Platform& platform, Session& session) : platform_(platform), session_(session) {}

void RatingQueue::load() {
  std::optional<std::string> saved = platform_.load(kKey);
  if (!saved) return;
  Result<std::vector<QueuedRating>> items = from_json<std::vector<QueuedRating>>(*saved, "queue", 4 * 1024 * 1024);
  if (items.ok()) items_ = std::move(items.value());
}

void RatingQueue::store() { platform_.save(kKey, to_json("queue", items_)); }

void RatingQueue::add(QueuedRating r) {
  items_.push_back(std::move(r));
  store();
  next_try_ms_ = 0;  // try at once
}

void RatingQueue::tick(std::int64_t now_ms) {
  if (in_flight_ || items_.empty() || now_ms < next_try_ms_) return;
  const std::string me = session_.signed_in() ? session_.info().account_id : std::string();
  auto it = std::find_if(items_.begin(), items_.end(), [&](const QueuedRating& q) { return q.account_id == me; });
  if (it == items_.end()) return;  // waiting for its member to sign in again
  in_flight_ = true;
  const QueuedRating q = *it;
  // (Content-Type: the platform adds it for a JSON body.)
  HttpRequest req{"POST", "/api/v1/stations/" + q.station_id + "/ratings", q.body,
                  {{"Idempotency-Key", q.idempotency_key}}, 10000};
  session_.api(req, [this, key = q.idempotency_key, id = q.station_id, name = q.station_name](const HttpResponse& r) {
    in_flight_ = false;
    const bool ok = r.status >= 200 && r.status < 300;
    if (ok || final_refusal(r.status)) {
      items_.erase(std::remove_if(items_.begin(), items_.end(),
                                  [&](const QueuedRating& queued) { return queued.idempotency_key == key; }),
                   items_.end());
      store();
      RatingOutcome o{id, name, key, ok, {}};
      if (!ok) o.error = error_of(r);
      outcomes_.push_back(std::move(o));
      next_try_ms_ = 0;
    } else {
      next_try_ms_ = platform_.now_ms() + kRetryMs;  // offline or the server failed: same key later
    }
  });
}

const RatingOutcome* RatingQueue::outcome(const std::string& idempotency_key) const {
  for (const RatingOutcome& o : outcomes_)
    if (o.idempotency_key == idempotency_key) return &o;
  return nullptr;
}

}  // namespace hg::ui::stations
