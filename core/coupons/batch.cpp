#include "core/coupons/batch.h"

#include <algorithm>

#include "core/coupons/coupon_errors.h"

namespace hg {

namespace {
// A combo pack larger than this is a data-entry mistake, not a benefit.
constexpr std::size_t kMaxItems = 20;

Error bad(const std::string& zh, const std::string& en) { return coupon_error(CouponErrc::invalid_batch, zh, en); }
}  // namespace

std::optional<Error> validate(const Batch& b) {
  if (b.id.empty() || b.campaign_id.empty()) return bad("缺少批次或活动编号", "the batch needs an id and a campaign");
  if (b.title_zh.empty()) return bad("缺少批次名称", "the batch needs a title");
  if (b.items.empty() || b.items.size() > kMaxItems)
    return bad("每次领取须发放1到20张券", "a claim must issue 1 to 20 coupons");
  for (const CouponItem& item : b.items) {
    if (item.merchant_ids.empty()) return bad("每张券至少要有一个可用商户", "every coupon needs a merchant to use it at");
    if (std::any_of(item.merchant_ids.begin(), item.merchant_ids.end(), [](const std::string& id) { return id.empty(); }))
      return bad("商户编号不能为空", "a merchant id must not be empty");
    if (auto e = validate(item.rule)) return e;
    if (auto e = validate(item.funding)) return e;
  }
  if (b.stock.per_period < 0) return bad("库存不能为负", "stock must not be negative");
  for (const auto& kv : b.stock.overrides)
    if (kv.second < 0) return bad("库存不能为负", "stock must not be negative");
  if (b.limit.per_member < 1) return bad("每人限领数量至少为1", "the per-member limit must be at least 1");
  if (auto e = validate(b.window)) return e;
  if (auto e = validate(b.validity)) return e;
  return std::nullopt;
}

std::optional<Error> validate(const Batch& b, const Campaign& c) {
  if (auto e = validate(b)) return e;
  if (b.campaign_id != c.id) return bad("批次不属于该活动", "the batch belongs to another campaign");
  for (const CouponItem& item : b.items)
    for (const std::string& id : item.merchant_ids)
      if (!find_merchant(c, id)) return bad("商户不在活动的合作商户中：" + id, "not a merchant of the campaign: " + id);
  return std::nullopt;
}

bool usable_at(const CouponItem& item, const std::string& merchant_id) {
  return std::find(item.merchant_ids.begin(), item.merchant_ids.end(), merchant_id) != item.merchant_ids.end();
}

}  // namespace hg
