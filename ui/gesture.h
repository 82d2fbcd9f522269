// Two-finger pinch, which ImGui (one mouse) cannot express. The runner, which sees the
// platform's touch events (SDL finger events natively and in the browser), reports the
// pinch here; the map reads and clears it once per frame. Header-only: one small struct.
#pragma once

namespace hg::ui {

struct PinchInput {
  bool active = false;  // two fingers are down
  float scale = 1.0f;   // accumulated change of the fingers' distance since last read
  float x = 0, y = 0;   // midpoint between the fingers, UI pixels
};

inline PinchInput& pinch_input() {
  static PinchInput p;
  return p;
}

}  // namespace hg::ui
