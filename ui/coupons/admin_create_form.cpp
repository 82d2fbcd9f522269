// 新建活动's fields → core's CreateCampaign and Batch, checked with core's validate() before
// anything is sent, so the admin sees the same error the server would give, without a round
// trip. Amounts follow core's parse_yuan, clock times core's parse_clock_minutes.
#include <cstdlib>

#include "core/coupons/batch.h"
#include "ui/coupons/pages.h"

namespace hg::ui::coupons {

namespace {
Error field_error(const char* zh, const char* en) { return make_error(Errc::invalid_input, zh, en); }

// "10:00" → seconds after midnight.
std::optional<std::int32_t> clock_time(const char* text) {
  const std::optional<int> minutes = parse_clock_minutes(text);
  if (!minutes) return std::nullopt;
  return *minutes * 60;
}

// A whole number in [lo, hi], nothing else in the field.
std::optional<std::int64_t> whole(const char* text, std::int64_t lo, std::int64_t hi) {
  char* end = nullptr;
  const long long v = std::strtoll(text, &end, 10);
  if (end == text || *end != '\0' || v < lo || v > hi) return std::nullopt;
  return v;
}

// The cycle choices' order on the form.
constexpr Cycle kCycles[] = {Cycle::once, Cycle::day, Cycle::month, Cycle::year};
}  // namespace

std::optional<Error> AdminCreatePage::build(UiContext& /*ctx*/, CreateCampaign& cc, Batch& b) const {
  Campaign& c = cc.campaign;
  c.brand = static_cast<Brand>(f_.brand);
  c.title_zh = f_.title_zh;
  c.title_en = f_.title_en[0] ? f_.title_en : f_.title_zh;
  if (c.title_zh.empty()) return field_error("请填写活动名称", "Enter the campaign title");
  if (!f_.merchant_id[0] || !f_.merchant_zh[0]) return field_error("请填写合作商户编号和名称", "Enter the partner merchant's id and name");
  c.merchants = {Merchant{f_.merchant_id, f_.merchant_zh, f_.merchant_en[0] ? f_.merchant_en : f_.merchant_zh}};
  const std::optional<UnixSeconds> starts = parse_cst(f_.opens), ends = parse_cst(f_.closes);
  if (!starts || !ends) return field_error("日期格式为 2026-12-01", "Dates look like 2026-12-01");
  c.starts_at = *starts;
  c.ends_at = end_of_day_cst(*ends) + 1;
  if (f_.budget[0]) {
    const std::optional<Fen> budget = parse_yuan(f_.budget);
    if (!budget) return field_error("工会预算金额无效", "The union budget is not an amount");
    cc.union_budget_fen = *budget;
  }

  b.title_zh = f_.batch_zh[0] ? f_.batch_zh : f_.title_zh;
  b.title_en = f_.batch_en[0] ? f_.batch_en : c.title_en;
  CouponItem item;
  item.title_zh = b.title_zh;
  item.title_en = b.title_en;
  item.merchant_ids = {f_.merchant_id};
  switch (static_cast<RuleKind>(f_.kind)) {
    case RuleKind::threshold: {
      const std::optional<Fen> x = parse_yuan(f_.threshold), y = parse_yuan(f_.off);
      if (!x || !y) return field_error("满减金额无效", "The threshold amounts are not valid");
      item.rule = threshold_rule(*x, *y);
      break;
    }
    case RuleKind::percentage: {
      // 7.5折 → the worker pays 75.00 % = 7500 bp; "8.85" allowed. parse_yuan reads two decimals.
      const std::optional<Fen> z = parse_yuan(f_.zhe);
      if (!z) return field_error("折扣请填 7.5 这样的数字", "Enter the rate like 7.5 (折)");
      Fen cap = 0;
      if (f_.cap[0]) {
        const std::optional<Fen> cp = parse_yuan(f_.cap);
        if (!cp) return field_error("封顶金额无效", "The cap is not an amount");
        cap = *cp;
      }
      item.rule = percentage_rule(static_cast<std::int32_t>(*z * 10), cap);
      break;
    }
    case RuleKind::free_up_to: {
      const std::optional<Fen> f = parse_yuan(f_.face);
      if (!f) return field_error("面值无效", "The face value is not an amount");
      item.rule = free_up_to_rule(*f);
      break;
    }
    case RuleKind::fixed_price: {
      const std::optional<Fen> p = parse_yuan(f_.price);
      if (!p) return field_error("一口价无效", "The fixed price is not an amount");
      item.rule = fixed_price_rule(*p);
      break;
    }
  }
  if (f_.funding_mode == 0) {
    const std::optional<Fen> m = parse_yuan(f_.merchant_part);
    if (!m) return field_error("商家承担金额无效", "The merchant's part is not an amount");
    item.funding = fixed_split(Funder::merchant, *m);
  } else {
    const std::optional<std::int64_t> pct = whole(f_.merchant_share, 0, 100);
    if (!pct) return field_error("商家承担比例为 0-100 的整数", "The merchant's share is a whole percent, 0-100");
    item.funding = shares_split(static_cast<std::int32_t>(*pct * 100), static_cast<std::int32_t>((100 - *pct) * 100));
  }
  b.items = {item};

  const std::optional<std::int64_t> stock = whole(f_.stock, 1, 100'000'000);
  if (!stock) return field_error("每期库存为正整数", "Stock per period is a positive whole number");
  b.stock.cycle = kCycles[f_.stock_cycle];
  b.stock.per_period = *stock;

  if (f_.window_kind == 0) {
    b.window = fixed_window(c.starts_at, c.ends_at);
  } else {
    const std::optional<std::int64_t> day = whole(f_.open_day, 1, 31);
    const std::optional<std::int32_t> at = clock_time(f_.open_time);
    if (!day || !at) return field_error("开抢日为 1-31，时间如 10:00", "Opening day 1-31 and a time like 10:00");
    b.window = monthly_window(c.starts_at, static_cast<std::int32_t>(*day), *at);
    b.window.closes_at = c.ends_at;
  }
  const std::optional<std::int64_t> per = whole(f_.per_member, 1, 1000);
  if (!per) return field_error("每人限领为正整数", "The per-member limit is a positive whole number");
  b.limit.cycle = kCycles[f_.limit_cycle];
  b.limit.per_member = static_cast<std::int32_t>(*per);

  b.eligibility.groups.clear();
  if (!f_.groups[0])
    for (int g = 1; g < 4; ++g)
      if (f_.groups[g]) b.eligibility.groups.push_back(static_cast<MemberGroup>(g));
  if (!f_.groups[0] && b.eligibility.groups.empty())
    return field_error("请至少选择一个领取人群", "Choose at least one member group");

  if (f_.validity_kind == 1) {
    const std::optional<std::int64_t> d = whole(f_.days, 1, 3660);
    if (!d) return field_error("有效天数为正整数", "Validity days is a positive whole number");
    b.validity.kind = ValidityKind::days_after_claim;
    b.validity.days = static_cast<std::int32_t>(*d);
  } else {
    const std::optional<UnixSeconds> f = parse_cst(f_.valid_from), u = parse_cst(f_.valid_until);
    if (!f || !u) return field_error("有效期日期格式为 2026-12-31", "Validity dates look like 2026-12-31");
    b.validity.kind = ValidityKind::fixed;
    b.validity.valid_from = *f;
    b.validity.valid_until = end_of_day_cst(*u);
  }
  // The same checks the server runs (core), with a placeholder id for the new campaign.
  c.id = campaign_id_.empty() ? "new" : campaign_id_;
  b.campaign_id = c.id;
  b.id = "new";
  if (std::optional<Error> e = validate(c)) return e;
  if (std::optional<Error> e = validate(b, c)) return e;
  if (campaign_id_.empty()) c.id.clear();
  b.id.clear();
  return std::nullopt;
}

}  // namespace hg::ui::coupons
