#include "core/coupons/lottery.h"

#include <algorithm>

#include "core/coupons/coupon_errors.h"
#include "core/coupons/sha256.h"

namespace hg {

namespace {
Error bad(const std::string& zh, const std::string& en) { return coupon_error(CouponErrc::invalid_lottery, zh, en); }

bool is_lower_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The random stream of the header comment.
class SeedStream {
 public:
  SeedStream(std::string_view seed, std::string_view digest) : prefix_(std::string(seed) + "\n" + std::string(digest) + "\n") {}

  std::uint64_t next_word() {
    if (word_ == 4) {
      block_ = sha256(prefix_ + std::to_string(counter_++));
      word_ = 0;
    }
    std::uint64_t w = 0;
    for (int i = 0; i < 8; ++i) w = w << 8 | block_[static_cast<std::size_t>(word_ * 8 + i)];
    ++word_;
    return w;
  }

  // Rejection sampling: mod alone would favour small values when n does not divide 2^64.
  std::uint64_t uniform(std::uint64_t n) {
    const std::uint64_t reject_from = std::uint64_t{0} - (std::uint64_t{0} - n) % n;  // 2^64 − (2^64 mod n), 0 when n divides 2^64
    for (;;) {
      const std::uint64_t w = next_word();
      if (reject_from == 0 || w < reject_from) return w % n;
    }
  }

 private:
  std::string prefix_;
  Sha256Digest block_{};
  int word_ = 4;
  std::uint64_t counter_ = 0;
};
}  // namespace

std::string seed_commitment(std::string_view seed) { return sha256_hex(seed); }

bool verify_commitment(std::string_view seed, std::string_view commitment_hex) {
  return commitment_hex.size() == 64 && seed_commitment(seed) == commitment_hex;
}

std::optional<Error> validate(const Lottery& l) {
  if (l.id.empty() || l.batch_id.empty()) return bad("缺少抽签或批次编号", "the lottery needs an id and a batch");
  if (l.prizes <= 0) return bad("奖品数量必须大于0", "there must be at least one prize");
  if (l.per_member_cap < 1) return bad("每人中签上限至少为1", "the per-member cap must be at least 1");
  if (l.registration_closes <= l.registration_opens)
    return bad("报名截止时间必须晚于开始时间", "registration must close after it opens");
  if (l.seed_commitment.size() != 64 || !is_lower_hex(l.seed_commitment))
    return bad("承诺值必须是64位小写十六进制SHA-256", "the commitment must be a 64-character lower-case hex SHA-256");
  if (l.committed_at >= l.registration_closes)
    return bad("承诺值必须在报名截止前公布", "the commitment must be published before registration closes");
  return std::nullopt;
}

std::optional<Error> check_registration(const Lottery& l, UnixSeconds t) {
  if (t < l.registration_opens) {
    return coupon_error(CouponErrc::registration_closed, format_cst(l.registration_opens) + "（北京时间）开始报名",
                        "opens " + format_cst(l.registration_opens) + " (China time)");
  }
  if (t >= l.registration_closes) return coupon_error(CouponErrc::registration_closed);
  return std::nullopt;
}

Result<std::vector<LotteryEntry>> normalise_entries(std::vector<LotteryEntry> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const LotteryEntry& a, const LotteryEntry& b) { return a.member_id < b.member_id; });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LotteryEntry& e = entries[i];
    if (e.member_id.empty()) return bad("报名缺少会员编号", "an entry has no member id");
    // Tabs and newlines would make the digest lines ambiguous.
    if (e.member_id.find_first_of("\t\n") != std::string::npos) return bad("会员编号含非法字符", "a member id has a tab or newline");
    if (e.quantity < 1) return bad("报名数量至少为1", "an entry must ask for at least one");
    if (i > 0 && entries[i - 1].member_id == e.member_id) return bad("会员重复报名：" + e.member_id, "member entered twice: " + e.member_id);
  }
  return entries;
}

std::string registrants_digest(const std::vector<LotteryEntry>& sorted_entries) {
  Sha256 h;
  for (const LotteryEntry& e : sorted_entries) h.update(e.member_id).update("\t").update(std::to_string(e.quantity)).update("\n");
  return to_hex(h.finish());
}

Result<DrawResult> draw(const Lottery& l, std::vector<LotteryEntry> entries) {
  if (auto e = validate(l)) return *e;
  if (l.seed.empty()) return coupon_error(CouponErrc::seed_not_revealed);
  if (l.seed.size() < kMinSeedChars || l.seed.size() > kMaxSeedChars)
    return bad("种子长度须在32到256个字符之间", "the seed must be 32 to 256 characters");
  if (!verify_commitment(l.seed, l.seed_commitment)) return coupon_error(CouponErrc::seed_mismatch);
  if (l.revealed_at < l.registration_closes)
    return bad("种子在报名截止前公布，本次抽签无效", "the seed was revealed before registration closed; the draw is void");
  Result<std::vector<LotteryEntry>> sorted = normalise_entries(std::move(entries));
  if (!sorted) return sorted.error();
  const std::vector<LotteryEntry>& list = sorted.value();

  DrawResult r;
  r.lottery_id = l.id;
  r.seed = l.seed;
  r.registrants_digest = registrants_digest(list);
  std::vector<std::size_t> idx(list.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  SeedStream stream(l.seed, r.registrants_digest);
  for (std::size_t i = idx.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(stream.uniform(i));
    std::swap(idx[i - 1], idx[j]);
  }
  std::int64_t left = l.prizes;
  for (std::size_t i : idx) {
    const LotteryEntry& e = list[i];
    r.order.push_back(e.member_id);
    const std::int64_t q = std::min<std::int64_t>({e.quantity, l.per_member_cap, left});
    if (q > 0) {
      r.winners.push_back({e.member_id, static_cast<std::int32_t>(q)});
      left -= q;
      r.awarded += q;
    }
  }
  return r;
}

bool verify_draw(const Lottery& l, const std::vector<LotteryEntry>& entries, const DrawResult& p) {
  Result<DrawResult> again = draw(l, entries);
  if (!again) return false;
  const DrawResult& r = again.value();
  if (r.lottery_id != p.lottery_id || r.seed != p.seed || r.registrants_digest != p.registrants_digest ||
      r.order != p.order || r.awarded != p.awarded || r.winners.size() != p.winners.size())
    return false;
  for (std::size_t i = 0; i < r.winners.size(); ++i)
    if (r.winners[i].member_id != p.winners[i].member_id || r.winners[i].quantity != p.winners[i].quantity) return false;
  return true;
}

}  // namespace hg
