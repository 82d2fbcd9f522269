#include "core/stations/rating.h"

namespace hg::stations {

std::optional<Error> validate(const Rating& r) {
  if (r.station_id.empty() || r.member_id.empty())
    return make_error(Errc::invalid_input, "缺少驿站或会员", "Station and member are required");
  if (r.stars < 1 || r.stars > 5) return make_error(Errc::invalid_input, "评分须为 1–5 星", "Stars must be 1 to 5");
  if (r.tags >> 6) return make_error(Errc::invalid_input, "未知的评价标签", "Unknown rating tag");
  if (r.comment.size() > kMaxCommentBytes)
    return make_error(Errc::invalid_input, "评价内容过长（最多约 140 字）", "Comment too long (about 140 characters at most)");
  return std::nullopt;
}

std::string rating_key(const Rating& r) {
  return r.station_id + "|" + r.member_id + "|" + period_key(Period::Day, r.at);
}

double RatingSummary::mean() const {
  if (count == 0) return 0;
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < histogram.size(); i++) sum += (i + 1) * histogram[i];
  return double(sum) / count;
}

RatingSummary summarize(const std::vector<Rating>& ratings) {
  RatingSummary s;
  for (const Rating& r : ratings) {
    if (r.stars < 1 || r.stars > 5) continue;
    s.histogram[static_cast<std::size_t>(r.stars - 1)]++;
    s.count++;
  }
  return s;
}

}  // namespace hg::stations
