#include "ui/trace.h"

#include <imgui_internal.h>  // the input queue

#include <cstdio>

namespace hg::ui {

namespace {
FrameTrace g_building, g_done;

void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  out += '"';
}
}  // namespace

void trace_begin_frame(const char* screen, const char* lang, bool online) {
  const long next = g_building.frame + 1;
  g_building.screen = screen;
  g_building.lang = lang;
  g_building.online = online;
  g_building.labels.clear();
  g_building.items.clear();
  g_building.focused.clear();
  g_building.frame = next;
}

void trace_end_frame() {
  g_building.pending_input = ImGui::GetCurrentContext() ? GImGui->InputEventsQueue.Size : 0;
  g_done = g_building;
}

void trace_label(const char* label) { g_building.labels.emplace_back(label); }

void trace_item(const char* label, float x, float y, float w, float h) { g_building.items.push_back({label, x, y, w, h}); }

void trace_focus(const char* label) { g_building.focused = label; }

const TracedItem* find_item(const std::string& label) {
  for (const TracedItem& i : g_done.items)
    if (i.label == label) return &i;
  return nullptr;
}

const FrameTrace& last_trace() { return g_done; }

std::string trace_json() {
  const FrameTrace& t = g_done;
  std::string out = "{\"screen\":";
  append_json_string(out, t.screen);
  out += ",\"lang\":";
  append_json_string(out, t.lang);
  out += ",\"focused\":";
  append_json_string(out, t.focused);
  out += ",\"frame\":" + std::to_string(t.frame) + ",\"pending_input\":" + std::to_string(t.pending_input) + ",\"online\":" + (t.online ? "true" : "false") + ",\"labels\":[";
  for (size_t i = 0; i < t.labels.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, t.labels[i]);
  }
  out += "],\"items\":[";
  for (size_t i = 0; i < t.items.size(); ++i) {
    const TracedItem& it = t.items[i];
    if (i) out += ',';
    out += "{\"label\":";
    append_json_string(out, it.label);
    char rect[96];
    std::snprintf(rect, sizeof rect, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", it.x, it.y, it.w, it.h);
    out += rect;
  }
  out += "]}";
  return out;
}

}  // namespace hg::ui
