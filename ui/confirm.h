// Asking before an action that cannot be taken back, and offering to take back one that can.
//   ConfirmSheet  a modal sheet at the foot of the screen saying what will happen, with the
//                 action and 取消; the page keeps one and remembers what it asked about.
//   UndoBar       after an action the domain can reverse ("已减少 1000 个名额 · 撤销"),
//                 shown for kShowMs; tapping 撤销 runs the reverse action once.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "ui/i18n.h"

namespace hg::ui {

class ConfirmSheet {
 public:
  // Opens the sheet on the next draw(). `action` is the button that goes ahead (a verb:
  // "取消预约", "减少名额"); the other button only closes the sheet.
  void ask(std::string title, std::string body, std::string action);
  // Draws the sheet while it is open; true once, on the frame the action is tapped.
  bool draw(Lang lang);
  bool open() const { return open_ || opening_; }

 private:
  std::string title_, body_, action_;
  bool open_ = false, opening_ = false;
};

class UndoBar {
 public:
  static constexpr std::int64_t kShowMs = 10000;
  void offer(std::string text, std::function<void()> undo, std::int64_t now_ms);
  void clear();
  // Draws the bar while it is fresh.
  void draw(Lang lang, std::int64_t now_ms, float width);

 private:
  std::string text_;
  std::function<void()> undo_;
  std::int64_t until_ms_ = 0;
};

}  // namespace hg::ui
