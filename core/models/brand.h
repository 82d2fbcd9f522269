// The six 惠工 brands the union runs campaigns under; the home screen shows one tile each.
#pragma once
#include <cstdint>

namespace hg {

enum class Brand : std::uint8_t { gift, culture_travel, ride, sport, express, consume };
constexpr int kBrandCount = 6;

struct BrandInfo {
  Brand brand;
  const char* key;  // stable name used in URLs and JSON
  const char* zh;
  const char* en;
  const char* tagline_zh;
  const char* tagline_en;
};

const BrandInfo& brand_info(Brand b);
const BrandInfo* brand_from_key(const char* key);  // nullptr when unknown

}  // namespace hg
