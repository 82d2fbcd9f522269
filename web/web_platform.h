// Platform for the browser: emscripten_fetch for HTTP, files in an IndexedDB-backed folder
// (IDBFS, mounted by web/pre.js before main) for storage, and web/bridge.js for the rest.
#pragma once
#include <deque>
#include <functional>

#include "ui/platform.h"

namespace hg::web {

class WebPlatform final : public ui::Platform {
 public:
  void http(const ui::HttpRequest& request, HttpDone done) override;
  std::optional<std::string> load(const std::string& key) override;
  void save(const std::string& key, const std::string& bytes) override;
  std::int64_t now_ms() override;
  void open_url(const std::string& url) override;
  void text_input(bool active, const ui::TextInputRect& where) override;
  void request_position(PositionDone done) override;
  bool poll() override;

  // Work finished by browser callbacks, run on the next poll().
  void post(std::function<void()> fn) { ready_.push_back(std::move(fn)); }

 private:
  std::deque<std::function<void()>> ready_;
  bool text_active_ = false;
};

}  // namespace hg::web
