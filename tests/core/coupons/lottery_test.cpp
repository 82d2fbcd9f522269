// The commit-reveal lottery: the commitment verifies, the draw reproduces from the revealed
// seed, caps hold, and every way to break fairness is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/coupons/coupon_errors.h"
#include "core/coupons/lottery.h"
#include "core/coupons/sha256.h"
#include "fixtures.h"

namespace hg {
namespace {
using test::cst;

const std::string kSeed = "7f3a9c0e5b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a";

Lottery movie_lottery() {
  Lottery l;
  l.id = "L-MOVIE";
  l.batch_id = "B-MOVIE";
  l.registration_opens = cst(2026, 12, 1, 10);
  l.registration_closes = cst(2026, 12, 8);
  l.prizes = 5;
  l.per_member_cap = 2;
  l.seed_commitment = seed_commitment(kSeed);
  l.committed_at = cst(2026, 11, 30);
  l.seed = kSeed;
  l.revealed_at = cst(2026, 12, 8, 10);
  return l;
}

std::vector<LotteryEntry> entries(int n, std::int32_t quantity = 1) {
  std::vector<LotteryEntry> out;
  for (int i = 0; i < n; ++i) out.push_back({"MEM-" + std::to_string(1000 + i), quantity});
  return out;
}

TEST(Lottery, CommitmentIsTheSha256OfTheSeed) {
  EXPECT_EQ(seed_commitment(kSeed), sha256_hex(kSeed));
  EXPECT_TRUE(verify_commitment(kSeed, seed_commitment(kSeed)));
  EXPECT_FALSE(verify_commitment(kSeed + "0", seed_commitment(kSeed)));
  EXPECT_FALSE(verify_commitment(kSeed, ""));
}

TEST(Lottery, DrawReproducesAndIgnoresEntryOrder) {
  const Lottery l = movie_lottery();
  auto list = entries(40);
  auto first = draw(l, list);
  ASSERT_TRUE(first);
  std::reverse(list.begin(), list.end());
  auto second = draw(l, list);
  ASSERT_TRUE(second);
  EXPECT_EQ(first.value().order, second.value().order);
  EXPECT_EQ(first.value().registrants_digest, second.value().registrants_digest);
  EXPECT_EQ(first.value().order.size(), 40u);
  EXPECT_EQ(first.value().awarded, 5);
  ASSERT_EQ(first.value().winners.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(first.value().winners[i].member_id, first.value().order[i]);
  EXPECT_TRUE(verify_draw(l, list, first.value()));
  DrawResult forged = first.value();
  std::swap(forged.winners[0], forged.winners[1]);
  EXPECT_FALSE(verify_draw(l, list, forged));
}

TEST(Lottery, PublishedSpecificationIsPinned) {
  // An auditor re-implementing the header's recipe must get this exact order; a change to
  // the algorithm would silently break every published draw, so it is frozen here.
  Lottery l = movie_lottery();
  l.prizes = 3;
  l.per_member_cap = 1;
  auto r = draw(l, entries(6));
  ASSERT_TRUE(r);
  // Recompute the recipe independently of lottery.cpp.
  std::vector<std::string> ids;
  std::string listing;
  for (const auto& e : entries(6)) {
    ids.push_back(e.member_id);
    listing += e.member_id + "\t1\n";
  }
  const std::string digest = sha256_hex(listing);
  EXPECT_EQ(r.value().registrants_digest, digest);
  std::vector<std::uint64_t> words;
  for (int k = 0; k < 4; ++k) {
    const Sha256Digest d = sha256(kSeed + "\n" + digest + "\n" + std::to_string(k));
    for (int w = 0; w < 4; ++w) {
      std::uint64_t v = 0;
      for (int i = 0; i < 8; ++i) v = v << 8 | d[static_cast<std::size_t>(w * 8 + i)];
      words.push_back(v);
    }
  }
  std::size_t next = 0;
  for (std::uint64_t i = ids.size(); i > 1; --i) {
    // 2^64 − (2^64 mod i); it wraps to 0 when i divides 2^64, and then nothing is rejected.
    const std::uint64_t limit = std::uint64_t{0} - (std::uint64_t{0} - i) % i;
    std::uint64_t w;
    do w = words[next++];
    while (limit != 0 && w >= limit);
    std::swap(ids[i - 1], ids[w % i]);
  }
  EXPECT_EQ(r.value().order, ids);
}

TEST(Lottery, PerMemberCapAndPrizeCount) {
  Lottery l = movie_lottery();
  l.prizes = 7;
  l.per_member_cap = 2;
  std::vector<LotteryEntry> list = entries(10, 3);  // everyone asks for 3
  auto r = draw(l, list);
  ASSERT_TRUE(r);
  std::int64_t total = 0;
  for (const LotteryWin& w : r.value().winners) {
    EXPECT_LE(w.quantity, 2);
    EXPECT_GE(w.quantity, 1);
    total += w.quantity;
  }
  EXPECT_EQ(total, 7);
  EXPECT_EQ(r.value().awarded, 7);
  ASSERT_EQ(r.value().winners.size(), 4u);  // 2 + 2 + 2 + 1
  EXPECT_EQ(r.value().winners[3].quantity, 1);
}

TEST(Lottery, FewerRegistrantsThanPrizes) {
  auto r = draw(movie_lottery(), entries(2));
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().winners.size(), 2u);
  EXPECT_EQ(r.value().awarded, 2);
  auto none = draw(movie_lottery(), {});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none.value().winners.empty());
}

TEST(Lottery, RoughlyUniform) {
  // 3 prizes among 6 over many seeds: everyone wins about half the time.
  Lottery l = movie_lottery();
  l.prizes = 3;
  l.per_member_cap = 1;
  std::map<std::string, int> wins;
  const int rounds = 600;
  for (int s = 0; s < rounds; ++s) {
    l.seed = "seed-for-uniformity-check-number-" + std::to_string(s);
    l.seed_commitment = seed_commitment(l.seed);
    auto r = draw(l, entries(6));
    ASSERT_TRUE(r);
    for (const auto& w : r.value().winners) ++wins[w.member_id];
  }
  for (const auto& kv : wins) {
    EXPECT_GT(kv.second, 240) << kv.first;
    EXPECT_LT(kv.second, 360) << kv.first;
  }
}

TEST(Lottery, RefusesUnfairOrBrokenDraws) {
  Lottery l = movie_lottery();
  l.seed.clear();
  EXPECT_TRUE(is_coupon_error(draw(l, entries(3)).error(), CouponErrc::seed_not_revealed));
  l = movie_lottery();
  l.seed[0] = '0';
  EXPECT_TRUE(is_coupon_error(draw(l, entries(3)).error(), CouponErrc::seed_mismatch));
  l = movie_lottery();
  l.revealed_at = l.registration_closes - 1;
  EXPECT_TRUE(is_coupon_error(draw(l, entries(3)).error(), CouponErrc::invalid_lottery));
  l = movie_lottery();
  l.committed_at = l.registration_closes;
  EXPECT_TRUE(is_coupon_error(draw(l, entries(3)).error(), CouponErrc::invalid_lottery));
  l = movie_lottery();
  l.seed = "short";
  l.seed_commitment = seed_commitment(l.seed);
  EXPECT_TRUE(is_coupon_error(draw(l, entries(3)).error(), CouponErrc::invalid_lottery));
  l = movie_lottery();
  l.seed_commitment = "ABC";
  EXPECT_TRUE(validate(l));
  l = movie_lottery();
  l.prizes = 0;
  EXPECT_TRUE(validate(l));
  l = movie_lottery();
  l.per_member_cap = 0;
  EXPECT_TRUE(validate(l));
  l = movie_lottery();
  l.registration_closes = l.registration_opens;
  EXPECT_TRUE(validate(l));

  auto dup = entries(3);
  dup.push_back(dup[0]);
  EXPECT_TRUE(is_coupon_error(draw(movie_lottery(), dup).error(), CouponErrc::invalid_lottery));
  EXPECT_TRUE(is_coupon_error(draw(movie_lottery(), {{"", 1}}).error(), CouponErrc::invalid_lottery));
  EXPECT_TRUE(is_coupon_error(draw(movie_lottery(), {{"M1", 0}}).error(), CouponErrc::invalid_lottery));
  EXPECT_TRUE(is_coupon_error(draw(movie_lottery(), {{"M\t1", 1}}).error(), CouponErrc::invalid_lottery));
}

TEST(Lottery, RegistrationWindow) {
  const Lottery l = movie_lottery();
  EXPECT_TRUE(check_registration(l, cst(2026, 12, 1, 9, 59, 59)));
  EXPECT_FALSE(check_registration(l, cst(2026, 12, 1, 10)));
  EXPECT_FALSE(check_registration(l, cst(2026, 12, 7, 23, 59, 59)));
  auto closed = check_registration(l, cst(2026, 12, 8));
  ASSERT_TRUE(closed);
  EXPECT_TRUE(is_coupon_error(*closed, CouponErrc::registration_closed));
}

}  // namespace
}  // namespace hg
