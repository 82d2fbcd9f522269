#include "ui/stations/map_app_links.h"

#include <cstdio>

namespace hg::ui::stations {

namespace {

// Percent-encodes a URI component (names are UTF-8 Chinese).
std::string uri_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string amap_uri(const hg::stations::Station& st) {
  char pos[64];
  std::snprintf(pos, sizeof pos, "%.6f,%.6f", st.lon, st.lat);
  return std::string("https://uri.amap.com/marker?position=") + pos + "&name=" + uri_encode(st.name) + "&coordinate=gaode&callnative=1";
}

std::string tencent_uri(const hg::stations::Station& st) {
  char pos[64];
  std::snprintf(pos, sizeof pos, "%.6f,%.6f", st.lat, st.lon);
  return std::string("https://apis.map.qq.com/uri/v1/marker?marker=coord:") + pos + ";title:" + uri_encode(st.name) +
         ";addr:" + uri_encode(st.address) + "&referer=huigong";
}

}  // namespace hg::ui::stations
