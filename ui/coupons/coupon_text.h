// Words and numbers the coupon screens show: a rule as a person says it ("满200减30",
// "7.5折 最高减¥15"), a countdown, a 12-digit code in groups of four, CST dates. Pure
// functions of their inputs, so the tests can check them without drawing anything.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/coupons/discount_rule.h"
#include "core/cst_time.h"
#include "ui/i18n.h"

namespace hg::ui::coupons {

// "满200减30" / "¥30 off ¥200"; "7.5折 最高减¥15" / "25% off, up to ¥15"; …
std::string rule_text(const DiscountRule& r, Lang lang);
// "¥30" without ".00" when whole: the headline figure on a coupon card.
std::string short_yuan(Fen fen);
// The big figure on a coupon card ("30" + unit "元", "7.5" + "折", "免费", "¥100").
struct Headline {
  std::string figure;
  std::string unit;
};
Headline rule_headline(const DiscountRule& r, Lang lang);

// "02:13:05"; above a day "3天 02:13:05" / "3d 02:13:05". Negative counts as 0.
std::string countdown_text(std::int64_t seconds, Lang lang);
// "04:59": the QR code's refresh countdown.
std::string mm_ss(std::int64_t seconds);

// "1234 5678 9012"; other lengths are grouped by four from the left.
std::string group_digits(std::string_view digits);
// What the merchant typed or pasted, digits only: spaces, dashes and full-width spaces are
// ignored; nullopt when anything else is in it (a letter is a typo, not noise).
std::optional<std::string> code_digits(std::string_view typed);

// "12月1日 10:00" / "Dec 1, 10:00" in CST.
std::string cst_short(UnixSeconds t, Lang lang);
// "2026-12-31" in CST.
std::string cst_date(UnixSeconds t);

}  // namespace hg::ui::coupons
