// WGS-84 ⇄ GCJ-02. Stations are stored in GCJ-02 (what Chinese maps and WeChat use);
// browser geolocation gives WGS-84, converted here at the edge. The forward transform is the
// standard public formula (Krasovsky ellipsoid); the inverse has no closed form and is
// solved by fixed-point iteration to well under a centimetre. Outside China no offset applies.
#pragma once
#include "core/stations/geo.h"

namespace hg::stations {

bool in_china(LonLat p);  // the rough box the offset is applied in
LonLat wgs84_to_gcj02(LonLat wgs);
LonLat gcj02_to_wgs84(LonLat gcj);

}  // namespace hg::stations
