// Sample campaigns and batches the coupon tests and the claims benchmark share: the fuel
// rush (满200减30, 20,000 a month, opens 10:00 on the 1st) and friends, a one-item batch
// builder, plus a CST instant helper.
#pragma once
#include <string>
#include <utility>
#include <vector>

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

// A batch of one coupon item titled like the batch; the caller sets stock, window, limit
// and validity.
inline Batch one_item_batch(std::string id, std::string campaign_id, std::string title_zh, std::string title_en,
                            DiscountRule rule, FundingSplit funding, std::vector<std::string> merchant_ids) {
  Batch b;
  b.id = std::move(id);
  b.campaign_id = std::move(campaign_id);
  b.title_zh = std::move(title_zh);
  b.title_en = std::move(title_en);
  CouponItem item;
  item.title_zh = b.title_zh;
  item.rule = rule;
  item.funding = funding;
  item.merchant_ids = std::move(merchant_ids);
  b.items = {item};
  return b;
}

inline Batch fuel_batch() {
  Batch b = one_item_batch("B-FUEL", "C-FUEL", "加油满200减30", "¥30 off fuel over ¥200", threshold_rule(20000, 3000),
                           fixed_split(Funder::merchant, 1000), {"M-SINOPEC-1", "M-SINOPEC-2"});
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
