#include "tests/ui/trace_checks.h"

#include <gtest/gtest.h>

bool has_label_containing(const HeadlessUi& ui, const std::string& part) {
  for (const auto& l : ui.trace().labels)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

bool has_label_starting(const HeadlessUi& ui, const std::string& prefix) {
  for (const auto& l : ui.trace().labels)
    if (l.rfind(prefix, 0) == 0) return true;
  return false;
}

std::string label_matching(const HeadlessUi& ui, const std::regex& re) {
  for (const auto& l : ui.trace().labels)
    if (std::regex_match(l, re)) return l;
  return "";
}

std::string item_matching(const HeadlessUi& ui, const std::regex& re) {
  for (const auto& i : ui.trace().items)
    if (std::regex_match(i.label, re)) return i.label;
  return "";
}

void expect_touch_targets(const HeadlessUi& ui, float width, const std::string& where) {
  const auto& items = ui.trace().items;
  const std::string on = " on " + ui.trace().screen + " at width " + std::to_string(static_cast<int>(width)) +
                         (where.empty() ? "" : " (" + where + ")");
  for (const auto& a : items) {
    EXPECT_GE(a.w, 44.0f) << a.label << on;
    EXPECT_GE(a.h, 44.0f) << a.label << on;
    EXPECT_LE(a.x + a.w, width + 0.5f) << a.label << " runs off screen" << on;
    EXPECT_GE(a.x, -0.5f) << a.label << on;
  }
  for (size_t i = 0; i < items.size(); ++i)
    for (size_t j = i + 1; j < items.size(); ++j) {
      const auto &a = items[i], &b = items[j];
      const bool overlap = a.x < b.x + b.w - 0.5f && b.x < a.x + a.w - 0.5f && a.y < b.y + b.h - 0.5f && b.y < a.y + a.h - 0.5f;
      EXPECT_FALSE(overlap) << a.label << " overlaps " << b.label << on;
    }
}
