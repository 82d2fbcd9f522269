// The stations as this device knows them: the last snapshot (kept in storage so the map,
// search, nearest and details work with no signal), its version and age, and the indexes
// built from it once per data version (never per frame): the KD-tree for nearest/box
// queries and the cluster tree for the map.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/stations/cluster_index.h"
#include "core/stations/geo_index.h"
#include "core/stations/station.h"
#include "ui/platform.h"

namespace hg::ui::stations {

class StationStore {
 public:
  enum class Sync { idle, fetching, online, offline };
  static constexpr const char* kSnapshotKey = "stations.snapshot";
  static constexpr const char* kMetaKey = "stations.meta";  // when the server last confirmed the copy

  explicit StationStore(Platform& platform);

  // Reads the device copy (call once at start); false when there is none or it is unreadable.
  bool load_cached();
  // Every frame: starts a sync with the server when one is due (at start, then every few
  // minutes, and at once after refresh()).
  void tick(std::int64_t now_ms);
  void refresh() { next_sync_ms_ = 0; }

  // Replaces the data (a fresh snapshot, a delta applied, or stations made in-process by
  // tests and benchmarks) and rebuilds the indexes.
  void replace(std::vector<hg::stations::Station> stations, std::uint64_t version, std::int64_t generated_at_s);

  const std::vector<hg::stations::Station>& stations() const { return stations_; }
  bool empty() const { return stations_.empty(); }
  std::uint64_t version() const { return version_; }
  std::int64_t generated_at_s() const { return generated_at_s_; }
  // When the server last answered with this data (UTC ms), 0 = never on this device.
  std::int64_t confirmed_ms() const { return confirmed_ms_; }
  Sync sync() const { return sync_; }
  // Bumps whenever the data (and so the indexes) change: views cache per revision.
  std::uint64_t revision() const { return revision_; }

  const hg::stations::GeoIndex& geo() const { return geo_; }
  // The map's cluster tree holds the listed stations only; a single-station feature's id
  // is a position in that list: map_station() turns it into a position in stations().
  const hg::stations::ClusterIndex& clusters() const { return clusters_; }
  int map_station(std::int64_t feature_id) const {
    return feature_id >= 0 && static_cast<std::size_t>(feature_id) < map_ids_.size()
               ? map_ids_[static_cast<std::size_t>(feature_id)] : -1;
  }
  // Position in stations() of the station with this id, or -1.
  int find(const std::string& id) const;
  // Updates one station in place (an admin edit the server accepted).
  void update(const hg::stations::Station& s);

 private:
  void rebuild();
  void save_cache();
  void on_snapshot(const std::string& bytes);
  void on_delta(const std::string& bytes);
  void fail_sync();
  void confirm();

  Platform& platform_;
  std::vector<hg::stations::Station> stations_;
  std::uint64_t version_ = 0;
  std::int64_t generated_at_s_ = 0;
  std::int64_t confirmed_ms_ = 0;
  std::uint64_t revision_ = 0;
  Sync sync_ = Sync::idle;
  std::int64_t next_sync_ms_ = 0;
  std::int64_t now_ms_ = 0;
  hg::stations::GeoIndex geo_;
  hg::stations::ClusterIndex clusters_;
  std::unordered_map<std::string, int> by_id_;
  std::vector<int> map_ids_;
};

}  // namespace hg::ui::stations
