// `make bench-bookings`, part 1 and 3: writes the rush database with the server's own code
// (migrations, the demo health-check plan, one clinic's 40 time windows × 50 places = 2,000,
// 20,000 eligible members) and signs each member a session token with the database's own
// key (no Argon2 per member); afterwards verifies from the database alone.
//
//   bookings_setup init   DB MEMBERS PLACES TOKENS_FILE
//   bookings_setup verify DB PLACES RESULTS_FILE
//
// TOKENS_FILE lines: "<member id> <slot id> <token>". RESULTS_FILE (from bookings_load)
// lines: "W <member> <slot> <position> <seq> <sent_us> <received_us>" for every waitlist
// answer and "H <member> <slot> <booking id>" for every confirmed hold.
//
// verify prints "VERIFY <confirmed> <double-booked> <waitlist in order: yes|no> <waitlisted>
// <position mismatches> <waitlisted before a later hold> <client-observed order violations>
// <confirmations acknowledged> <acknowledged twice> <lost> <confirmed, never acknowledged>"
// and exits 1 unless exactly PLACES are confirmed, each the one acknowledged by that id,
// nothing is double-booked and the waitlist is in order.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/bookings/slot.h"
#include "server/auth/token.h"
#include "server/bookings/booking_repo.h"
#include "server/bookings/seed.h"
#include "server/store/member_repo.h"
#include "server/store/store.h"

namespace {

using namespace hg;
using namespace hg::srv;

UnixSeconds wall_now() { return static_cast<UnixSeconds>(std::time(nullptr)); }

int init(const std::string& path, int members, int places, const std::string& tokens_path) {
  std::remove(path.c_str());
  const UnixSeconds now = wall_now();
  auto store = Store::open({path, 1, 5000}, now);
  constexpr int kSlots = 40;
  std::ofstream out(tokens_path);
  store->write([&](Db& db) {
    booking_repo::save_plan(db, demo_health_plan());
    booking_repo::insert_resource(db, ResourceView{"CL-BENCH", "clinic", "福州市鼓楼区职工体检中心",
                                                   "Gulou Workers' Health Check Centre", "福州市", "", ""});
    // Tomorrow (CST), 40 windows of 15 minutes from 08:00: 2,000 places released at once.
    const CivilDate day = civil_from_days(days_from_civil(to_cst(now).date) + 1);
    std::vector<std::string> slots;
    for (int i = 0; i < kSlots; ++i) {
      const int from = 8 * 60 + 15 * i, to = from + 15;
      Slot s = slot_in_cst_window("BENCH-" + std::to_string(i), SlotKind::health_check, "CL-BENCH", day,
                                  CstWindow{from / 60, from % 60, to / 60, to % 60}, places / kSlots + (i < places % kSlots));
      s.plan_id = "HC-GIG";
      s.title_zh = s.title_en = s.id;
      booking_repo::insert_slot(db, s, false);
      slots.push_back(s.id);
    }
    const TokenKey key = load_or_create_token_key(db);
    std::mt19937_64 rng(42);
    const Occupation gig[] = {Occupation::delivery_rider, Occupation::ride_hailing_driver, Occupation::courier};
    for (int i = 0; i < members; ++i) {
      Member m;
      char id[32];
      std::snprintf(id, sizeof id, "BM%07d", i);
      m.id = id;
      m.name = "会员" + std::to_string(i);
      char phone[16];
      std::snprintf(phone, sizeof phone, "138****%04d", i % 10000);
      m.phone_masked = phone;
      m.occupation = gig[i % 3];
      m.group = MemberGroup::new_employment;
      m.union_name = "福州市鼓楼区总工会";
      m.city = "福州市";
      m.joined_at = now - 86400;
      member_repo::insert(db, m);
      Principal p;
      p.account_id = "bench-" + m.id;
      p.role = Role::member;
      p.subject = m.id;
      p.display_name = m.name;
      p.expires_at = now + kSessionLifetime;
      out << m.id << ' ' << slots[rng() % slots.size()] << ' ' << sign_token(key, p) << '\n';
    }
  });
  std::cout << "INIT " << members << " members, " << places << " places in " << kSlots << " slots\n";
  return 0;
}

struct Wait {
  std::string member, slot;
  long position = 0, seq = 0;
  long long sent = 0, received = 0;
};

int verify(const std::string& path, int places, const std::string& results_path) {
  auto store = Store::open({path, 1, 5000}, wall_now());
  Store::Lease lease = store->lease();
  Db& db = lease.db();
  const long confirmed = db.query_int64("SELECT count(*) FROM bk_bookings WHERE state = 'confirmed'");
  // Double-booked: a slot with more occupying bookings than places (counted from the rows,
  // not the counter), a member holding two places, or a counter that disagrees with the rows.
  const long over = db.query_int64(
      "SELECT count(*) FROM bk_slots s WHERE (SELECT count(*) FROM bk_bookings b WHERE b.slot_id = s.id AND "
      "b.state IN ('held', 'confirmed', 'checked_in')) > s.capacity");
  const long twice = db.query_int64(
      "SELECT count(*) FROM (SELECT member_id FROM bk_bookings WHERE state IN ('held', 'confirmed', 'checked_in') "
      "GROUP BY member_id HAVING count(*) > 1)");
  const long drift = db.query_int64(
      "SELECT count(*) FROM bk_slots s WHERE s.taken <> (SELECT count(*) FROM bk_bookings b WHERE b.slot_id = s.id AND "
      "b.state IN ('held', 'confirmed', 'checked_in'))");
  const long double_booked = over + twice + drift;
  const long wait_drift = db.query_int64(
      "SELECT count(*) FROM bk_slots s WHERE s.waiting <> (SELECT count(*) FROM bk_waitlist w WHERE w.slot_id = s.id)");

  // Waitlist order. Arrival = the server's acceptance order (bk_waitlist.seq, given inside the
  // serialised write transaction). Checked three ways:
  //  1. per slot, DB positions (rank by seq) equal what each member was told;
  //  2. nobody was waitlisted before a member who got a direct place later (no cancellations
  //     happen in the rush, so every direct hold of a slot precedes all its waitlist joins);
  //  3. what the clients saw: if A's answer arrived before B's request was sent, A is ahead.
  std::map<std::string, std::vector<Wait>> by_slot;
  std::map<std::string, Wait> told;
  std::map<std::string, std::pair<std::string, std::string>> acked;  // booking id → member, slot
  long acked_twice = 0;
  {
    std::ifstream in(results_path);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      std::string kind;
      ls >> kind;
      if (kind == "H") {
        std::string member, slot, id;
        ls >> member >> slot >> id;
        if (!acked.emplace(id, std::make_pair(member, slot)).second) ++acked_twice;
        continue;
      }
      if (kind != "W") continue;
      Wait w;
      ls >> w.member >> w.slot >> w.position >> w.seq >> w.sent >> w.received;
      told[w.member] = w;
    }
  }
  // Confirmations by id: each one the clients were told of is a confirmed booking of that
  // member in that slot (else lost), and each confirmed booking was told of (else unacked).
  long lost = 0, unacked = 0;
  {
    std::map<std::string, std::pair<std::string, std::string>> pending = acked;
    Stmt s = db.prepare("SELECT id, member_id, slot_id FROM bk_bookings WHERE state = 'confirmed'");
    while (s.step()) {
      auto it = pending.find(s.column_text(0));
      if (it == pending.end() || it->second != std::make_pair(s.column_text(1), s.column_text(2))) {
        ++unacked;
        continue;
      }
      pending.erase(it);
    }
    lost = static_cast<long>(pending.size());
  }
  bool in_order = true;
  long waitlisted = 0, mismatched = 0, early = 0, crossed = 0;
  {
    Stmt s = db.prepare("SELECT slot_id, member_id, seq FROM bk_waitlist ORDER BY slot_id, seq");
    std::string slot;
    long rank = 0;
    while (s.step()) {
      const std::string sl = s.column_text(0);
      if (sl != slot) slot = sl, rank = 0;
      ++rank;
      ++waitlisted;
      auto it = told.find(s.column_text(1));
      if (it == told.end() || it->second.slot != sl || it->second.position != rank || it->second.seq != s.column_int64(2)) {
        ++mismatched;
        continue;
      }
      by_slot[sl].push_back(it->second);
    }
  }
  if (waitlisted != static_cast<long>(told.size())) ++mismatched;
  early = db.query_int64(
      "SELECT count(*) FROM bk_waitlist w WHERE EXISTS (SELECT 1 FROM bk_bookings b WHERE b.slot_id = w.slot_id "
      "AND b.from_waitlist = 0 AND b.seq > w.seq)");
  for (auto& [slot, list] : by_slot) {
    // In position order, no later entry may have been answered before an earlier one was sent.
    long long min_received_after = 0;
    bool any = false;
    for (size_t i = list.size(); i-- > 0;) {
      if (any && min_received_after < list[i].sent) ++crossed;
      min_received_after = any ? std::min(min_received_after, list[i].received) : list[i].received;
      any = true;
    }
  }
  in_order = mismatched == 0 && early == 0 && crossed == 0 && wait_drift == 0;
  std::cout << "verify: " << confirmed << "/" << places << " confirmed; acknowledged " << acked.size() << " (twice "
            << acked_twice << "), by id: lost " << lost << ", confirmed but never acknowledged " << unacked
            << "; over-capacity slots " << over << ", members with two places " << twice << ", counter drift " << drift
            << "; waitlisted " << waitlisted << " (told " << told.size() << ", position mismatches " << mismatched
            << ", waitlisted before a later direct hold " << early << ", client-observed order violations " << crossed
            << ", waitlist counter drift " << wait_drift << ")\n";
  std::cout << "VERIFY " << confirmed << ' ' << double_booked << ' ' << (in_order ? "yes" : "no") << ' ' << waitlisted
            << ' ' << mismatched << ' ' << early << ' ' << crossed << ' ' << acked.size() << ' ' << acked_twice << ' '
            << lost << ' ' << unacked << '\n';
  const bool ok = confirmed == places && double_booked == 0 && in_order && acked_twice == 0 && lost == 0 && unacked == 0;
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "init" && argc == 6) return init(argv[2], std::stoi(argv[3]), std::stoi(argv[4]), argv[5]);
    if (cmd == "verify" && argc == 5) return verify(argv[2], std::stoi(argv[3]), argv[4]);
  } catch (const std::exception& e) {
    std::cerr << "bookings_setup: " << e.what() << '\n';
    return 1;
  }
  std::cerr << "usage: bookings_setup init DB MEMBERS PLACES TOKENS | verify DB PLACES RESULTS\n";
  return 2;
}
