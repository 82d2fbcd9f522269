// --demo stations: Fujian's demo set (data/station_data.h) with the months before "now"
// lived through: opening/closing check-ins against each station's hours, daily visit counts
// (face-scan entries where the station has them), member ratings, and the monthly
// evaluations run on the 1st of each following month, so the report shows real cards:
//   - most stations keep their hours, are busy and well rated: no card;
//   - "late" ones miss openings two months running: yellow, then red;
//   - "quiet" ones fall below the visit threshold last month: yellow;
//   - "poor" ones are badly rated in the first month (yellow), union staff confirm the
//     rectification, and the next clean month lifts the card.
// Five smart-locker stations get device accounts locker01…locker05 (subject = station id).
#include "server/stations/seed.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "data/rng.h"
#include "data/station_data.h"
#include "server/auth/seed.h"
#include "server/stations/station_repo.h"

namespace hg::srv {

using namespace hg::stations;

namespace {

using demo::Rng;  // data/rng.h: the same seeded numbers as the demo data sets

enum class Profile { good, late, quiet, poor };

constexpr const char* kGoodComments[] = {
    "热水随时有，夏天进来歇一会儿很舒服", "工作人员很热情，还帮我给电动车充了电", "干净整洁，微波炉热饭很方便",
    "位置好找，送餐路过都会来喝口水", "有书看有座位，中午休息正好", "", "", "环境不错，就是中午人有点多",
};
constexpr const char* kPoorComments[] = {
    "上午十点还没开门，白跑一趟", "饮水机坏了好几天没人修", "地图上写开着，到了却关门", "太脏了，桌子上都是灰",
};

struct Month {
  int year, month;
};
Month add_months(Month m, int n) {
  int k = m.year * 12 + (m.month - 1) + n;
  return {k / 12, k % 12 + 1};
}

}  // namespace

void seed_stations(Db& db, std::uint64_t seed, UnixSeconds now) {
  const std::vector<Station> stations = demo::make_fujian_stations(seed);

  int n = 0;
  for (const Station& s : stations) {
    if (s.kind != StationKind::smart_locker || n == 5) continue;
    const std::string login = "locker0" + std::to_string(++n);  // locker01 … locker05
    add_demo_account(db, login, Role::locker, s.id, s.name, now);
  }

  std::vector<std::string> members;
  {
    Stmt m = db.prepare("SELECT id FROM members ORDER BY id");
    while (m.step()) members.push_back(m.column_text(0));
  }

  // The two full CST months before now's month are evaluated; now's month runs up to yesterday.
  const CivilDateTime today = to_cst(now);
  const Month current{today.date.year, today.date.month};
  const Month first = add_months(current, -2), second = add_months(current, -1);
  const UnixSeconds from = from_cst({{first.year, first.month, 1}, 0, 0, 0});
  const UnixSeconds until = from_cst({today.date, 0, 0, 0});

  // The stations were set up before the months the demo lived through.
  for (const Station& s : stations) station_repo::save(db, s, "create", "seed", from - 86400);

  Rng rng(seed ^ 0x636865636B696E73ull);  // "checkins"
  std::vector<Profile> profiles;
  for (const Station& s : stations) {
    const int r = rng.below(100);
    Profile p = r < 8 ? Profile::late : r < 15 ? Profile::quiet : r < 21 ? Profile::poor : Profile::good;
    if (p == Profile::late && (s.kind != StationKind::regular || s.hours.always_open)) p = Profile::quiet;
    profiles.push_back(p);
  }

  for (size_t si = 0; si < stations.size(); ++si) {
    const Station& s = stations[si];
    const Profile p = profiles[si];
    const bool face_scan = (s.amenities & bit(Amenity::face_scan_entry)) != 0;
    size_t member_cursor = static_cast<size_t>(rng.below(static_cast<int>(members.size() ? members.size() : 1)));
    for (UnixSeconds day = from; day < until; day += 86400) {
      const CivilDate d = to_cst(day).date;
      const bool in_second = d.year == second.year && d.month == second.month;
      const bool in_first = d.year == first.year && d.month == first.month;
      // Check-ins for scheduled days of staffed stations; a late station misses some openings
      // in the evaluated months (six days a month: over the three-day limit).
      const auto& intervals = s.hours.days[static_cast<size_t>(weekday_cst(day) - 1)];
      if (s.kind == StationKind::regular && !s.hours.always_open && !intervals.empty()) {
        int open_min = 1440, close_at = 0;
        for (const OpenInterval& i : intervals) {
          open_min = std::min(open_min, i.open_min);
          close_at = std::max(close_at, i.close_min + (i.crosses_midnight() ? 1440 : 0));
        }
        const bool late_day = p == Profile::late && (in_first || in_second) && d.day % 5 == 2;
        const int open_at = late_day ? open_min + 40 + rng.below(60) : open_min - rng.below(12);
        station_repo::insert_checkin(db, s.id, CheckinKind::open, day + open_at * 60 + rng.below(60), "seed");
        station_repo::insert_checkin(db, s.id, CheckinKind::close, day + (close_at + rng.below(10)) * 60, "seed");
      }
      // Visits: a busy station sees 12–30 a day (over 300 a month); a quiet one last month 3–7.
      const bool quiet = p == Profile::quiet && in_second;
      const int visits = quiet ? 3 + rng.below(5) : 12 + rng.below(19);
      // One row a day (face-scan stations count entries at the gate, others by QR or by hand)
      // keeps the seed quick; the API adds the other methods' rows as visits come in.
      const char* method = face_scan ? "face_scan" : si % 2 ? "qr" : "manual";
      station_repo::add_visits(db, s.id, method, day + 20 * 3600, static_cast<std::uint32_t>(visits));
      // Ratings: now and then a member rates; a poor station in the first month is rated often and badly.
      const bool poor_now = p == Profile::poor && in_first;
      if (!members.empty() && rng.chance(poor_now ? 30 : 7)) {
        Rating r;
        r.station_id = s.id;
        r.member_id = members[member_cursor++ % members.size()];
        r.at = day + (9 + rng.below(10)) * 3600 + rng.below(3600);
        r.stars = poor_now ? 1 + rng.below(3) : (rng.chance(80) ? 4 + rng.below(2) : 3);
        r.tags = static_cast<RatingTags>(poor_now ? 1 << static_cast<int>(RatingTag::closed_when_listed_open)
                                                  : 1 + rng.below(15));  // clean … easy_to_find
        r.comment = poor_now ? kPoorComments[rng.below(4)] : kGoodComments[rng.below(8)];
        station_repo::insert_rating(db, r);
      }
    }
  }

  // Run the two finished months on the 1st of the next month, confirming the poor stations'
  // rectification in between so the second month lifts their cards.
  const UnixSeconds run_first = from_cst({{second.year, second.month, 1}, 9, 0, 0});
  station_repo::run_month(db, first.year, first.month, run_first, "seed");
  Stmt cards = db.prepare("SELECT id, station_id FROM station_cards WHERE rectified_at IS NULL AND lifted_in IS NULL AND status_to < 3");
  std::vector<std::pair<std::int64_t, std::string>> open_cards;
  while (cards.step()) open_cards.emplace_back(cards.column_int64(0), cards.column_text(1));
  for (const auto& [id, station] : open_cards) {
    for (size_t k = 0; k < stations.size(); ++k)
      if (stations[k].id == station && profiles[k] == Profile::poor)
        station_repo::confirm_rectification(db, station, id, run_first + 7 * 86400, "seed");
  }
  station_repo::run_month(db, second.year, second.month, from_cst({{current.year, current.month, 1}, 9, 0, 0}), "seed");
}

}  // namespace hg::srv
