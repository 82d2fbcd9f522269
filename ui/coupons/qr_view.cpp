#include "ui/coupons/qr_view.h"

#include <qrcodegen.hpp>

#include <cmath>
#include <vector>

#include "ui/theme.h"
#include "ui/trace.h"

namespace hg::ui::coupons {

struct QrView::Encoded {
  std::string text;
  int size = 0;
  std::vector<bool> dark;  // size × size, row-major
};

QrView::QrView() = default;
QrView::~QrView() = default;

int QrView::draw(const std::string& text, float side) {
  if (!enc_ || enc_->text != text) {
    enc_ = std::make_unique<Encoded>();
    enc_->text = text;
    try {
      // Quartile error correction: the code is shown on a cracked or dim phone screen.
      const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::QUARTILE);
      enc_->size = qr.getSize();
      enc_->dark.resize(static_cast<size_t>(enc_->size * enc_->size));
      for (int y = 0; y < enc_->size; ++y)
        for (int x = 0; x < enc_->size; ++x) enc_->dark[static_cast<size_t>(y * enc_->size + x)] = qr.getModule(x, y);
    } catch (const std::exception&) {
      enc_->size = 0;  // too long for any version: the 12-digit code below still works
    }
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side), theme::kQrPaper, 8.0f);
  const int n = enc_->size;
  if (n > 0) {
    constexpr int kQuiet = 4;
    // Whole device pixels per module; the rest of `side` becomes extra margin.
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const float module = std::floor(side * scale / static_cast<float>(n + 2 * kQuiet)) / scale;
    const float origin_x = std::round((p.x + (side - module * static_cast<float>(n)) * 0.5f) * scale) / scale;
    const float origin_y = std::round((p.y + (side - module * static_cast<float>(n)) * 0.5f) * scale) / scale;
    const ImU32 ink = theme::kQrInk;
    for (int y = 0; y < n; ++y) {
      // Runs of dark modules in a row become one rectangle: fewer vertices, no hairline seams.
      int x = 0;
      while (x < n) {
        if (!enc_->dark[static_cast<size_t>(y * n + x)]) {
          ++x;
          continue;
        }
        int end = x;
        while (end < n && enc_->dark[static_cast<size_t>(y * n + end)]) ++end;
        dl->AddRectFilled(ImVec2(origin_x + module * static_cast<float>(x), origin_y + module * static_cast<float>(y)),
                          ImVec2(origin_x + module * static_cast<float>(end), origin_y + module * static_cast<float>(y + 1)),
                          ink);
        x = end;
      }
    }
  }
  ImGui::Dummy(ImVec2(side, side));
  trace_item("QR", p.x, p.y, side, side);
  return n;
}

}  // namespace hg::ui::coupons
