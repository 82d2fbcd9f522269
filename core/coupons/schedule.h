// When a batch can be claimed, how its stock refills and how long a coupon stays valid,
// all on the China Standard Time calendar (core/cst_time.h). Pure functions of an instant:
// the server and the client's preview agree on which period a claim at t falls in.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/cst_time.h"
#include "core/error.h"

namespace hg {

// A stock or limit period. `once` is the batch's whole life: one bucket, no refill.
enum class Cycle : std::uint8_t { once, day, month, year };
constexpr int kCycleCount = 4;
// "once", or the CST period key ("2026-12-01", "2026-12", "2026") counts are stored under.
std::string cycle_key(Cycle c, UnixSeconds t);

// What a cycle is called on screen: as a refill choice (每月 / Monthly) and as the stock
// period it names (本月 / this month; 全程 / whole run for once, which has no period key).
struct CycleInfo {
  Cycle cycle;
  const char* refill_zh;
  const char* refill_en;
  const char* period_zh;
  const char* period_en;
};
const CycleInfo& cycle_info(Cycle c);

// e.g. 20,000 fuel coupons each calendar month; overrides for a bigger Spring Festival month.
struct StockPolicy {
  Cycle cycle = Cycle::month;
  std::int64_t per_period = 0;
  std::map<std::string, std::int64_t> overrides;  // period key → stock for that period only

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(cycle), CEREAL_NVP(per_period), CEREAL_NVP(overrides));
  }
};
std::int64_t stock_for(const StockPolicy& s, const std::string& period_key);

struct MemberLimit {
  Cycle cycle = Cycle::month;
  std::int32_t per_member = 1;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(cycle), CEREAL_NVP(per_member));
  }
};

enum class WindowKind : std::uint8_t {
  fixed,    // [opens_at, closes_at)
  monthly,  // each month from open_day open_second to close_day close_second (or month end)
  daily,    // each day from open_second to close_second (or midnight)
};

// opens_at/closes_at bound every kind (closes_at 0 = no end for recurring kinds), so a
// monthly rush that starts on 5 December is open from then until December's window ends.
struct ClaimWindow {
  WindowKind kind = WindowKind::fixed;
  UnixSeconds opens_at = 0;
  UnixSeconds closes_at = 0;
  // A day past the month's end (31 in February) means the month's last day.
  std::int32_t open_day = 1;
  std::int32_t open_second = 0;  // seconds after CST midnight: 10:00 = 36000
  std::int32_t close_day = 0;    // monthly: 0 = until the month ends
  std::int32_t close_second = 0; // daily: 0 = until midnight

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(kind), CEREAL_NVP(opens_at), CEREAL_NVP(closes_at), CEREAL_NVP(open_day),
       CEREAL_NVP(open_second), CEREAL_NVP(close_day), CEREAL_NVP(close_second));
  }
};

ClaimWindow fixed_window(UnixSeconds opens_at, UnixSeconds closes_at);
// "Opens 10:00 on the 1st of each month": monthly_window(start, 1, 10 * 3600).
ClaimWindow monthly_window(UnixSeconds from, std::int32_t open_day, std::int32_t open_second,
                           std::int32_t close_day = 0, std::int32_t close_second = 0);
ClaimWindow daily_window(UnixSeconds from, std::int32_t open_second, std::int32_t close_second = 0);

std::optional<Error> validate(const ClaimWindow& w);

enum class WindowPhase : std::uint8_t { before, open, after };
struct WindowStatus {
  WindowPhase phase = WindowPhase::after;
  UnixSeconds next_open = 0;  // before/after: the next opening, 0 when there is none
  UnixSeconds closes = 0;     // open: when this opening ends
};
// Precondition: validate(w) passed.
WindowStatus window_status(const ClaimWindow& w, UnixSeconds t);

enum class ValidityKind : std::uint8_t {
  fixed,             // valid_from … valid_until
  days_after_claim,  // the claim day is day 1; valid until 23:59:59 CST of day N
};

struct Validity {
  ValidityKind kind = ValidityKind::days_after_claim;
  UnixSeconds valid_from = 0;
  UnixSeconds valid_until = 0;  // inclusive: the last second a coupon can be used
  std::int32_t days = 30;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(kind), CEREAL_NVP(valid_from), CEREAL_NVP(valid_until), CEREAL_NVP(days));
  }
};

std::optional<Error> validate(const Validity& v);
struct ValidSpan {
  UnixSeconds from = 0;
  UnixSeconds until = 0;  // inclusive
};
ValidSpan valid_span(const Validity& v, UnixSeconds claimed_at);

}  // namespace hg

CEREAL_CLASS_VERSION(hg::StockPolicy, 1)
CEREAL_CLASS_VERSION(hg::MemberLimit, 1)
CEREAL_CLASS_VERSION(hg::ClaimWindow, 1)
CEREAL_CLASS_VERSION(hg::Validity, 1)
