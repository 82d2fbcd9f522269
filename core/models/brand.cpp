#include "core/models/brand.h"

#include <cstring>

namespace hg {

namespace {
constexpr BrandInfo kBrands[kBrandCount] = {
    {Brand::gift, "gift", "惠工有礼", "Union Gifts", "节日慰问·会员福利", "Gifts and perks"},
    {Brand::culture_travel, "culture_travel", "惠工文旅", "Culture & Travel", "电影票·景区年卡", "Movies, scenic"},
    {Brand::ride, "ride", "惠工出行", "Rides & Fuel", "加油·网约车折扣", "Fuel, rides"},
    {Brand::sport, "sport", "惠工运动", "Sports", "场馆优惠·健身打卡", "Venues, fitness"},
    {Brand::express, "express", "惠工速递", "Express", "快递寄件七折起", "Parcels 30% off"},
    {Brand::consume, "consume", "惠工消费", "Shopping", "商超餐饮消费券", "Shops, dining"},
};
}  // namespace

const BrandInfo& brand_info(Brand b) { return kBrands[static_cast<int>(b) % kBrandCount]; }

const BrandInfo* brand_from_key(const char* key) {
  for (const BrandInfo& b : kBrands)
    if (key && std::strcmp(b.key, key) == 0) return &b;
  return nullptr;
}

}  // namespace hg
