// Sample campaigns and batches the coupon tests share: the fuel rush (满200减30, 20,000 a
// month, opens 10:00 on the 1st) and friends, plus a CST instant helper.
#pragma once
#include <string>

#include "core/coupons/batch.h"
#include "core/coupons/campaign.h"
#include "core/cst_time.h"
#include "core/models/member.h"

namespace hg::test {

inline UnixSeconds cst(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return from_cst({{y, mo, d}, h, mi, s});
}

inline Campaign fuel_campaign() {
  Campaign c;
  c.id = "C-FUEL";
  c.brand = Brand::ride;
  c.title_zh = "职工加油惠";
  c.title_en = "Fuel for workers";
  c.merchants = {{"M-SINOPEC-1", "中石化鼓楼站", "Sinopec Gulou"}, {"M-SINOPEC-2", "中石化台江站", "Sinopec Taijiang"},
                 {"M-CINEMA", "万达影城", "Wanda Cinema"}, {"M-WASH", "洁车坊", "Car wash"}};
  c.starts_at = cst(2026, 1, 1);
  c.ends_at = cst(2027, 1, 1);
  return c;
}

inline Batch fuel_batch() {
  Batch b;
  b.id = "B-FUEL";
  b.campaign_id = "C-FUEL";
  b.title_zh = "加油满200减30";
  b.title_en = "¥30 off fuel over ¥200";
  CouponItem item;
  item.title_zh = "加油满200减30";
  item.rule = threshold_rule(20000, 3000);
  item.funding = fixed_split(Funder::merchant, 1000);
  item.merchant_ids = {"M-SINOPEC-1", "M-SINOPEC-2"};
  b.items = {item};
  b.stock.cycle = Cycle::month;
  b.stock.per_period = 20000;
  b.window = monthly_window(cst(2026, 1, 1), 1, 10 * 3600);
  b.limit = {Cycle::month, 1};
  b.validity.kind = ValidityKind::days_after_claim;
  b.validity.days = 30;
  return b;
}

inline Member rider() {
  Member m;
  m.id = "MEM-RIDER";
  m.name = "张伟";
  m.occupation = Occupation::delivery_rider;
  m.group = MemberGroup::general;
  return m;
}

inline Member office_worker(MemberGroup g = MemberGroup::general) {
  Member m;
  m.id = "MEM-OFFICE";
  m.name = "李娜";
  m.occupation = Occupation::office;
  m.group = g;
  return m;
}

}  // namespace hg::test
