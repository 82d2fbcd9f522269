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

}  // namespace hg::ui::stations
