// What the UI tests read from the last frame's trace (ui/trace.h): labels by part, prefix or
// pattern, and the one touch-target rule every area's screens are held to.
#pragma once
#include <regex>
#include <string>

#include "tests/ui/headless.h"

// A label in the last frame that contains `part` / starts with `prefix`.
bool has_label_containing(const HeadlessUi& ui, const std::string& part);
bool has_label_starting(const HeadlessUi& ui, const std::string& prefix);
// The first label / tappable item whose whole text matches `re`; "" when none does.
std::string label_matching(const HeadlessUi& ui, const std::regex& re);
std::string item_matching(const HeadlessUi& ui, const std::regex& re);

// Every tappable thing in the last frame is at least 44 px both ways, inside a screen
// `width` px wide, and no two overlap. `where` names the case in failure messages.
void expect_touch_targets(const HeadlessUi& ui, float width, const std::string& where = "");
