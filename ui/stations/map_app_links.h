// Hand-offs to the phone's map apps: a marker at a station in Amap and in Tencent Maps
// (GCJ-02, which both use), with its name percent-encoded.
#pragma once
#include <string>

#include "core/stations/station.h"

namespace hg::ui::stations {

std::string amap_uri(const hg::stations::Station& st);
std::string tencent_uri(const hg::stations::Station& st);

}  // namespace hg::ui::stations
