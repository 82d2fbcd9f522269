#include "core/coupons/campaign.h"

#include <set>

#include "core/coupons/coupon_errors.h"

namespace hg {

std::optional<Error> validate(const Campaign& c) {
  auto bad = [](const std::string& zh, const std::string& en) { return coupon_error(CouponErrc::invalid_campaign, zh, en); };
  if (c.id.empty()) return bad("缺少活动编号", "the campaign needs an id");
  if (static_cast<int>(c.brand) >= kBrandCount) return bad("未知的品牌", "unknown brand");
  if (c.title_zh.empty()) return bad("缺少活动名称", "the campaign needs a title");
  if (c.merchants.empty()) return bad("至少需要一个合作商户", "the campaign needs at least one partner merchant");
  std::set<std::string> ids;
  for (const Merchant& m : c.merchants) {
    if (m.id.empty() || m.name_zh.empty()) return bad("商户缺少编号或名称", "a merchant needs an id and a name");
    if (!ids.insert(m.id).second) return bad("商户编号重复：" + m.id, "duplicate merchant id " + m.id);
  }
  if (c.ends_at <= c.starts_at) return bad("活动结束时间必须晚于开始时间", "the campaign must end after it starts");
  return std::nullopt;
}

const Merchant* find_merchant(const Campaign& c, const std::string& merchant_id) {
  for (const Merchant& m : c.merchants)
    if (m.id == merchant_id) return &m;
  return nullptr;
}

}  // namespace hg
