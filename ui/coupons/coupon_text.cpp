#include "ui/coupons/coupon_text.h"

#include <cstdio>

#include "core/money.h"

namespace hg::ui::coupons {

std::string short_yuan(Fen fen) {
  std::string s = format_yuan(fen);
  if (s.size() > 3 && s.compare(s.size() - 3, 3, ".00") == 0) s.resize(s.size() - 3);
  return s;
}

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
// "¥200" without the yuan sign, for 满200减30.
std::string bare_yuan(Fen fen) { return short_yuan(fen).substr(std::string("¥").size()); }
}  // namespace

std::string rule_text(const DiscountRule& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (r.kind) {
    case RuleKind::threshold:
      return zh ? "满" + bare_yuan(r.threshold_fen) + "减" + bare_yuan(r.off_fen)
                : short_yuan(r.off_fen) + " off " + short_yuan(r.threshold_fen);
    case RuleKind::percentage: {
      std::string s = zh ? zhe(r.pay_bp) + "折" : percent_off(r.pay_bp) + " off";
      if (r.cap_fen > 0) s += zh ? " 最高减" + short_yuan(r.cap_fen) : ", up to " + short_yuan(r.cap_fen);
      return s;
    }
    case RuleKind::free_up_to:
      return zh ? "免费，面值" + short_yuan(r.face_fen) + "以内" : "Free up to " + short_yuan(r.face_fen);
    case RuleKind::fixed_price:
      return zh ? "一口价" + short_yuan(r.price_fen) : "Pay only " + short_yuan(r.price_fen);
  }
  return "";
}

Headline rule_headline(const DiscountRule& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (r.kind) {
    case RuleKind::threshold: return {bare_yuan(r.off_fen), zh ? "元" : "yuan off"};
    case RuleKind::percentage:
      if (zh) return {zhe(r.pay_bp), "折"};
      return {percent_off(r.pay_bp), "off"};
    case RuleKind::free_up_to: return {zh ? "免费" : "Free", ""};
    case RuleKind::fixed_price: return {short_yuan(r.price_fen), zh ? "购" : "only"};
  }
  return {"", ""};
}

std::string countdown_text(std::int64_t s, Lang lang) {
  if (s < 0) s = 0;
  const std::int64_t days = s / 86400;
  s %= 86400;
  char buf[48];
  if (days > 0)
    std::snprintf(buf, sizeof buf, lang == Lang::zh ? "%lld天 %02lld:%02lld:%02lld" : "%lldd %02lld:%02lld:%02lld",
                  static_cast<long long>(days), static_cast<long long>(s / 3600), static_cast<long long>(s / 60 % 60),
                  static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  return buf;
}

std::string mm_ss(std::int64_t s) {
  if (s < 0) s = 0;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return buf;
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

std::string cst_short(UnixSeconds t, Lang lang) {
  const CivilDateTime c = to_cst(t);
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[48];
  if (lang == Lang::zh)
    std::snprintf(buf, sizeof buf, "%d月%d日 %02d:%02d", c.date.month, c.date.day, c.hour, c.minute);
  else
    std::snprintf(buf, sizeof buf, "%s %d, %02d:%02d", kMonths[(c.date.month + 11) % 12], c.date.day, c.hour, c.minute);
  return buf;
}

std::string cst_date(UnixSeconds t) { return format_cst(t).substr(0, 10); }

}  // namespace hg::ui::coupons
