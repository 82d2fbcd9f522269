#include "ui/offline_note.h"

#include <string>

#include "ui/format.h"
#include "ui/widgets.h"

namespace hg::ui {

void offline_note(const UiContext& ctx, bool offline, std::int64_t saved_ms, const char* nothing_kept, float width) {
  if (!offline) return;
  if (saved_ms <= 0) {
    note_box(nothing_kept, width);
    return;
  }
  const std::string age = ago_text(ctx.now_ms - saved_ms, ctx.lang);
  const std::string text = ctx.lang == Lang::zh ? "离线 · " + age + "更新" : "Offline · updated " + age;
  note_box(text.c_str(), width);
}

}  // namespace hg::ui
