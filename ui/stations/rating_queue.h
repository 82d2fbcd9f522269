// Ratings waiting to reach the server. A rating is queued (and stored on the device) the
// moment the member submits it, with its Idempotency-Key, and sent from tick(): kept on
// a network failure or a 5xx and retried with the SAME key, so however often it is resent
// the server records it once; dropped on a 2xx, or on a final 4xx (already rated today,
// unknown station, invalid) with a note the screen shows.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "ui/platform.h"
#include "ui/session.h"

namespace hg::ui::stations {

struct QueuedRating {
  std::string station_id;
  std::string station_name;
  std::string account_id;  // only this account's session may deliver it
  std::string idempotency_key;
  std::string body;  // the JSON the server takes
  std::int64_t queued_ms = 0;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(station_id), CEREAL_NVP(station_name), CEREAL_NVP(account_id), CEREAL_NVP(idempotency_key),
       CEREAL_NVP(body), CEREAL_NVP(queued_ms));
  }
};

struct RatingOutcome {
  std::string station_id;
  std::string station_name;
  std::string idempotency_key;  // which queued rating this is the outcome of
  bool delivered = false;       // false: the server refused it for good
  Error error;                  // the server's words (zh + en) when refused
};

class RatingQueue {
 public:
  static constexpr const char* kKey = "stations.rating_queue";
  static constexpr std::int64_t kRetryMs = 3000;

  RatingQueue(Platform& platform, Session& session);
  void load();
  void add(QueuedRating r);
  // Sends the oldest deliverable rating when none is in flight and a retry is due.
  void tick(std::int64_t now_ms);

  const std::vector<QueuedRating>& pending() const { return items_; }
  bool in_flight() const { return in_flight_; }
  // The last try failed (no network, or the server failed) and another is due later.
  bool retrying() const { return next_try_ms_ > 0; }
  // The outcome of the rating queued with this key; nullptr while it waits.
  const RatingOutcome* outcome(const std::string& idempotency_key) const;
  // What happened to delivered or refused ratings, newest last (not kept across restarts).
  const std::vector<RatingOutcome>& outcomes() const { return outcomes_; }

 private:
  void store();
  Platform& platform_;
  Session& session_;
  std::vector<QueuedRating> items_;
  std::vector<RatingOutcome> outcomes_;
  bool in_flight_ = false;
  std::int64_t next_try_ms_ = 0;
};

}  // namespace hg::ui::stations

CEREAL_CLASS_VERSION(hg::ui::stations::QueuedRating, 1)
