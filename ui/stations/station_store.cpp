#include "ui/stations/station_store.h"

#include <string>
#include <utility>

#include "core/stations/snapshot.h"

namespace hg::ui::stations {

using hg::stations::Station;

namespace {
constexpr std::int64_t kResyncMs = 5 * 60 * 1000;    // online: look for changes every 5 minutes
constexpr std::int64_t kOfflineRetryMs = 20 * 1000;  // offline: try again soon
}  // namespace

StationStore::StationStore(Platform& platform) : platform_(platform) {}

bool StationStore::load_cached() {
  std::optional<std::string> bytes = platform_.load(kSnapshotKey);
  if (!bytes) return false;
  // Storage is the device's own, but a half-written or older-format file must not crash
  // the map: decode checks everything, and a bad copy is simply refetched.
  Result<hg::stations::StationSnapshot> snap = hg::stations::decode_snapshot(*bytes);
  if (!snap.ok()) return false;
  replace(std::move(snap.value().stations), snap.value().version, snap.value().generated_at);
  if (std::optional<std::string> meta = platform_.load(kMetaKey)) {
    try {
      confirmed_ms_ = std::stoll(*meta);
    } catch (const std::exception&) {
      confirmed_ms_ = 0;
    }
  }
  return true;
}

void StationStore::save_cache() {
  hg::stations::StationSnapshot snap;
  snap.version = version_;
  snap.generated_at = generated_at_s_;
  snap.stations = stations_;
  platform_.save(kSnapshotKey, hg::stations::encode_snapshot(snap));
  platform_.save(kMetaKey, std::to_string(confirmed_ms_));
}

void StationStore::tick(std::int64_t now_ms) {
  now_ms_ = now_ms;
  if (sync_ == Sync::fetching || now_ms < next_sync_ms_) return;
  sync_ = Sync::fetching;
  if (version_ == 0) {
    platform_.http({"GET", "/api/v1/stations/snapshot", {}, {}, 30000}, [this](const HttpResponse& r) {
      if (r.status == 200)
        on_snapshot(r.body);
      else
        fail_sync();
    });
    return;
  }
  platform_.http({"GET", "/api/v1/stations/delta?since=" + std::to_string(version_), {}, {}, 30000},
                 [this](const HttpResponse& r) {
                   if (r.status == 200) {
                     on_delta(r.body);
                   } else if (r.status == 304 || r.status == 204) {
                     confirm();
                   } else if (r.status == 410) {
                     // Too old for a delta: the whole snapshot again.
                     version_ = 0;
                     sync_ = Sync::idle;
                     next_sync_ms_ = 0;
                   } else {
                     fail_sync();
                   }
                 });
}

void StationStore::confirm() {
  confirmed_ms_ = platform_.now_ms();
  platform_.save(kMetaKey, std::to_string(confirmed_ms_));
  sync_ = Sync::online;
  next_sync_ms_ = confirmed_ms_ + kResyncMs;
}

void StationStore::fail_sync() {
  sync_ = Sync::offline;
  next_sync_ms_ = platform_.now_ms() + kOfflineRetryMs;
}

void StationStore::on_snapshot(const std::string& bytes) {
  Result<hg::stations::StationSnapshot> snap = hg::stations::decode_snapshot(bytes);
  if (!snap.ok()) return fail_sync();
  replace(std::move(snap.value().stations), snap.value().version, snap.value().generated_at);
  platform_.save(kSnapshotKey, bytes);  // exactly what the server sent: decodes the same next start
  confirm();
}

void StationStore::on_delta(const std::string& bytes) {
  Result<hg::stations::StationDelta> delta = hg::stations::decode_delta(bytes);
  if (!delta.ok()) return fail_sync();
  const hg::stations::StationDelta& d = delta.value();
  if (d.from_version != version_) {  // not ours to apply: start over from a snapshot
    version_ = 0;
    sync_ = Sync::idle;
    next_sync_ms_ = 0;
    return;
  }
  if (d.to_version != version_ || !d.upserts.empty() || !d.removed_ids.empty()) {
    hg::stations::StationSnapshot snap;
    snap.version = version_;
    snap.generated_at = generated_at_s_;
    snap.stations = std::move(stations_);
    hg::stations::apply_delta(snap, d);
    replace(std::move(snap.stations), snap.version, generated_at_s_);
    save_cache();
  }
  confirm();
}

void StationStore::replace(std::vector<Station> stations, std::uint64_t version, std::int64_t generated_at_s) {
  stations_ = std::move(stations);
  version_ = version;
  generated_at_s_ = generated_at_s;
  rebuild();
}

void StationStore::rebuild() {
  std::vector<hg::stations::LonLat> points, listed;
  points.reserve(stations_.size());
  map_ids_.clear();
  by_id_.clear();
  by_id_.reserve(stations_.size());
  for (std::size_t i = 0; i < stations_.size(); ++i) {
    // Delisted stations stay in the data (the admin table lists them) but off the map.
    const Station& s = stations_[i];
    points.push_back({s.lon, s.lat});
    if (s.listed()) {
      listed.push_back({s.lon, s.lat});
      map_ids_.push_back(static_cast<int>(i));
    }
    by_id_.emplace(s.id, static_cast<int>(i));
  }
  geo_ = hg::stations::GeoIndex(points);
  hg::stations::ClusterOptions opt;
  clusters_ = hg::stations::ClusterIndex(listed, opt);
  ++revision_;
}

int StationStore::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : it->second;
}

void StationStore::update(const Station& s) {
  const int i = find(s.id);
  if (i < 0) return;
  const bool moved = stations_[static_cast<std::size_t>(i)].lon != s.lon || stations_[static_cast<std::size_t>(i)].lat != s.lat;
  if (moved || s.listed() != stations_[static_cast<std::size_t>(i)].listed()) {
    stations_[static_cast<std::size_t>(i)] = s;
    rebuild();
    return;
  }
  stations_[static_cast<std::size_t>(i)] = s;
  ++revision_;
}

}  // namespace hg::ui::stations
