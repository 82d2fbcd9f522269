// --demo data of the bookings area: the gig-worker health-check plan (places raised from
// 2,000 to 10,000 this year; ¥465 and ¥545 packages, the worker pays ¥100 / ¥150; morning
// windows) and the same packages for other members (afternoon windows), clinics in
// Fuzhou with staff accounts clinic01…, time windows over the coming three
// weeks, the smart lockers of the station map's smart-locker stations that have device
// accounts (18 compartments, stocked; opened by locker01…locker05), training classes,
// station-duty days at two stations of the map for union cadres, and a few cadres.
#include "server/bookings/seed.h"

#include <string>
#include <vector>

#include "core/bookings/plan.h"
#include "core/bookings/slot.h"
#include "server/auth/seed.h"
#include "server/bookings/rows.h"

namespace hg::srv {

namespace {

using bookings::insert_resource;
using bookings::insert_slot;

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

// A station of the map (seeded before this area; columns id, name, city, address) as a
// bookable resource under the station's own id: the locker or the duty day belongs to a
// station members find on the map. Names stay Chinese in English too (`en_suffix` added).
ResourceView station_resource(const Stmt& row, const char* kind, const char* en_suffix) {
  const std::string name = row.column_text(1), address = row.column_text(3);
  return ResourceView{row.column_text(0), kind, name, name + en_suffix, row.column_text(2), address, address};
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
  bookings::insert_plan(db, plan);
  const Plan general = demo_general_plan();
  bookings::insert_plan(db, general);
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
  std::vector<ResourceView> lockers;
  {
    Stmt q = db.prepare(
        "SELECT s.id, s.name, s.city, s.address FROM accounts a JOIN stations s ON s.id = a.subject "
        "WHERE a.role = 'locker' ORDER BY a.login");
    while (q.step()) lockers.push_back(station_resource(q, "locker", " (smart locker)"));
  }
  for (const ResourceView& l : lockers) {
    insert_resource(db, l);
    Stmt s = db.prepare("INSERT INTO bk_lockers (id, station_id, compartments, pickup_seconds) VALUES (?1, ?1, 18, 86400)");
    s.bind(1, l.id);
    s.run();
    // 16 of 18 stocked; two wait for the weekly restock.
    for (int c = 1; c <= 18; ++c) {
      Stmt comp = db.prepare("INSERT INTO bk_compartments (locker_id, number) VALUES (?1, ?2)");
      comp.bind(1, l.id).bind(2, c);
      comp.run();
      if (c > 16) continue;
      const Stock& item = kStock[c <= 6 ? 0 : c <= 10 ? 1 : c <= 14 ? 2 : 3];
      Slot slot;
      slot.id = std::string(l.id) + "#" + std::to_string(c) + "/0";
      slot.kind = SlotKind::locker;
      slot.resource_id = l.id;
      slot.title_zh = item.zh;
      slot.title_en = item.en;
      slot.start = now;
      slot.end = slot.book_until = slot.cancel_until = kOpenEnded;
      slot.capacity = 1;
      slot.hold_seconds = 86400;
      insert_slot(db, slot, false);
      Stmt u = db.prepare(
          "UPDATE bk_compartments SET slot_id = ?3, item_kind = ?4, item_zh = ?5, item_en = ?6, value_fen = ?7 "
          "WHERE locker_id = ?1 AND number = ?2");
      u.bind(1, l.id).bind(2, c).bind(3, slot.id).bind(4, bookings::item_kind_key(item.kind)).bind(5, item.zh);
      u.bind(6, item.en).bind(7, item.value);
      u.run();
      Stmt log = db.prepare(
          "INSERT INTO bk_restock_log (locker_id, compartment, item_kind, item_zh, item_en, value_fen, month, at, "
          "by_account) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'seed')");
      log.bind(1, l.id).bind(2, c).bind(3, bookings::item_kind_key(item.kind)).bind(4, item.zh).bind(5, item.en);
      log.bind(6, item.value).bind(7, period_key(Period::Month, now)).bind(8, now);
      log.run();
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
  for (const char* city : {"福州市", "厦门市"}) {
    Stmt q = db.prepare(
        "SELECT id, name, city, address FROM stations WHERE city = ?1 AND kind = 0 AND status = 0 ORDER BY id LIMIT 1");
    q.bind(1, city);
    if (q.step()) duty.push_back(station_resource(q, "station", ""));
  }
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
  for (const char* login : {"m001", "m005", "m012", "m030"}) {
    Stmt s = db.prepare(
        "INSERT OR IGNORE INTO bk_cadres (member_id, title_zh, title_en) SELECT subject, '工会干部', 'Union cadre' "
        "FROM accounts WHERE login = ?1 AND role = 'member'");
    s.bind(1, login);
    s.run();
  }
}

}  // namespace hg::srv
