#include "ui/stations/rating_body.h"

#include "core/json.h"
#include "core/stations/wire.h"

namespace hg::ui::stations {

std::string rating_body(const hg::stations::Rating& r) {
  hg::stations::RatingInput in;
  in.stars = r.stars;
  in.tags = r.tags;
  in.comment = r.comment;
  return to_json(hg::stations::kRatingInputJson, in);
}

bool parse_rating_summary(const std::string& json, int* count, double* mean) {
  // The page carries up to 20 recent comments: more than a request's 64 KB limit allows.
  Result<hg::stations::RatingPage> page =
      from_json<hg::stations::RatingPage>(json, hg::stations::kRatingPageJson, 512 * 1024);
  if (!page.ok()) return false;
  *count = static_cast<int>(page.value().aggregate.count);
  *mean = page.value().aggregate.mean;
  return true;
}

}  // namespace hg::ui::stations
