#include "ui/version.h"

#ifndef HUIGONG_VERSION
#define HUIGONG_VERSION "0.0.0"
#endif

namespace hg::ui {

const char* client_version() { return HUIGONG_VERSION; }

}  // namespace hg::ui
