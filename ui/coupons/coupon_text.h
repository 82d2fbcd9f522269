// Words the coupon screens show: a rule as a person says it ("满200减30", "7.5折 最高减¥15")
// and a 12-digit code in groups of four (amounts, dates and countdowns: ui/format.h). Pure
// functions of their inputs, so the tests can check them without drawing anything.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/coupons/discount_rule.h"
#include "ui/i18n.h"

namespace hg::ui::coupons {

// "满200减30" / "¥30 off ¥200"; "7.5折 最高减¥15" / "25% off, up to ¥15"; …
std::string rule_text(const DiscountRule& r, Lang lang);
// The big figure on a coupon card ("30" + unit "元", "7.5" + "折", "免费", "¥100").
struct Headline {
  std::string figure;
  std::string unit;
};
Headline rule_headline(const DiscountRule& r, Lang lang);

// "1234 5678 9012"; other lengths are grouped by four from the left.
std::string group_digits(std::string_view digits);
// What the merchant typed or pasted, digits only: spaces, dashes and full-width spaces are
// ignored; nullopt when anything else is in it (a letter is a typo, not noise).
std::optional<std::string> code_digits(std::string_view typed);

}  // namespace hg::ui::coupons
