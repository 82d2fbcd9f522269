#include "ui/stations/station_text.h"

#include <cstdio>

namespace hg::ui::stations {

using hg::stations::Amenity;
using hg::stations::RatingTag;
using hg::stations::StationKind;
using hg::stations::StationStatus;

const char* amenity_name(Amenity a, Lang lang) {
  switch (a) {
    case Amenity::drinking_water: return L(lang, "饮用水", "Drinking water");
    case Amenity::hot_water: return L(lang, "热水", "Hot water");
    case Amenity::microwave: return L(lang, "微波炉", "Microwave");
    case Amenity::phone_charging: return L(lang, "手机充电", "Phone charging");
    case Amenity::ebike_charging: return L(lang, "电动车充电", "E-bike charging");
    case Amenity::toilet: return L(lang, "厕所", "Toilets");
    case Amenity::rest_seats: return L(lang, "休息座椅", "Rest seats");
    case Amenity::air_conditioning: return L(lang, "空调", "Air-con");
    case Amenity::first_aid: return L(lang, "急救药箱", "First aid");
    case Amenity::books: return L(lang, "图书", "Books");
    case Amenity::face_scan_entry: return L(lang, "刷脸进站", "Face-scan entry");
    case Amenity::smart_locker: return L(lang, "智能柜", "Smart locker");
  }
  return "?";
}

const char* kind_name(StationKind k, Lang lang) {
  switch (k) {
    case StationKind::regular: return L(lang, "普通驿站", "Regular");
    case StationKind::smart_locker: return L(lang, "智能柜驿站", "Smart locker");
    case StationKind::self_service_24h: return L(lang, "24小时自助", "24h self-service");
  }
  return "?";
}

const char* status_name(StationStatus s, Lang lang) {
  switch (s) {
    case StationStatus::open: return L(lang, "正常", "Good standing");
    case StationStatus::yellow_card: return L(lang, "黄牌", "Yellow card");
    case StationStatus::red_card: return L(lang, "红牌", "Red card");
    case StationStatus::delisted: return L(lang, "已摘牌", "Delisted");
  }
  return "?";
}

const char* tag_name(RatingTag t, Lang lang) {
  switch (t) {
    case RatingTag::clean: return L(lang, "干净整洁", "Clean");
    case RatingTag::friendly_staff: return L(lang, "服务热情", "Friendly staff");
    case RatingTag::well_equipped: return L(lang, "设施齐全", "Well equipped");
    case RatingTag::easy_to_find: return L(lang, "好找", "Easy to find");
    case RatingTag::crowded: return L(lang, "人太多", "Crowded");
    case RatingTag::closed_when_listed_open: return L(lang, "该开未开", "Closed when listed open");
  }
  return "?";
}

const char* weekday_name(int day, Lang lang) {
  static const char* zh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static const char* en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  if (day < 0 || day > 6) return "?";
  return lang == Lang::zh ? zh[day] : en[day];
}

std::string format_day_hours(const hg::stations::WeeklyHours& h, int day, Lang lang) {
  if (h.always_open) return L(lang, "24 小时", "24 hours");
  if (day < 0 || day > 6 || h.days[static_cast<std::size_t>(day)].empty()) return L(lang, "休息", "Closed");
  std::string out;
  for (const hg::stations::OpenInterval& iv : h.days[static_cast<std::size_t>(day)]) {
    char buf[40];
    const int close = iv.close_min % 1440 == 0 && iv.close_min > 0 ? 1440 : iv.close_min % 1440;
    std::snprintf(buf, sizeof buf, "%s%02d:%02d-%s%02d:%02d", out.empty() ? "" : ", ", iv.open_min / 60,
                  iv.open_min % 60, iv.crosses_midnight() ? L(lang, "次日", "+1 ") : "", close / 60, close % 60);
    out += buf;
  }
  return out;
}
}  // namespace hg::ui::stations
