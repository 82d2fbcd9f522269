#include "core/models/brand.h"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>

namespace hg {
namespace {

const Brand kAll[] = {Brand::gift, Brand::culture_travel, Brand::ride, Brand::sport, Brand::express, Brand::consume};

TEST(Brand, SixBrandsWithDistinctKeysAndNames) {
  ASSERT_EQ(std::size(kAll), static_cast<size_t>(kBrandCount));
  std::set<std::string> keys, zh, en;
  for (Brand b : kAll) {
    const BrandInfo& info = brand_info(b);
    EXPECT_EQ(info.brand, b);
    ASSERT_NE(info.key, nullptr);
    EXPECT_GT(std::strlen(info.key), 0u);
    EXPECT_GT(std::strlen(info.zh), 0u);
    EXPECT_GT(std::strlen(info.en), 0u);
    EXPECT_GT(std::strlen(info.tagline_zh), 0u);
    EXPECT_GT(std::strlen(info.tagline_en), 0u);
    keys.insert(info.key);
    zh.insert(info.zh);
    en.insert(info.en);
  }
  EXPECT_EQ(keys.size(), 6u);
  EXPECT_EQ(zh.size(), 6u);
  EXPECT_EQ(en.size(), 6u);
}

TEST(Brand, KnownKeys) {
  EXPECT_STREQ(brand_info(Brand::ride).key, "ride");
  EXPECT_STREQ(brand_info(Brand::ride).zh, "惠工出行");
  EXPECT_STREQ(brand_info(Brand::culture_travel).key, "culture_travel");
  EXPECT_STREQ(brand_info(Brand::gift).zh, "惠工有礼");
}

TEST(Brand, FromKeyRoundTrip) {
  for (Brand b : kAll) {
    const BrandInfo* info = brand_from_key(brand_info(b).key);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->brand, b);
    EXPECT_EQ(info, &brand_info(b));
  }
}

TEST(Brand, UnknownKeyIsNull) {
  EXPECT_EQ(brand_from_key("nope"), nullptr);
  EXPECT_EQ(brand_from_key(""), nullptr);
  EXPECT_EQ(brand_from_key("Ride"), nullptr);
  EXPECT_EQ(brand_from_key("ride "), nullptr);
  EXPECT_EQ(brand_from_key("惠工出行"), nullptr);
}

}  // namespace
}  // namespace hg
