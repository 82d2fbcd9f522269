// What /api/v1/version and /api/v1/health answer; the client shows the version in its
// About line and uses health to decide whether it is online.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cstdint>
#include <string>

#include "core/cst_time.h"

namespace hg {

// The top-level names of /api/v1/version and /api/v1/health answers: part of the wire format.
constexpr const char* kVersionJson = "version";
constexpr const char* kHealthJson = "health";

struct VersionInfo {
  std::string app = "huigong";
  std::string version;    // semantic version of this build
  std::string commit;     // git commit it was built from, or "unknown"
  int schema = 0;         // highest database migration applied
  std::string built_at;   // build date, CST

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(app), CEREAL_NVP(version), CEREAL_NVP(commit), CEREAL_NVP(schema), CEREAL_NVP(built_at));
  }
};

struct HealthInfo {
  std::string status = "ok";  // "ok" or "degraded"
  std::string db = "ok";      // "ok" or the store's complaint
  std::int64_t uptime_s = 0;
  UnixSeconds now = 0;
  std::string now_cst;  // the server's clock in CST, for eyeballing skew

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(status), CEREAL_NVP(db), CEREAL_NVP(uptime_s), CEREAL_NVP(now), CEREAL_NVP(now_cst));
  }
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::VersionInfo, 1)
CEREAL_CLASS_VERSION(hg::HealthInfo, 1)
