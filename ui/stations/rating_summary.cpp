// The members' rating of a station on its details page: fetched once per visit when
// online; offline it says so instead of showing stale numbers as current.
#include <imgui.h>

#include <cstdio>

#include "ui/stations/rating_body.h"
#include "ui/stations/stations_shared.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

void draw_rating_summary(Shared& s, UiContext& ctx, const std::string& station_id, float width) {
  RatingSummaryView& v = s.rating_view;
  if (v.station_id != station_id) {
    v = RatingSummaryView{};
    v.station_id = station_id;
    v.loading = true;
    s.platform.http({"GET", "/api/v1/stations/" + station_id + "/ratings", {}, {}, 10000},
                    [&v, station_id](const HttpResponse& r) {
                      if (v.station_id != station_id) return;
                      v.loading = false;
                      v.status = r.status;
                      if (r.status == 200) v.parsed = parse_rating_summary(r.body, &v.count, &v.mean);
                    });
  }
  char buf[96];
  if (v.loading) {
    label(L(ctx.lang, "正在获取评分…", "Loading the rating..."), 15.0f, theme::kMuted);
  } else if (v.status != 200 || !v.parsed) {
    label(L(ctx.lang, "离线，暂时看不到评分", "Offline: the rating is not available"), 15.0f, theme::kMuted, width);
  } else if (v.count == 0) {
    label(L(ctx.lang, "还没有人评价", "No ratings yet"), 15.0f, theme::kMuted);
  } else {
    std::snprintf(buf, sizeof buf, L(ctx.lang, "%.1f 分（%d 人评价）", "%.1f of 5 (%d ratings)"), v.mean, v.count);
    label(buf, 18.0f, theme::rgb(0xB45309));
  }
}

}  // namespace hg::ui::stations
