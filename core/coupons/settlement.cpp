#include "core/coupons/settlement.h"

#include <map>

#include "core/coupons/coupon_errors.h"
#include "core/coupons/csv.h"
#include "core/cst_time.h"

namespace hg {

namespace {
void add_redemption(SettlementLine& l, const Redemption& r) {
  ++l.redemptions;
  l.order_fen += r.price.order_fen;
  l.discount_fen += r.price.discount_fen;
  l.worker_paid_fen += r.price.worker_pays_fen;
  l.merchant_fen += r.price.merchant_fen;
  l.union_fen += r.price.union_fen;
}

void add_refund(SettlementLine& l, const RefundRecord& f) {
  ++l.refunds;
  l.refunded_order_fen += f.reversal.order_refunded_fen;
  l.worker_refunded_fen += f.reversal.worker_refund_fen;
  l.merchant_reversed_fen += f.reversal.merchant_reversed_fen;
  l.union_reversed_fen += f.reversal.union_reversed_fen;
}

void finish(SettlementLine& l) {
  l.merchant_net_fen = l.merchant_fen - l.merchant_reversed_fen;
  l.union_net_fen = l.union_fen - l.union_reversed_fen;
}
}  // namespace

namespace {
Error bad_month() { return coupon_error(CouponErrc::invalid_amount, "结算月份格式应为YYYY-MM", "the month must be YYYY-MM"); }

// The month's records into lines keyed by `redemption_key(i)` / `refund_key(i)`, and into
// `total`; records booked in another month are left out.
template <class RedemptionKey, class RefundKey>
std::map<std::string, SettlementLine> add_up(const std::string& month_key, const std::vector<Redemption>& redemptions,
                                             const std::vector<RefundRecord>& refunds, RedemptionKey redemption_key,
                                             RefundKey refund_key, SettlementLine& total) {
  std::map<std::string, SettlementLine> lines;
  for (std::size_t i = 0; i < redemptions.size(); ++i) {
    if (period_key(Period::Month, redemptions[i].redeemed_at) != month_key) continue;
    add_redemption(lines[redemption_key(i)], redemptions[i]);
    add_redemption(total, redemptions[i]);
  }
  for (std::size_t i = 0; i < refunds.size(); ++i) {
    if (period_key(Period::Month, refunds[i].refunded_at) != month_key) continue;
    add_refund(lines[refund_key(i)], refunds[i]);
    add_refund(total, refunds[i]);
  }
  for (auto& kv : lines) finish(kv.second);
  finish(total);
  return lines;
}
}  // namespace

Result<Settlement> settle_month(const std::string& month_key, const std::vector<Redemption>& redemptions,
                                const std::vector<RefundRecord>& refunds, const std::vector<Merchant>& merchants) {
  if (!parse_month(month_key)) return bad_month();
  Settlement s;
  s.month = month_key;
  std::map<std::string, SettlementLine> by_merchant = add_up(
      month_key, redemptions, refunds, [&](std::size_t i) { return redemptions[i].merchant_id; },
      [&](std::size_t i) { return refunds[i].merchant_id; }, s.total);
  for (auto& kv : by_merchant) {
    SettlementLine& l = kv.second;
    l.merchant_id = kv.first;
    l.merchant_name = kv.first;
    for (const Merchant& m : merchants)
      if (m.id == kv.first) l.merchant_name = m.name_zh;
    s.lines.push_back(std::move(l));
  }
  s.total.merchant_name = "合计";
  return s;
}

Result<std::map<std::string, SettlementLine>> settle_month_by_batch(const std::string& month_key,
                                                                    const std::vector<Redemption>& redemptions,
                                                                    const std::vector<RefundRecord>& refunds,
                                                                    const std::vector<std::string>& refund_batches) {
  if (!parse_month(month_key)) return bad_month();
  if (refund_batches.size() != refunds.size())
    return coupon_error(CouponErrc::invalid_amount, "退款记录与批次不对应", "every refund needs its batch");
  SettlementLine total;
  return add_up(
      month_key, redemptions, refunds, [&](std::size_t i) { return redemptions[i].batch_id; },
      [&](std::size_t i) { return refund_batches[i]; }, total);
}

std::string settlement_csv(const Settlement& s) {
  std::string out = csv_record({"结算月份", "商户编号", "商户名称", "核销笔数", "退款笔数", "订单金额(元)",
                                "优惠金额(元)", "职工实付(元)", "商户让利(元)", "工会补贴(元)", "退款订单金额(元)",
                                "退还职工(元)", "商户让利冲回(元)", "工会补贴冲回(元)", "商户让利净额(元)",
                                "工会应付净额(元)"});
  auto row = [&](const SettlementLine& l) {
    out += csv_record({s.month, l.merchant_id, l.merchant_name, std::to_string(l.redemptions),
                       std::to_string(l.refunds), yuan_decimal(l.order_fen), yuan_decimal(l.discount_fen),
                       yuan_decimal(l.worker_paid_fen), yuan_decimal(l.merchant_fen), yuan_decimal(l.union_fen),
                       yuan_decimal(l.refunded_order_fen), yuan_decimal(l.worker_refunded_fen),
                       yuan_decimal(l.merchant_reversed_fen), yuan_decimal(l.union_reversed_fen),
                       yuan_decimal(l.merchant_net_fen), yuan_decimal(l.union_net_fen)});
  };
  for (const SettlementLine& l : s.lines) row(l);
  row(s.total);
  return out;
}

}  // namespace hg
