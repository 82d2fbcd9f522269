#include "server/build_info.h"

#ifndef HUIGONG_VERSION
#define HUIGONG_VERSION "0.0.0"
#endif
#ifndef HUIGONG_COMMIT
#define HUIGONG_COMMIT "unknown"
#endif
#ifndef HUIGONG_BUILT_AT
#define HUIGONG_BUILT_AT 0
#endif

namespace hg::srv {

const BuildInfo& build_info() {
  static const BuildInfo info{HUIGONG_VERSION, HUIGONG_COMMIT, static_cast<UnixSeconds>(HUIGONG_BUILT_AT)};
  return info;
}

}  // namespace hg::srv
