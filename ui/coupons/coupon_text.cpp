#include "ui/coupons/coupon_text.h"

#include <cstdio>

#include "ui/format.h"

namespace hg::ui::coupons {

namespace {
// "7.5" for 7500 bp, "8" for 8000, "8.85" for 8850: 折 as spoken.
std::string zhe(std::int32_t pay_bp) {
  char buf[16];
  const int whole = pay_bp / 1000, rest = pay_bp % 1000;
  if (rest == 0)
    std::snprintf(buf, sizeof buf, "%d", whole);
  else if (rest % 100 == 0)
    std::snprintf(buf, sizeof buf, "%d.%d", whole, rest / 100);
  else
    std::snprintf(buf, sizeof buf, "%d.%02d", whole, rest / 10);
  return buf;
}
// "25%" off for 7500 bp, "11.5%" for 8850.
std::string percent_off(std::int32_t pay_bp) {
  char buf[16];
  const int off = kFullBp - pay_bp;  // basis points off
  if (off % 100 == 0)
    std::snprintf(buf, sizeof buf, "%d%%", off / 100);
  else if (off % 10 == 0)
    std::snprintf(buf, sizeof buf, "%d.%d%%", off / 100, off % 100 / 10);
  else
    std::snprintf(buf, sizeof buf, "%d.%02d%%", off / 100, off % 100);
  return buf;
}
}  // namespace

std::string rule_text(const DiscountRule& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (r.kind) {
    case RuleKind::threshold:
      return zh ? "满" + money_figure(r.threshold_fen) + "减" + money_figure(r.off_fen)
                : money(r.off_fen) + " off " + money(r.threshold_fen);
    case RuleKind::percentage: {
      std::string s = zh ? zhe(r.pay_bp) + "折" : percent_off(r.pay_bp) + " off";
      if (r.cap_fen > 0) s += zh ? " 最高减" + money(r.cap_fen) : ", up to " + money(r.cap_fen);
      return s;
    }
    case RuleKind::free_up_to:
      return zh ? "免费，面值" + money(r.face_fen) + "以内" : "Free up to " + money(r.face_fen);
    case RuleKind::fixed_price:
      return zh ? "一口价" + money(r.price_fen) : "Pay only " + money(r.price_fen);
  }
  return "";
}

Headline rule_headline(const DiscountRule& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (r.kind) {
    case RuleKind::threshold: return {money_figure(r.off_fen), zh ? "元" : "yuan off"};
    case RuleKind::percentage:
      if (zh) return {zhe(r.pay_bp), "折"};
      return {percent_off(r.pay_bp), "off"};
    case RuleKind::free_up_to: return {zh ? "免费" : "Free", ""};
    case RuleKind::fixed_price: return {money(r.price_fen), zh ? "购" : "only"};
  }
  return {"", ""};
}

std::string group_digits(std::string_view d) {
  std::string out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += d[i];
  }
  return out;
}

std::optional<std::string> code_digits(std::string_view t) {
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      out += c;
    } else if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
      continue;
    } else if (t.substr(i, 3) == "\xE3\x80\x80") {  // U+3000, the full-width space a Chinese IME types
      i += 2;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace hg::ui::coupons
