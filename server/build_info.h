// What this binary is: filled in by CMake at configure time (build_info.cpp alone gets the
// definitions, so a new commit recompiles one small file).
#pragma once
#include "core/cst_time.h"

namespace hg::srv {

struct BuildInfo {
  const char* version;   // project(VERSION) in the top-level CMakeLists.txt
  const char* commit;    // `git rev-parse --short=12 HEAD` at configure time, or "unknown"
  UnixSeconds built_at;  // configure time (honours SOURCE_DATE_EPOCH)
};

const BuildInfo& build_info();

}  // namespace hg::srv
