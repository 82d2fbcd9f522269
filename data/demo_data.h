// Deterministic demo data: union members in Fujian and the home screen's notices that
// announce no coupon batch (the coupon seed writes those from its batches), as core models.
// Pure functions of a seed and the seeding instant `now` (no clock, no files, no
// std::random distributions, whose output differs between standard libraries), so the
// same seed and day give the same data on every machine. Everything lies before
// `now`: members joined before its CST day, notices were published in the days before it.
// The server seeds an empty database from it (--demo); tests use it as realistic input.
#pragma once
#include <cstdint>
#include <vector>

#include "core/cst_time.h"
#include "core/models/member.h"
#include "core/models/notice.h"

namespace hg::demo {

constexpr std::uint64_t kDefaultSeed = 20261129;
constexpr int kDefaultMemberCount = 200;

struct DemoData {
  std::vector<Member> members;  // oldest member first; ids are time-ordered
  std::vector<Notice> notices;  // in publication order
};

DemoData make_demo_data(UnixSeconds now, std::uint64_t seed = kDefaultSeed, int member_count = kDefaultMemberCount);
std::vector<Member> make_members(std::uint64_t seed, int count, UnixSeconds now);
std::vector<Notice> make_notices(std::uint64_t seed, UnixSeconds now);

}  // namespace hg::demo
