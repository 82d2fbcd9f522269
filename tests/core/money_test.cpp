#include "core/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace hg {
namespace {

TEST(FormatYuan, Basics) {
  EXPECT_EQ(format_yuan(0), "¥0.00");
  EXPECT_EQ(format_yuan(1250), "¥12.50");
  EXPECT_EQ(format_yuan(5), "¥0.05");
  EXPECT_EQ(format_yuan(100), "¥1.00");
  EXPECT_EQ(format_yuan(-305), "-¥3.05");
  EXPECT_EQ(format_yuan(-5), "-¥0.05");
}

TEST(FormatYuan, Grouped) {
  EXPECT_EQ(format_yuan(123456789, true), "¥1,234,567.89");
  EXPECT_EQ(format_yuan(123456789, false), "¥1234567.89");
  EXPECT_EQ(format_yuan(99999, true), "¥999.99");
  EXPECT_EQ(format_yuan(100000, true), "¥1,000.00");
  EXPECT_EQ(format_yuan(10000000, true), "¥100,000.00");
  EXPECT_EQ(format_yuan(-100000000, true), "-¥1,000,000.00");
  EXPECT_EQ(format_yuan(0, true), "¥0.00");
}

TEST(FormatYuan, Extremes) {
  EXPECT_EQ(format_yuan(std::numeric_limits<Fen>::min()), "-¥92233720368547758.08");
  EXPECT_EQ(format_yuan(std::numeric_limits<Fen>::max()), "¥92233720368547758.07");
  EXPECT_EQ(format_yuan(std::numeric_limits<Fen>::min(), true), "-¥92,233,720,368,547,758.08");
}

TEST(ParseYuan, AcceptsWhatPeopleType) {
  EXPECT_EQ(parse_yuan("12"), 1200);
  EXPECT_EQ(parse_yuan("12.5"), 1250);
  EXPECT_EQ(parse_yuan("12.50"), 1250);
  EXPECT_EQ(parse_yuan("12.05"), 1205);
  EXPECT_EQ(parse_yuan("¥12.50"), 1250);
  EXPECT_EQ(parse_yuan("￥ 3"), 300);  // full-width yen sign, as Chinese IMEs type it
  EXPECT_EQ(parse_yuan("1,234.5"), 123450);
  EXPECT_EQ(parse_yuan("1,234,567.89"), 123456789);
  EXPECT_EQ(parse_yuan("999,999"), 99999900);
  EXPECT_EQ(parse_yuan(".5"), 50);
  EXPECT_EQ(parse_yuan("0"), 0);
  EXPECT_EQ(parse_yuan("0.01"), 1);
  EXPECT_EQ(parse_yuan("  7.5 "), 750);
}

TEST(ParseYuan, RejectsTyposInsteadOfRounding) {
  for (const char* bad : {"", " ", "¥", "12.345", "-1", "+1", "abc", "1e3", "12.", ".", "1.2.3", "12a", "1 2", "0x10",
                          "12..5", "¥-1", "1.-5",
                          // a comma that is not a thousands separator: "12,5" means ¥12.50 to some people
                          "12,5", "1,23", "1,2345", ",5", "1,,234", "1,234,", "1,234,56.7", ",", "1.234,5"}) {
    EXPECT_EQ(parse_yuan(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(ParseYuan, RejectsHugeAmounts) {
  EXPECT_EQ(parse_yuan("10000000000"), 1'000'000'000'000);  // ¥10 billion is the ceiling
  EXPECT_EQ(parse_yuan("10000000000.01"), std::nullopt);
  EXPECT_EQ(parse_yuan("10000000001"), std::nullopt);
  EXPECT_EQ(parse_yuan("99999999999999999999999999999"), std::nullopt);  // would overflow int64
  EXPECT_EQ(parse_yuan("92233720368547758.07"), std::nullopt);
}

TEST(ParseYuan, RoundTripsFormat) {
  std::uint64_t x = 88172645463325252ull;  // xorshift: many values across every magnitude
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const Fen fen = static_cast<Fen>(x % (1ull << (i % 39 + 1)));
    for (bool grouped : {false, true}) {
      const std::string text = format_yuan(fen, grouped);
      ASSERT_EQ(parse_yuan(text), fen) << text;
    }
  }
  for (Fen fen = 0; fen < 1000; ++fen) ASSERT_EQ(parse_yuan(format_yuan(fen)), fen);
  EXPECT_EQ(parse_yuan(format_yuan(1'000'000'000'000, true)), 1'000'000'000'000);
}

}  // namespace
}  // namespace hg
