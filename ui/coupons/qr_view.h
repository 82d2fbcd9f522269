// A QR code drawn with ImDrawList: dark modules as filled squares on white, with the
// four-module quiet zone scanners need, each module a whole number of device pixels so the
// edges stay sharp (a blurred edge is what makes a phone camera give up).
#pragma once
#include <imgui.h>

#include <memory>
#include <string>

namespace hg::ui::coupons {

class QrView {
 public:
  QrView();
  ~QrView();
  // Draws `text` as a QR code `side` UI pixels wide (quiet zone included) at the cursor.
  // Encoding happens only when the text changes. Returns the module count (0 if it failed).
  int draw(const std::string& text, float side);

 private:
  struct Encoded;
  std::unique_ptr<Encoded> enc_;
};

}  // namespace hg::ui::coupons
