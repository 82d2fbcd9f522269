// Monthly settlement: what each merchant conceded and what the union owes it for one CST
// month, from the redemption and refund records. A pure aggregation, so the server can
// feed rows straight from its store and the totals are exactly the sums of the records.
//
// A redemption counts in the CST month it was redeemed, a refund in the month it was
// refunded: a January refund of a December order adjusts January's settlement, and a
// closed month's figures never change afterwards.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/coupons/campaign.h"
#include "core/coupons/redemption.h"
#include "core/error.h"
#include "core/money.h"

namespace hg {

struct SettlementLine {
  std::string merchant_id;  // empty on the total line
  std::string merchant_name;
  std::int64_t redemptions = 0;
  std::int64_t refunds = 0;
  Fen order_fen = 0;
  Fen discount_fen = 0;
  Fen worker_paid_fen = 0;
  Fen merchant_fen = 0;
  Fen union_fen = 0;
  Fen refunded_order_fen = 0;
  Fen worker_refunded_fen = 0;
  Fen merchant_reversed_fen = 0;
  Fen union_reversed_fen = 0;
  // The funders' net for the month: what the merchant gave up, what the union pays it.
  Fen merchant_net_fen = 0;
  Fen union_net_fen = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(merchant_id), CEREAL_NVP(merchant_name), CEREAL_NVP(redemptions), CEREAL_NVP(refunds),
       CEREAL_NVP(order_fen), CEREAL_NVP(discount_fen), CEREAL_NVP(worker_paid_fen), CEREAL_NVP(merchant_fen),
       CEREAL_NVP(union_fen), CEREAL_NVP(refunded_order_fen), CEREAL_NVP(worker_refunded_fen),
       CEREAL_NVP(merchant_reversed_fen), CEREAL_NVP(union_reversed_fen), CEREAL_NVP(merchant_net_fen),
       CEREAL_NVP(union_net_fen));
  }
};

struct Settlement {
  std::string month;                 // "2026-12", CST
  std::vector<SettlementLine> lines; // one per merchant with activity, by merchant id
  SettlementLine total;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(month), CEREAL_NVP(lines), CEREAL_NVP(total));
  }
};

// invalid_amount for a month key that is not "YYYY-MM". Merchant names come from
// `merchants`; a merchant not listed keeps its id as the name.
Result<Settlement> settle_month(const std::string& month_key, const std::vector<Redemption>& redemptions,
                                const std::vector<RefundRecord>& refunds, const std::vector<Merchant>& merchants);

// The same month's records added up per batch instead of per merchant: the dashboard's
// month figures, which therefore sum to settle_month's total. refund_batches[i] is the
// batch of refunds[i]'s redemption. Keyed by batch id; names are left empty.
Result<std::map<std::string, SettlementLine>> settle_month_by_batch(const std::string& month_key,
                                                                    const std::vector<Redemption>& redemptions,
                                                                    const std::vector<RefundRecord>& refunds,
                                                                    const std::vector<std::string>& refund_batches);

// CSV (RFC 4180, CRLF, UTF-8 with Chinese headers, amounts in yuan "1234.50"): one row
// per merchant, then a 合计 row.
std::string settlement_csv(const Settlement& s);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::SettlementLine, 1)
CEREAL_CLASS_VERSION(hg::Settlement, 1)
