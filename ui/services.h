// The app's services as tiles and search results: the three on the home screen and the five
// on the 预约 menu, each opening one area's page. Home's search finds them by their names,
// subtitles and the other words members use for them (储物柜 for the smart lockers).
#pragma once
#include <imgui.h>

#include "ui/area.h"
#include "ui/theme.h"

namespace hg::ui {

struct ServiceEntry {
  Screen screen;
  const char* route;  // the area's page ("" for its first page)
  const char* glyph;
  ImU32 color;
  const char *zh, *en, *sub_zh, *sub_en;
  const char* words;  // more words the search matches, Chinese and English, space-separated
};

// The home screen's service tiles.
inline constexpr ServiceEntry kHomeServices[] = {
    {Screen::station_map, "", "站", theme::kStationsTile, "驿站地图", "Station map", "附近驿站·离线可用",
     "Nearby stations, offline", "工会驿站 附近 地图 map nearby"},
    {Screen::bookings, "", "约", theme::kBookingsTile, "预约", "Bookings", "体检·智能柜·培训", "Health checks, lockers",
     "预约服务 booking"},
    {Screen::points_mall, "", "豆", theme::kPointsTile, "福豆商城", "Points mall", "即将开放", "Coming soon",
     "福豆 积分 商城 points mall shop"},
};

// The 预约 menu's services (the capacity engine's bookings and the member's own).
inline constexpr ServiceEntry kBookingServices[] = {
    {Screen::bookings, "health", "检", theme::kHealthTile, "健康体检", "Health check", "工会补贴，自付 ¥100 起",
     "Union-subsidised, from ¥100", "体检 medical checkup"},
    {Screen::bookings, "lockers", "柜", theme::kLockersTile, "智能柜领物品", "Locker items", "驿站免费领取",
     "Free at union stations", "储物柜 智能柜 领取 locker"},
    {Screen::bookings, "classes", "学", theme::kClassesTile, "技能培训", "Training classes", "报名职业技能课",
     "Sign up for skills courses", "培训 课程 技能 training course skills"},
    {Screen::bookings, "duty", "站", theme::kDutyTile, "当一天站长", "Station master for a day", "工会干部报名",
     "For union cadres", "站长 值班 duty"},
    {Screen::bookings, "mine", "我", theme::kMineTile, "我的预约", "My bookings", "签到码、取消、候补",
     "Codes, cancelling, waitlist", "预约记录 my bookings"},
};

}  // namespace hg::ui
