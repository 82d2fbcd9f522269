#include "ui/stations/rating_summary.h"

#include <imgui.h>

#include <cstdio>

#include "ui/api_call.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

void RatingSummaryView::draw(UiContext& ctx, const std::string& station_id, float width) {
  if (station_id_ != station_id) {
    station_id_ = station_id;
    page_.drop();
    page_.clear();
  }
  if (page_.due(ctx)) {
    page_.start(ctx);
    // The answer is kept only while its station is the one shown.
    using Answer = ApiAnswer<hg::stations::RatingPage>;
    api_call<hg::stations::RatingPage, Answer>(ctx.session, get_request("/api/v1/stations/" + station_id + "/ratings"),
                                               hg::stations::kRatingPageJson, [this, station_id](Answer a) {
                                                 if (station_id_ == station_id) page_.keep(a);
                                               });
  }
  if (!page_) {
    if (page_.loading())
      label(L(ctx.lang, "正在获取评分…", "Loading the rating..."), theme::kRowSize, theme::kMuted);
    else
      label(L(ctx.lang, "离线，暂时看不到评分", "Offline: the rating is not available"), theme::kRowSize, theme::kMuted, width);
    return;
  }
  const hg::stations::RatingAggregate& agg = page_->aggregate;
  if (agg.count == 0) {
    label(L(ctx.lang, "还没有人评价", "No ratings yet"), theme::kRowSize, theme::kMuted);
    return;
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, L(ctx.lang, "%.1f 分（%d 人评价）", "%.1f of 5 (%d ratings)"), agg.mean,
                static_cast<int>(agg.count));
  label(buf, theme::kHeadingSize, theme::kRatingMean);
}

}  // namespace hg::ui::stations
