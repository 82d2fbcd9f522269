// The pages an area has open, the shown one on top; the header's back button pops it. One
// per area, over the area's own Page enum.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <vector>

namespace hg::ui {

template <class Page>
class PageStack {
 public:
  explicit PageStack(Page root) : pages_{root} {}

  Page top() const { return pages_.back(); }
  std::size_t size() const { return pages_.size(); }

  // Shows `p`: a page already open is gone back to (a "back to campaigns" link must not pile
  // up pages), a new one is pushed.
  void show(Page p) {
    auto at = std::find(pages_.begin(), pages_.end(), p);
    if (at != pages_.end())
      pages_.erase(at + 1, pages_.end());
    else
      pages_.push_back(p);
    moved_ = true;
  }
  // Replaces the whole stack (a deep link opens a page with the ones back leads through);
  // the last page is shown.
  void reset(std::initializer_list<Page> pages) {
    if (pages.size() == 0) return;
    pages_.assign(pages);
    moved_ = true;
  }
  // The header's back: pops the shown page; false at the first page (the area has nothing
  // to go back to, so the app goes home).
  bool back() {
    if (pages_.size() <= 1) return false;
    pages_.pop_back();
    moved_ = true;
    return true;
  }
  // True once after the shown page changed (for scrolling the new page to its top).
  bool take_moved() {
    const bool m = moved_;
    moved_ = false;
    return m;
  }

 private:
  std::vector<Page> pages_;
  bool moved_ = false;
};

}  // namespace hg::ui
