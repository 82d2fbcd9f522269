// --demo data of the bookings area: the gig-worker health-check plan (places raised from
// 2,000 to 10,000 this year; ¥465 and ¥545 packages, the worker pays ¥100 / ¥150; morning
// windows) and the same packages for other members (afternoon windows), clinics in
// Fuzhou with staff accounts clinic01…, time windows over the coming three
// weeks, the smart lockers of the station map's smart-locker stations that have device
// accounts (18 compartments, stocked; opened by locker01…locker05), training classes,
// station-duty days at two stations of the map for union cadres, and a few cadres.
#include "server/bookings/seed.h"

#include <optional>
#include <string>
#include <vector>

#include "core/bookings/plan.h"
#include "core/bookings/slot.h"
#include "server/auth/account_repo.h"
#include "server/auth/seed.h"
#include "server/bookings/booking_repo.h"
#include "server/stations/station_repo.h"

namespace hg::srv {

namespace {

using booking_repo::insert_resource;
using booking_repo::insert_slot;

struct Place {
  const char* id;
  const char* name_zh;
  const char* name_en;
  const char* city;
  const char* address_zh;
  const char* address_en;
};

constexpr Place kClinics[] = {
    {"CL-FZ-GL", "福州市鼓楼区职工体检中心", "Gulou Workers' Health Check Centre", "福州市", "福州市鼓楼区五四路 128 号",
     "128 Wusi Road, Gulou, Fuzhou"},
    {"CL-FZ-CS", "福州市仓山区工人医院体检科", "Cangshan Workers' Hospital, Check-up Dept.", "福州市",
     "福州市仓山区南江滨西大道 66 号", "66 Nanjiangbin West Ave, Cangshan, Fuzhou"},
    {"CL-QD-SN", "福州市晋安区职工健康中心", "Jin'an Workers' Health Centre", "福州市", "福州市晋安区福马路 20 号",
     "20 Fuma Road, Jin'an, Fuzhou"},
    {"CL-QD-HD", "福州市马尾区职工体检站", "Mawei Workers' Check-up Station", "福州市", "福州市马尾区君竹路 9 号",
     "9 Junzhu Road, Mawei, Fuzhou"},
};

constexpr Place kClassRooms[] = {
    {"CR-FZ-01", "福州市职工技能培训中心", "Fuzhou Workers' Skills Training Centre", "福州市", "福州市鼓楼区工业路 300 号",
     "300 Gongye Road, Gulou, Fuzhou"},
    {"CR-QD-01", "福州市台江区职工教育培训基地", "Taijiang Workers' Training Base", "福州市", "福州市台江区五一中路 88 号",
     "88 Wuyi Middle Road, Taijiang, Fuzhou"},
};

struct ClassKind {
  const char* zh;
  const char* en;
};
constexpr ClassKind kClasses[] = {
    {"外卖骑手交通安全培训", "Road safety for delivery riders"},
    {"电工技能提升班", "Electrician skills course"},
    {"网约车服务礼仪课", "Ride-hailing service etiquette"},
    {"快递员职业技能辅导", "Courier skills coaching"},
};

struct Stock {
  LockerItemKind kind;
  const char* zh;
  const char* en;
  Fen value;
};
constexpr Stock kStock[] = {
    {LockerItemKind::instant_noodles, "方便面", "Instant noodles", 600},
    {LockerItemKind::raincoat, "雨衣", "Raincoat", 2500},
    {LockerItemKind::gloves, "手套", "Gloves", 1200},
    {LockerItemKind::welcome_pack, "会员大礼包", "Member welcome pack", 8800},
};

ResourceView resource(const Place& p, const char* kind) {
  return ResourceView{p.id, kind, p.name_zh, p.name_en, p.city, p.address_zh, p.address_en};
}

// A station of the map (seeded before this area) as a bookable resource under the station's
// own id: the locker or the duty day belongs to a station members find on the map. Names
// stay Chinese in English too (`en_suffix` added).
std::optional<ResourceView> station_resource(Db& db, const std::string& id, const char* kind, const char* en_suffix) {
  const auto st = station_repo::find(db, id);
  if (!st) return std::nullopt;
  return ResourceView{st->id, kind, st->name, st->name + en_suffix, st->city, st->address, st->address};
}

std::string date_id(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace

Plan demo_health_plan() {
  Plan p;
  p.id = "HC-GIG";
  p.name_zh = "新就业形态劳动者健康体检";
  p.name_en = "Health checks for gig workers";
  p.yearly_quota = 10000;  // raised from 2,000 this year
  p.packages = {Package{"HC-465", "基础体检套餐", "Basic check-up", 46500, 10000},
                Package{"HC-545", "加强体检套餐", "Extended check-up", 54500, 15000}};
  p.eligible = new_employment_occupations();
  p.allowance_period = Period::Year;
  p.allowance = 1;
  return p;
}

// The same packages for every other member (port, factory and office workers), with its own
// smaller quota and its own (afternoon) windows.
Plan demo_general_plan() {
  Plan p = demo_health_plan();
  p.id = "HC-ALL";
  p.name_zh = "工会会员普惠体检";
  p.name_en = "Health checks for union members";
  p.yearly_quota = 3000;
  p.eligible.clear();
  for (int i = 0; i <= static_cast<int>(Occupation::office); ++i)
    if (!is_new_employment(static_cast<Occupation>(i))) p.eligible.push_back(static_cast<Occupation>(i));
  return p;
}

void seed_bookings(Db& db, std::uint64_t /*seed*/, UnixSeconds now) {
  const Plan plan = demo_health_plan();
  booking_repo::save_plan(db, plan);
  const Plan general = demo_general_plan();
  booking_repo::save_plan(db, general);
  const std::int64_t today = days_from_civil(to_cst(now).date);

  int n = 0;
  for (const Place& c : kClinics) {
    insert_resource(db, resource(c, "clinic"));
    char login[16];
    std::snprintf(login, sizeof login, "clinic%02d", ++n);
    add_demo_account(db, login, Role::clinic_staff, c.id, c.name_zh, now);
    // Weekdays of the coming three weeks, three windows a day, ten places each.
    constexpr CstWindow kWindows[] = {{8, 0, 10, 0}, {10, 0, 12, 0}, {14, 0, 16, 30}};
    for (std::int64_t d = 1; d <= 21; ++d) {
      const CivilDate date = civil_from_days(today + d);
      const int wd = weekday_cst(from_cst({date, 12, 0, 0}));
      if (wd >= 6) continue;
      for (const CstWindow& w : kWindows) {
        Slot s = slot_in_cst_window(std::string(c.id) + "-" + date_id(date) + "-" + std::to_string(w.from_hour),
                                    SlotKind::health_check, c.id, date, w, 10);
        s.plan_id = w.from_hour < 12 ? plan.id : general.id;
        char title[64];
        std::snprintf(title, sizeof title, "%02d:%02d-%02d:%02d", w.from_hour, w.from_minute, w.to_hour, w.to_minute);
        s.title_zh = s.title_en = title;
        insert_slot(db, s, false);
      }
    }
  }

  // The lockers of the smart-locker stations that have device accounts (locker01…).
  for (const std::string& station_id : booking_repo::seed_locker_station_ids(db)) {
    const auto l = station_resource(db, station_id, "locker", " (smart locker)");
    if (!l) continue;
    insert_resource(db, *l);
    booking_repo::seed_locker(db, l->id, 18, 86400);
    // 16 of 18 stocked; two wait for the weekly restock.
    for (int c = 1; c <= 16; ++c) {
      const Stock& stock = kStock[c <= 6 ? 0 : c <= 10 ? 1 : c <= 14 ? 2 : 3];
      const LockerItem item{stock.kind, stock.zh, stock.en, stock.value};
      Slot slot;
      slot.id = l->id + "#" + std::to_string(c) + "/0";
      slot.kind = SlotKind::locker;
      slot.resource_id = l->id;
      slot.title_zh = item.name_zh;
      slot.title_en = item.name_en;
      slot.start = now;
      slot.end = slot.book_until = slot.cancel_until = kOpenEnded;
      slot.capacity = 1;
      slot.hold_seconds = 86400;
      insert_slot(db, slot, false);
      booking_repo::stock_compartment(db, l->id, c, slot.id, item);
      booking_repo::log_restock(db, RestockEntry{l->id, c, item, now}, "seed");
    }
  }

  int k = 0;
  for (const Place& r : kClassRooms) {
    insert_resource(db, resource(r, "class"));
    for (int week = 0; week < 3; ++week)
      for (const ClassKind& c : kClasses) {
        const CivilDate date = civil_from_days(today + 2 + week * 7 + (k++ % 5));
        Slot s = slot_in_cst_window(std::string(r.id) + "-" + date_id(date) + "-" + std::to_string(k),
                                    SlotKind::class_session, r.id, date, CstWindow{19, 0, 21, 0}, 30);
        s.title_zh = c.zh;
        s.title_en = c.en;
        insert_slot(db, s, false);
      }
  }

  // Station master for a day: the first open regular station of Fuzhou and of Xiamen.
  std::vector<ResourceView> duty;
  for (const char* city : {"福州市", "厦门市"})
    if (const auto id = booking_repo::seed_duty_station_id(db, city))
      if (auto st = station_resource(db, *id, "station", "")) duty.push_back(std::move(*st));
  for (const ResourceView& st : duty) {
    insert_resource(db, st);
    for (std::int64_t d = 1; d <= 14; ++d) {
      const CivilDate date = civil_from_days(today + d);
      Slot s = slot_in_cst_window(st.id + "-" + date_id(date), SlotKind::station_duty, st.id, date,
                                  CstWindow{9, 0, 17, 0}, 1);
      s.title_zh = "当一天站长";
      s.title_en = "Station master for a day";
      insert_slot(db, s, true);
    }
  }

  // Cadres: a few demo members who hold union posts (m001 among them, for the demo).
  for (const char* login : {"m001", "m005", "m012", "m030"})
    if (const auto a = account_repo::find_by_login(db, login); a && a->role == Role::member)
      booking_repo::seed_cadre(db, a->subject, "工会干部", "Union cadre");
}

}  // namespace hg::srv
