// UI strings in 简体中文 first, English second. One table, looked up by key, so a missing
// translation is a compile error rather than a blank label. Brand names come from core.
#pragma once
#include <string>

namespace hg::ui {

enum class Lang { zh, en };

enum class S {
  app_name,
  app_slogan,
  search_hint,
  section_brands,
  section_services,
  section_notices,
  points_mall,
  lang_toggle,
  loading,
  offline_banner,   // %s = how old the data is
  offline_no_data,
  retry,
  no_notices,
  online,
  offline,
  back,
  coming_soon,
  coming_soon_body,
  version_line,     // %s = client version, %s = server version
  search_results,   // %s = query
  pinned,
  count_
};

const char* tr(S key, Lang lang);

// For an area's own strings, written where they are used: both languages are required
// arguments, so a missing translation is still a compile error.
//   label(L(ctx.lang, "附近驿站", "Nearby stations"), …)
inline const char* L(Lang lang, const char* zh, const char* en) { return lang == Lang::zh ? zh : en; }

}  // namespace hg::ui
