// The note above an account's data kept on the device (ui/remote.h, KeptRemote) when the
// server cannot be reached: "离线 · 3分钟前更新" / "Offline · updated 3 minutes ago" over the
// device's copy, or, with no copy, a plain offline message in place of the page's content
// (no error box, no endless "正在加载…").
#pragma once
#include <cstdint>

#include "ui/area.h"

namespace hg::ui {

// `saved_ms`: when the shown copy was fetched (device UTC ms), 0 when there is none;
// `nothing_kept`: the message without a copy ("网络不可用，手机上还没有…"). Draws nothing
// while online.
void offline_note(const UiContext& ctx, bool offline, std::int64_t saved_ms, const char* nothing_kept, float width);

}  // namespace hg::ui
