#include "ui/i18n.h"

namespace hg::ui {

namespace {
struct Entry {
  S key;
  const char* zh;
  const char* en;
};
// Kept in enum order; the static_assert below catches a forgotten row.
constexpr Entry kStrings[] = {
    {S::app_name, "惠工", "Huigong"},
    {S::app_slogan, "职工普惠服务平台", "Benefits for union members"},
    {S::search_hint, "搜索优惠、驿站、服务", "Search coupons, stations, services"},
    {S::section_brands, "惠工券", "Coupons"},
    {S::section_services, "服务", "Services"},
    {S::section_notices, "工会通知", "Union notices"},
    {S::station_map, "驿站地图", "Station map"},
    {S::station_map_sub, "附近驿站·离线可用", "Nearby stations, offline"},
    {S::bookings, "预约", "Bookings"},
    {S::bookings_sub, "体检·智能柜·培训", "Health checks, lockers"},
    {S::points_mall, "福豆商城", "Points mall"},
    {S::points_mall_sub, "即将开放", "Coming soon"},
    {S::lang_toggle, "EN", "中文"},
    {S::loading, "正在加载…", "Loading…"},
    {S::offline_banner, "网络不可用，显示%s的内容", "Offline: showing content from %s"},
    {S::offline_no_data, "网络不可用，连接后将自动刷新", "Offline: will refresh when connected"},
    {S::retry, "重试", "Retry"},
    {S::no_notices, "暂无通知", "No notices yet"},
    {S::online, "在线", "Online"},
    {S::offline, "离线", "Offline"},
    {S::back, "返回", "Back"},
    {S::coming_soon, "即将开放", "Coming soon"},
    {S::coming_soon_body, "该服务正在建设中，敬请期待。", "This service is being built. Check back soon."},
    {S::version_line, "惠工 %s · 服务器 %s", "Huigong %s · server %s"},
    {S::search_results, "“%s”的搜索结果", "Results for “%s”"},
    {S::search_none, "没有找到相关内容", "Nothing found"},
    {S::pinned, "置顶", "Pinned"},
};
static_assert(sizeof kStrings / sizeof kStrings[0] == static_cast<size_t>(S::count_), "one row per string key");
}  // namespace

const char* tr(S key, Lang lang) {
  const Entry& e = kStrings[static_cast<size_t>(key)];
  return lang == Lang::zh ? e.zh : e.en;
}

}  // namespace hg::ui
