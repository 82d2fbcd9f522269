#include "core/coupons/announcement.h"

#include <cstdio>

namespace hg {

namespace {

std::string date_zh(UnixSeconds t) {
  const CivilDate d = to_cst(t).date;
  return std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string date_en(UnixSeconds t) {
  const CivilDate d = to_cst(t).date;
  return std::to_string(d.day) + " " + english_month(d.month);
}

std::string clock(std::int32_t second_of_day) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", second_of_day / 3600 % 24, second_of_day / 60 % 60);
  return text;
}

std::string ordinal(int n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

// 20000 → 2万, 7000 → 7000; 20000 → 20,000 in English.
std::string count_zh(std::int64_t n) { return n >= 10000 && n % 10000 == 0 ? std::to_string(n / 10000) + "万" : std::to_string(n); }
std::string count_en(std::int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A claim of a multi-item batch is a pack (份) of coupons; of a single-item one, a coupon (张).
const char* unit_zh(const Batch& b) { return b.items.size() > 1 ? "份" : "张"; }
const char* unit_en(const Batch& b, std::int64_t n) {
  if (b.items.size() > 1) return n == 1 ? "pack" : "packs";
  return n == 1 ? "coupon" : "coupons";
}

// 每月 / a month; the whole run of a once cycle has no period word.
std::string per_zh(Cycle c) { return c == Cycle::once ? "" : cycle_info(c).refill_zh; }
const char* per_en(Cycle c) { return c == Cycle::day ? " a day" : c == Cycle::month ? " a month" : c == Cycle::year ? " a year" : ""; }

std::string stock_zh(const Batch& b) {
  const std::string n = count_zh(b.stock.per_period) + unit_zh(b);
  return b.stock.cycle == Cycle::once ? "共" + n : per_zh(b.stock.cycle) + n;
}
std::string stock_en(const Batch& b) {
  return count_en(b.stock.per_period) + " " + unit_en(b, b.stock.per_period) + (b.stock.cycle == Cycle::once ? " in all" : per_en(b.stock.cycle));
}

std::string limit_en(const Batch& b) {
  return std::to_string(b.limit.per_member) + " " + unit_en(b, b.limit.per_member) + " per member" + per_en(b.limit.cycle);
}

}  // namespace

std::string opening_zh(const Batch& b) {
  const ClaimWindow& w = b.window;
  switch (w.kind) {
    case WindowKind::monthly: return "每月" + std::to_string(w.open_day) + "日" + clock(w.open_second) + "开抢";
    case WindowKind::daily: return "每天" + clock(w.open_second) + "开抢";
    case WindowKind::fixed: break;
  }
  const CivilDateTime opens = to_cst(w.opens_at);
  const std::int32_t second_of_day = opens.hour * 3600 + opens.minute * 60;
  const std::string at = date_zh(w.opens_at) + (second_of_day ? clock(second_of_day) : "");
  const std::string close = w.closes_at ? "，" + date_zh(w.closes_at - 1) + "截止" : "";
  return at + (b.by_lottery ? "起报名抽签" : "起开抢") + close;
}

std::string opening_en(const Batch& b) {
  const ClaimWindow& w = b.window;
  switch (w.kind) {
    case WindowKind::monthly: return "opens at " + clock(w.open_second) + " on the " + ordinal(w.open_day) + " of every month";
    case WindowKind::daily: return "opens at " + clock(w.open_second) + " every day";
    case WindowKind::fixed: break;
  }
  const std::string close = w.closes_at ? " to " + date_en(w.closes_at - 1) : "";
  return (b.by_lottery ? "lottery registration from " : "open from ") + date_en(w.opens_at) + close;
}

std::string validity_zh(const Batch& b) {
  const Validity& v = b.validity;
  if (v.kind == ValidityKind::days_after_claim) return "领取后" + std::to_string(v.days) + "天内有效";
  return date_zh(v.valid_from) + "至" + date_zh(v.valid_until) + "有效";
}

std::string validity_en(const Batch& b) {
  const Validity& v = b.validity;
  if (v.kind == ValidityKind::days_after_claim) return "valid for " + std::to_string(v.days) + " days after claiming";
  return "valid from " + date_en(v.valid_from) + " to " + date_en(v.valid_until);
}

std::string limit_zh(const Batch& b) {
  const std::string n = std::to_string(b.limit.per_member) + unit_zh(b);
  return b.limit.cycle == Cycle::once ? "每人限领" + n : "每人" + per_zh(b.limit.cycle) + "限领" + n;
}

BatchTerms batch_terms(const Batch& b) {
  BatchTerms t;
  t.headline_zh = b.title_zh + "，" + stock_zh(b);
  t.headline_en = b.title_en + ", " + stock_en(b);
  t.terms_zh = opening_zh(b) + "，" + limit_zh(b) + "，" + (b.by_lottery ? "中签券" : "") + validity_zh(b);
  t.terms_en = opening_en(b) + "; " + limit_en(b) + "; " + (b.by_lottery ? "winning coupons are " : "") + validity_en(b);
  return t;
}

}  // namespace hg
