#include "ui/stations/stations_shared.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/stations/gcj02.h"
#include "ui/format.h"
#include "ui/stations/station_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

void StationsOnDevice::request_position(std::function<void(bool)> done) {
  platform.request_position([this, done = std::move(done)](std::optional<GeoPosition> p) {
    if (p) {
      me = hg::stations::wgs84_to_gcj02({p->lon, p->lat});
      me_picked = false;
    }
    if (done) done(p.has_value());
  });
}

void Shared::request_position() {
  locate = Locate::asking;
  device.request_position([this](bool have) {
    if (!have) {
      // Denied or unavailable: the member picks a point on the map instead.
      locate = Locate::picking;
      if (stack.top() != Page::map) stack.reset({Page::map});
      return;
    }
    locate = Locate::have;
    map.camera().centre_on(*me);
    map.camera().zoom = std::max(map.camera().zoom, 13.0);
  });
}

void draw_data_age_banner(Shared& s, UiContext& ctx, float width) {
  const StationStore& st = s.store;
  std::string text;
  if (st.empty()) {
    if (st.sync() != StationStore::Sync::offline) return;
    text = L(ctx.lang, "网络不可用，手机上还没有驿站数据。", "Offline, and no station data on this device yet.");
  } else if (st.sync() == StationStore::Sync::offline) {
    const std::string age = st.confirmed_ms() > 0 ? ago_text(ctx.now_ms - st.confirmed_ms(), ctx.lang)
                                                   : std::string(L(ctx.lang, "较早", "a while ago"));
    char buf[160];
    std::snprintf(buf, sizeof buf, L(ctx.lang, "离线：显示%s更新的驿站数据", "Offline: station data from %s"), age.c_str());
    text = buf;
  }
  if (!s.queue.pending().empty()) {
    char buf[96];
    std::snprintf(buf, sizeof buf, L(ctx.lang, "%d 条评价待提交", "%d ratings waiting to be sent"),
                  static_cast<int>(s.queue.pending().size()));
    text += text.empty() ? buf : std::string(L(ctx.lang, "；", "; ")) + buf;
  }
  // A queued rating the server refused for good (already rated today, station removed):
  // say so once, with the server's words, until the member dismisses it.
  const std::vector<RatingOutcome>& outcomes = s.queue.outcomes();
  for (std::size_t i = s.outcomes_seen; i < outcomes.size(); ++i) {
    const std::vector<std::string>& said = s.outcomes_said;
    if (outcomes[i].delivered || std::find(said.begin(), said.end(), outcomes[i].idempotency_key) != said.end()) continue;
    char buf[320];
    std::snprintf(buf, sizeof buf, L(ctx.lang, "您对“%s”的评价未能提交：%s", "Your rating of %s was not accepted: %s"),
                  outcomes[i].station_name.c_str(), outcomes[i].error.message(ctx.lang == Lang::zh).c_str());
    message_box(buf, true, width);
    if (text_button(L(ctx.lang, "知道了", "OK"), theme::kPrimary)) s.outcomes_seen = outcomes.size();
    break;
  }
  if (text.empty()) return;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 10));
  label(text.c_str(), theme::kSmallSize, theme::kWarning, width - 24);
  const float bottom = std::max(ImGui::GetItemRectMax().y + 10, p.y + theme::kTouch);
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(p, ImVec2(p.x + width, bottom), theme::kWarningBg, 8.0f);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(p.x, bottom + 8));
  ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace hg::ui::stations
