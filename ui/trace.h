// What the last frame showed, in words: the screen's name and the labels drawn on it.
// End-to-end and headless tests read this to check that the Chinese home screen was really
// drawn (the canvas itself is pixels). Costs a few string copies per frame.
#pragma once
#include <string>
#include <vector>

namespace hg::ui {

// Something a person can tap, and where it is (UI pixels, the canvas's CSS pixels).
struct TracedItem {
  std::string label;
  float x = 0, y = 0, w = 0, h = 0;
};

struct FrameTrace {
  std::string screen;
  std::string lang;
  std::vector<std::string> labels;
  std::vector<TracedItem> items;
  std::string focused;  // the text field being edited (its hint), empty when none
  long frame = 0;
  // Input ImGui holds for later frames (it hands a tap's press, release and the text that
  // follows to successive frames). A test reads positions only once this is 0 in a frame
  // built after its last input, as a person taps only once the screen shows what they typed.
  int pending_input = 0;
  bool online = false;
};

void trace_begin_frame(const char* screen, const char* lang, bool online);
void trace_end_frame();  // publishes the frame as last_trace()
void trace_label(const char* label);
void trace_item(const char* label, float x, float y, float w, float h);
void trace_focus(const char* label);
const FrameTrace& last_trace();  // the last completed frame
std::string trace_json();        // last_trace() as JSON, for the browser test hook
// The tappable item whose label is exactly `label` in the last frame, or nullptr.
const TracedItem* find_item(const std::string& label);

}  // namespace hg::ui
