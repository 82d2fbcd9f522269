#include "server/bookings/common.h"

namespace hg::srv::bk {

std::string query_value(const Request& req, const std::string& name) {
  size_t pos = 0;
  const std::string& q = req.query;
  while (pos <= q.size()) {
    size_t amp = q.find('&', pos);
    if (amp == std::string::npos) amp = q.size();
    const std::string part = q.substr(pos, amp - pos);
    const size_t eq = part.find('=');
    if (part.substr(0, eq) == name) {
      std::string out;
      if (eq == std::string::npos || !percent_decode(part.substr(eq + 1), out)) return "";
      return out;
    }
    pos = amp + 1;
  }
  return "";
}

}  // namespace hg::srv::bk
