#include "ui/api_call.h"

namespace hg::ui {

HttpRequest get_request(const std::string& path) {
  HttpRequest req;
  req.method = "GET";
  req.path = path;
  return req;
}

HttpRequest post_request(const std::string& path, std::string body, const std::string& key) {
  HttpRequest req;
  req.method = "POST";
  req.path = path;
  req.body = std::move(body);
  req.headers.emplace_back("Idempotency-Key", key);
  return req;
}

}  // namespace hg::ui
