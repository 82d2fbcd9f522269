// Scarce coupons (free movie tickets, a few hundred scenic passes) are drawn, not rushed,
// so a worker on a night shift has the same chance as one with a fast phone.
//
// The draw is commit-reveal and anyone can redo it:
//  1. Before registration closes the union publishes commitment = hex(SHA-256(seed)),
//     where seed is at least 32 characters from a secure random source, kept secret.
//  2. Registration closes; the registrant list is fixed and its digest published:
//     SHA-256 over "member_id\tquantity\n" for each registrant, sorted by member id
//     (byte order).
//  3. The union reveals the seed. Anyone checks SHA-256(seed) against the commitment and
//     recomputes the draw:
//     - random stream: block k = SHA-256(seed + "\n" + digest_hex + "\n" + decimal k),
//       k = 0, 1, …; each block is read as four 64-bit big-endian words, in order.
//     - uniform(n): take words until one is below 2^64 − (2^64 mod n); answer word mod n.
//     - shuffle the sorted member ids: for i = n−1 down to 1, swap ids[i] and ids[uniform(i+1)].
//     - walk the shuffled ids; each wins min(quantity asked, per-member cap, prizes left).
//  The union cannot pick the seed after seeing the list (it committed first), and members
//  cannot predict the order (the seed is secret until the list is closed).
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cst_time.h"
#include "core/error.h"

namespace hg {

struct Lottery {
  std::string id;
  std::string batch_id;  // the batch whose coupons the winners are issued
  UnixSeconds registration_opens = 0;
  UnixSeconds registration_closes = 0;  // exclusive
  std::int64_t prizes = 0;              // claims (packs) to give away
  std::int32_t per_member_cap = 1;
  std::string seed_commitment;  // 64 lower-case hex characters
  UnixSeconds committed_at = 0;
  std::string seed;             // empty until revealed
  UnixSeconds revealed_at = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(batch_id), CEREAL_NVP(registration_opens), CEREAL_NVP(registration_closes),
       CEREAL_NVP(prizes), CEREAL_NVP(per_member_cap), CEREAL_NVP(seed_commitment), CEREAL_NVP(committed_at),
       CEREAL_NVP(seed), CEREAL_NVP(revealed_at));
  }
};

struct LotteryEntry {
  std::string member_id;
  std::int32_t quantity = 1;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(member_id), CEREAL_NVP(quantity));
  }
};

struct LotteryWin {
  std::string member_id;
  std::int32_t quantity = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(member_id), CEREAL_NVP(quantity));
  }
};

struct DrawResult {
  std::string lottery_id;
  std::string seed;
  std::string registrants_digest;
  std::vector<std::string> order;  // every registrant in drawn order: winners first, then the waitlist
  std::vector<LotteryWin> winners;
  std::int64_t awarded = 0;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(lottery_id), CEREAL_NVP(seed), CEREAL_NVP(registrants_digest), CEREAL_NVP(order),
       CEREAL_NVP(winners), CEREAL_NVP(awarded));
  }
};

constexpr std::size_t kMinSeedChars = 32;
constexpr std::size_t kMaxSeedChars = 256;

std::string seed_commitment(std::string_view seed);
bool verify_commitment(std::string_view seed, std::string_view commitment_hex);

// Set-up: ids, prizes > 0, cap >= 1, a real window, a well-formed commitment published
// before registration closes. The seed itself is checked by draw().
std::optional<Error> validate(const Lottery& l);
// registration_closed when `t` is outside [registration_opens, registration_closes).
std::optional<Error> check_registration(const Lottery& l, UnixSeconds t);

// Sorts the entries; invalid_lottery for an empty member id, quantity < 1 or a member
// entered twice.
Result<std::vector<LotteryEntry>> normalise_entries(std::vector<LotteryEntry> entries);
std::string registrants_digest(const std::vector<LotteryEntry>& sorted_entries);

// Errors: invalid_lottery, seed_not_revealed, seed_mismatch (and a seed revealed before
// registration closed, which voids the draw's fairness, is invalid_lottery).
Result<DrawResult> draw(const Lottery& l, std::vector<LotteryEntry> entries);
// Recomputes the draw and compares: what an auditor runs.
bool verify_draw(const Lottery& l, const std::vector<LotteryEntry>& entries, const DrawResult& published);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Lottery, 1)
CEREAL_CLASS_VERSION(hg::LotteryEntry, 1)
CEREAL_CLASS_VERSION(hg::LotteryWin, 1)
CEREAL_CLASS_VERSION(hg::DrawResult, 1)
