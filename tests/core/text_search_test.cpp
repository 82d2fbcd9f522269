#include "core/text_search.h"

#include <gtest/gtest.h>

namespace {

using hg::search_find;
using hg::search_key;
using hg::search_matches;

TEST(TextSearch, KeyTrimsCollapsesSpacesAndFoldsAscii) {
  EXPECT_EQ(search_key("  Fuel  Coupon\t"), "fuel coupon");
  EXPECT_EQ(search_key("\u3000鼓楼\u3000"), "鼓楼");                  // ideographic spaces
  EXPECT_EQ(search_key("\uFF37\uFF41\uFF4E\uFF44\uFF41"), "wanda");  // full-width, as a Chinese IME types it
  EXPECT_EQ(search_key("   "), "");
}

TEST(TextSearch, SubstringOfChineseAndCaseInsensitiveEnglish) {
  EXPECT_TRUE(search_matches("鼓楼区测试3号驿站", search_key("鼓楼")));
  EXPECT_TRUE(search_matches("Health check", search_key("HEALTH")));
  EXPECT_EQ(search_find("鼓楼区测试3号驿站", search_key("鼓楼")), 0u);
  EXPECT_FALSE(search_matches("台江区驿站", search_key("鼓楼")));
  // Keys are valid UTF-8 (stray bytes become U+FFFD), so they never match a hanzi's tail bytes.
  EXPECT_FALSE(search_matches("鼓楼", search_key("\xBC\x93")));
  EXPECT_FALSE(search_matches("anything", ""));
}

}  // namespace
