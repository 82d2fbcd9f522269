// A blocking HTTP/1.1 request with a deadline, for the desktop client's worker thread.
#pragma once
#include <string>

#include "ui/platform.h"

namespace hg::native {

ui::HttpResponse http_request(const std::string& host, const std::string& port, const ui::HttpRequest& request);

}  // namespace hg::native
