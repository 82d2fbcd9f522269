// What a notice announcing a batch says about its terms, in words taken from the batch
// itself: when it opens (or when its lottery takes registrations), how many there are, how
// many each member may take and how long a coupon stays valid. Notices built from these
// words cannot promise terms the batch does not have.
#pragma once
#include <string>

#include "core/coupons/batch.h"

namespace hg {

struct BatchTerms {
  std::string headline_zh, headline_en;  // 加油满200减30，每月2万张
  std::string terms_zh, terms_en;        // 每月1日10:00开抢，每人每月限领1张，领取后30天内有效
};

BatchTerms batch_terms(const Batch& b);

// The words batch_terms uses for each part, so a test can look for them in a notice.
std::string opening_zh(const Batch& b);   // 每月1日10:00开抢 / 1月20日起报名抽签，2月3日截止
std::string validity_zh(const Batch& b);  // 领取后30天内有效 / 2月4日至2月28日有效
std::string limit_zh(const Batch& b);     // 每人每月限领1张
std::string opening_en(const Batch& b);
std::string validity_en(const Batch& b);

}  // namespace hg
