#include "core/text_wrap.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

// A monospace stand-in for the font: hanzi and full-width punctuation are 2 wide, ASCII 1.
float mono(char32_t c) { return c < 0x80 ? 1.0f : 2.0f; }

std::vector<std::string> wrap(const std::string& text, float width) {
  std::vector<std::string> out;
  for (std::string_view l : hg::wrap_text(text, width, mono)) out.emplace_back(l);
  return out;
}

TEST(TextWrap, ChineseBreaksBetweenAnyTwoCharacters) {
  EXPECT_EQ(wrap("今年名额增至一万个", 8), (std::vector<std::string>{"今年名额", "增至一万", "个"}));
}

TEST(TextWrap, ClosingPunctuationNeverStartsALine) {
  // "快递员、" would leave "、" alone at the start of the next line at width 6: the break moves back.
  EXPECT_EQ(wrap("快递员、司机", 6), (std::vector<std::string>{"快递", "员、司", "机"}));
  for (const std::string& line : wrap("外卖骑手、快递员、网约车司机等户外劳动者。", 6)) {
    EXPECT_NE(line.rfind("、", 0), 0u) << line;
    EXPECT_NE(line.rfind("。", 0), 0u) << line;
  }
}

TEST(TextWrap, OpeningPunctuationNeverEndsALine) {
  for (const std::string& line : wrap("在“惠工出行”领取优惠券", 6)) {
    EXPECT_FALSE(line.size() >= 3 && line.compare(line.size() - 3, 3, "“") == 0) << line;
  }
}

TEST(TextWrap, LatinWordsBreakAtSpacesAndLongWordsAreCut) {
  EXPECT_EQ(wrap("Spend your points", 11), (std::vector<std::string>{"Spend your", "points"}));
  EXPECT_EQ(wrap("abcdefghij", 4), (std::vector<std::string>{"abcd", "efgh", "ij"}));
}

TEST(TextWrap, MixedTextAndNumbersKeepTogether) {
  // "200" is one word: it moves whole to the next line rather than splitting.
  EXPECT_EQ(wrap("加油满200减30", 8), (std::vector<std::string>{"加油满", "200减30"}));
}

TEST(TextWrap, NewlinesAndEmptyText) {
  EXPECT_EQ(wrap("第一行\n第二行", 100), (std::vector<std::string>{"第一行", "第二行"}));
  EXPECT_EQ(wrap("", 10), (std::vector<std::string>{""}));
}

TEST(TextWrap, EveryLineFitsAndNothingIsLost) {
  const std::string text = "12月1日10:00起在“惠工出行”领取，每人每月限领1张，当月有效。Fuel coupons, 20,000 a month.";
  for (float width : {4.0f, 7.0f, 13.0f, 30.0f}) {
    std::string joined;
    for (const std::string& line : wrap(text, width)) {
      float w = 0;
      size_t i = 0;
      size_t n = 0;
      while (i < line.size()) {
        w += mono(hg::next_code_point(line, i));
        ++n;
      }
      EXPECT_TRUE(w <= width || n == 1) << "'" << line << "' is " << w << " wide at " << width;
      joined += line;
    }
    std::string expected;
    for (char c : text)
      if (c != ' ') expected += c;
    std::string got;
    for (char c : joined)
      if (c != ' ') got += c;
    EXPECT_EQ(got, expected) << "at width " << width;
  }
}

TEST(TextWrap, MalformedUtf8DoesNotCrash) {
  const std::string bad = std::string("ab\xE4\xB8") + "\xFF" + "cd";
  EXPECT_FALSE(hg::wrap_text(bad, 3, mono).empty());
}

}  // namespace
