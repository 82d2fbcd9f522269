// The coupon campaigns the Workers' Daily report describes, under the six 惠工 brands,
// with partner merchants and their staff sign-ins (password huigong123), plus claims and
// redemptions in the two months before the seeding day and in its month up to that instant,
// so the ledger, settlement and dashboard have something to show.
//
// Everything is placed relative to the seeding instant `now` (CST): campaigns run from the
// 1st of the month three months before to the end of the twelfth month after; monthly
// batches open at 10:00 on the 1st and stay open to the month's end; the film lottery takes
// registrations from the 20th of next month for two weeks.
//
// The union notices announcing these batches are seeded here too, their headline and terms
// written from the batch itself (core/coupons/announcement.h), so a notice cannot promise
// an opening, a limit or a validity the batch does not have.
//
// Sections:
//   catalogue helpers  the span of months, merchants, campaigns, items and monthly batches
//   catalogue          the campaigns and batches under the six brands, with staff sign-ins
//   notices            the notices that announce batches
//   history            claims and redemptions up to the seeding instant
//   entry point        seed_coupons
#include "server/coupons/seed.h"

#include <algorithm>

#include "core/coupons/announcement.h"
#include "core/coupons/claim.h"
#include "core/coupons/lottery.h"
#include "core/coupons/redemption.h"
#include "core/ids.h"
#include "core/models/brand.h"
#include "server/auth/seed.h"
#include "server/coupons/common.h"
#include "server/coupons/coupon_repo.h"
#include "server/store/notice_repo.h"

namespace hg::srv {

// ---- catalogue helpers ----

namespace {

// When the demo's campaigns run: [start, end), whole CST months around the seeding day.
struct Span {
  UnixSeconds start, end;
};
Span span_around(UnixSeconds now) { return {add_months_start(now, -3), add_months_start(now, 13)}; }

struct StaffLogin {
  const char* login;
  const char* merchant_id;
  const char* display;
};

Merchant merchant(const char* id, const char* zh, const char* en) { return {id, zh, en}; }

Campaign campaign(const Span& span, const char* id, Brand brand, const char* zh, const char* en,
                  std::vector<Merchant> merchants) {
  Campaign c;
  c.id = id;
  c.brand = brand;
  c.title_zh = zh;
  c.title_en = en;
  c.merchants = std::move(merchants);
  c.starts_at = span.start;
  c.ends_at = span.end;
  return c;
}

CouponItem item(const char* zh, const char* en, DiscountRule rule, FundingSplit funding, std::vector<std::string> merchants) {
  CouponItem i;
  i.title_zh = zh;
  i.title_en = en;
  i.rule = rule;
  i.funding = funding;
  i.merchant_ids = std::move(merchants);
  return i;
}

// A monthly rush batch: `stock` claims a calendar month, open from 10:00 on the 1st, one
// per member a month, valid `days` days (to 23:59:59 CST of the last day).
Batch monthly(const Span& span, const char* id, const char* campaign_id, const char* zh, const char* en, std::vector<CouponItem> items,
              std::int64_t stock, int days = 30) {
  Batch b;
  b.id = id;
  b.campaign_id = campaign_id;
  b.title_zh = zh;
  b.title_en = en;
  b.items = std::move(items);
  b.stock.cycle = Cycle::month;
  b.stock.per_period = stock;
  b.window = monthly_window(span.start, 1, 10 * 3600);
  b.window.closes_at = span.end;
  b.limit.cycle = Cycle::month;
  b.limit.per_member = 1;
  b.validity.kind = ValidityKind::days_after_claim;
  b.validity.days = days;
  return b;
}

// ---- catalogue ----

struct Seeded {
  std::vector<Campaign> campaigns;
  std::vector<Batch> batches;
  std::vector<Fen> budgets;
};

Seeded catalogue(UnixSeconds now) {
  const Span span = span_around(now);
  Seeded s;
  auto add = [&](Campaign c, Fen budget) {
    s.campaigns.push_back(std::move(c));
    s.budgets.push_back(budget);
  };
  // 惠工出行: fuel 满200减30, station ¥10 + union ¥20; ride-hailing 7.5折 packs.
  add(campaign(span, "cp-fuel", Brand::ride, "加油满减", "Fuel discount",
               {merchant("fuel01", "中石化福州鼓楼加油站", "Sinopec Gulou station, Fuzhou"),
                merchant("fuel02", "中石油福州台江加油站", "PetroChina Taijiang station, Fuzhou")}),
      600000000);
  s.batches.push_back(monthly(span, "b-fuel", "cp-fuel", "加油满200减30", "Fuel: 30 off 200",
                              {item("加油满200减30", "Fuel: 30 off 200", threshold_rule(20000, 3000),
                                    fixed_split(Funder::merchant, 1000), {"fuel01", "fuel02"})},
                              20000));
  add(campaign(span, "cp-ride", Brand::ride, "网约车出行包", "Ride-hailing pack",
               {merchant("ride01", "榕城约车", "Rongcheng Rides"), merchant("ride02", "闽都出行", "Mindu Rides"),
                merchant("ride03", "闽运专车", "Minyun Cars")}),
      300000000);
  {
    const FundingSplit f = shares_split(3000, 7000);
    s.batches.push_back(monthly(span, "b-ride", "cp-ride", "网约车7.5折出行包（3张）", "Ride-hailing 25% off pack (3)",
                                {item("榕城约车7.5折", "Rongcheng 25% off", percentage_rule(7500, 1500), f, {"ride01"}),
                                 item("闽都出行7.5折", "Mindu 25% off", percentage_rule(7500, 1500), f, {"ride02"}),
                                 item("闽运专车7.5折", "Minyun 25% off", percentage_rule(7500, 1500), f, {"ride03"})},
                                20000));
  }
  // 惠工速递: express 7折 and 8折 each month.
  add(campaign(span, "cp-express", Brand::express, "快递寄件优惠", "Express delivery discount",
               {merchant("exp01", "闽速快递", "Minsu Express"), merchant("exp02", "榕城快运", "Rongcheng Express")}),
      100000000);
  s.batches.push_back(monthly(span, "b-exp7", "cp-express", "寄快递7折", "Express 30% off",
                              {item("寄快递7折", "Express 30% off", percentage_rule(7000, 1000), shares_split(4000, 6000),
                                    {"exp01", "exp02"})},
                              10000));
  s.batches.push_back(monthly(span, "b-exp8", "cp-express", "寄快递8折", "Express 20% off",
                              {item("寄快递8折", "Express 20% off", percentage_rule(8000, 2000), shares_split(5000, 5000),
                                    {"exp01", "exp02"})},
                              10000));
  // 惠工文旅: free Spring Festival movie tickets by lottery; Gushan annual pass half price.
  add(campaign(span, "cp-movie", Brand::culture_travel, "春节观影", "Spring Festival films",
               {merchant("cinema01", "福州万达影城", "Wanda Cinema Fuzhou"), merchant("cinema02", "福州金逸影城", "Jinyi Cinema Fuzhou")}),
      35000000);
  {
    Batch b;
    b.id = "b-movie";
    b.campaign_id = "cp-movie";
    b.title_zh = "春节免费电影票（抽签）";
    b.title_en = "Free Spring Festival film ticket (lottery)";
    b.items = {item("免费电影票（50元内）", "Free film ticket (up to 50)", free_up_to_rule(5000), shares_split(2000, 8000),
                    {"cinema01", "cinema02"})};
    b.stock.cycle = Cycle::once;
    b.stock.per_period = 7000;
    const UnixSeconds opens = add_months_start(now, 1) + 19 * 86400;  // the 20th of next month
    b.window = fixed_window(opens, opens + 15 * 86400);
    b.limit.cycle = Cycle::once;
    b.limit.per_member = 1;
    b.validity.kind = ValidityKind::fixed;
    b.validity.valid_from = b.window.closes_at;
    b.validity.valid_until = end_of_day_cst(b.window.closes_at + 24 * 86400);
    b.by_lottery = true;
    s.batches.push_back(b);
  }
  add(campaign(span, "cp-laoshan", Brand::culture_travel, "鼓山年卡半价", "Gushan annual pass half price",
               {merchant("laoshan01", "鼓山风景区", "Gushan Scenic Area")}),
      50000000);
  {
    Batch b = monthly(span, "b-laoshan", "cp-laoshan", "鼓山年卡半价（100元）", "Gushan annual pass for 100",
                      {item("鼓山年卡100元", "Gushan pass for 100", fixed_price_rule(10000), shares_split(5000, 5000),
                            {"laoshan01"})},
                      5000, 90);
    b.stock.cycle = Cycle::year;
    b.limit.cycle = Cycle::year;
    s.batches.push_back(b);
  }
  // 惠工运动: sports venues, 20,000 sessions a month.
  add(campaign(span, "cp-sport", Brand::sport, "运动场馆", "Sports venues",
               {merchant("gym01", "鼓楼全民健身中心", "Gulou Fitness Centre"), merchant("swim01", "台江游泳馆", "Taijiang Pool")}),
      400000000);
  s.batches.push_back(monthly(span, "b-sport", "cp-sport", "运动场馆免费一次（30元内）", "One free session (up to 30)",
                              {item("场馆免费一次", "One free session", free_up_to_rule(3000), shares_split(3000, 7000),
                                    {"gym01", "swim01"})},
                              20000));
  // 惠工有礼: the new-employment pack (charging + car wash + health check), riders and drivers.
  add(campaign(span, "cp-gig", Brand::gift, "新就业形态关爱包", "Care pack for gig workers",
               {merchant("charge01", "骑手换电站", "Rider battery swap"), merchant("wash01", "快捷洗车", "Quick Car Wash"),
                merchant("health01", "爱康体检", "iKang Health Check")}),
      200000000);
  {
    Batch b = monthly(span, "b-gig", "cp-gig", "充电+洗车+体检组合包", "Charging + car wash + health check pack",
                      {item("换电免费一次（10元内）", "One free battery swap (up to 10)", free_up_to_rule(1000),
                            shares_split(0, 10000), {"charge01"}),
                       item("洗车免费一次（30元内）", "One free car wash (up to 30)", free_up_to_rule(3000),
                            shares_split(5000, 5000), {"wash01"}),
                       item("体检满300减100", "Health check 100 off 300", threshold_rule(30000, 10000),
                            shares_split(2000, 8000), {"health01"})},
                      5000);
    b.eligibility.groups = {MemberGroup::new_employment};
    s.batches.push_back(b);
  }
  // 惠工消费: supermarket 满100减20.
  add(campaign(span, "cp-shop", Brand::consume, "超市购物", "Supermarket",
               {merchant("shop01", "永辉超市福州店", "Yonghui Fuzhou"), merchant("shop02", "新华都超市福州店", "New Huadu Fuzhou")}),
      200000000);
  s.batches.push_back(monthly(span, "b-shop", "cp-shop", "超市满100减20", "Supermarket: 20 off 100",
                              {item("超市满100减20", "20 off 100", threshold_rule(10000, 2000), shares_split(5000, 5000),
                                    {"shop01", "shop02"})},
                              20000));
  return s;
}

// ---- notices ----

// Which batches a notice announces, when it was published and what it adds that the
// batch's terms do not say (where the coupon is used). The pinned one is the month's rush.
struct Announcement {
  const char* batch_id;
  bool pinned;
  int hours_before_now;
  const char* extra_zh;
  const char* extra_en;
};
constexpr Announcement kAnnouncements[] = {
    {"b-fuel", true, 20, "在合作加油站出示券码即可核销，优惠由加油站让一点、工会贴一点、职工付一点。",
     "Show the code at a partner station; the station, the union and you each chip in."},
    {"b-movie", false, 50, "中签券可在合作影院兑换。", "Winning coupons are redeemed at partner cinemas."},
    {"b-sport", false, 168, "在合作场馆出示券码使用。", "Show the code at a partner venue."},
    {"b-laoshan", false, 216, "在鼓山风景区出示券码办理年卡。", "Show the code at the Gushan Scenic Area to get the pass."},
    {"b-exp7", false, 288, "在合作快递网点寄件时出示券码。", "Show the code when sending at a partner courier."},
    {"b-ride", false, 360, "三张券各在一家合作网约车平台使用。", "Each of the three coupons is for one partner ride service."},
};

std::vector<Notice> announcements(const Seeded& s, std::uint64_t seed, UnixSeconds now) {
  const int month = to_cst(now).date.month;
  const UnixSeconds hour = now - now % 3600;
  IdGenerator ids(seed ^ 0x414E4E4F554E4345ull);  // "ANNOUNCE"
  std::vector<Notice> notices;
  for (const Announcement& a : kAnnouncements) {
    const Batch& b = *std::find_if(s.batches.begin(), s.batches.end(), [&](const Batch& x) { return x.id == a.batch_id; });
    const Campaign& c = *std::find_if(s.campaigns.begin(), s.campaigns.end(), [&](const Campaign& x) { return x.id == b.campaign_id; });
    const BrandInfo& brand = brand_info(c.brand);
    const BatchTerms t = batch_terms(b);
    Notice n;
    n.brand = c.brand;
    n.pinned = a.pinned;
    n.title_zh = (a.pinned ? std::to_string(month) + "月惠工券开抢：" : std::string()) + t.headline_zh;
    n.title_en = (a.pinned ? std::string(english_month(month)) + " union coupons: " : std::string()) + t.headline_en;
    n.body_zh = std::string("在“") + brand.zh + "”" + (b.by_lottery ? "报名" : "领取") + "：" + t.terms_zh + "。" + a.extra_zh;
    n.body_en = std::string("Under ") + brand.en + ": " + t.terms_en + ". " + a.extra_en;
    n.published_at = hour - static_cast<UnixSeconds>(a.hours_before_now) * 3600 + 7 * 60;
    n.id = id_to_string(ids.next(n.published_at * 1000));
    notices.push_back(std::move(n));
  }
  return notices;
}

// ---- history ----

// Past activity: a few dozen members claimed in each of the two months before the seeding
// month and, once its rush has opened, in the seeding month up to `now`; most redeemed, a
// couple refunded.
void seed_history(Db& db, const Seeded& s, std::uint64_t seed, UnixSeconds now) {
  const std::vector<std::string> members = coupon_repo::seed_member_ids(db, 60);
  if (members.empty()) return;
  IdGenerator ids(seed ^ 0xC0u);
  std::uint64_t rng = seed | 1;
  auto next = [&] {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
  };
  const std::vector<std::pair<const char*, Fen>> plans = {
      {"b-fuel", 25000}, {"b-exp7", 1800}, {"b-sport", 4000}, {"b-shop", 15000}, {"b-ride", 3200}};
  for (int months_back = 2; months_back >= 0; --months_back) {
    const UnixSeconds opens = add_months_start(now, -months_back) + 10 * 3600;  // 10:00 on the 1st
    for (const auto& [batch_id, typical] : plans) {
      const Batch* b = nullptr;
      for (const Batch& x : s.batches)
        if (x.id == batch_id) b = &x;
      const int claimers = 12 + static_cast<int>(next() % 12);
      for (int k = 0; k < claimers && k < static_cast<int>(members.size()); ++k) {
        const std::uint64_t day = next() % 20, minute = next() % 60;
        // Earlier months: on one of the first 20 days; this month: spread over the time the
        // rush has been open, the earliest members first.
        const UnixSeconds at = months_back > 0 ? opens + static_cast<UnixSeconds>(day * 86400 + minute * 60)
                                               : opens + (now - opens) * k / claimers;
        if (at >= now) continue;
        std::vector<Coupon> coupons = issue_coupons(*b, members[static_cast<size_t>(k)], at, ids);
        const ClaimKeys keys = claim_keys(*b, at);
        coupon_repo::take_stock(db, b->id, keys.stock_key, stock_for(b->stock, keys.stock_key), 1);
        coupon_repo::insert_keyless_claim(db, coupons[0].claim_id, b->id, coupons[0].member_id, keys, 1, at, "rush");
        for (Coupon& c : coupons) {
          const std::int64_t serial = coupon_repo::insert_coupon(db, c);
          if (next() % 4 == 0) continue;  // a quarter are never used
          const CouponItem& it = b->items[static_cast<size_t>(c.item_index)];
          const std::string& merchant_id = it.merchant_ids[next() % it.merchant_ids.size()];
          const UnixSeconds used_at = at + 3600 * static_cast<UnixSeconds>(2 + next() % 200);
          if (used_at >= now) continue;
          const Fen order = typical + static_cast<Fen>(next() % static_cast<std::uint64_t>(typical));
          Result<Redemption> r = redeem(c, *b, merchant_id, order, used_at, id_to_string(ids.next(used_at * 1000)));
          if (!r) continue;
          const Redemption& red = r.value();
          coupon_repo::mark_redeemed(db, serial, used_at);
          coupon_repo::insert_redemption(db, red);
          if (next() % 15 != 0) continue;  // an occasional partial refund, a day later
          const UnixSeconds back_at = used_at + 86400;
          if (back_at >= now) continue;
          Result<RefundRecord> f = refund(red, 0, red.price.order_fen / 2, back_at, id_to_string(ids.next(back_at * 1000)));
          if (!f) continue;
          coupon_repo::insert_refund(db, f.value());
          coupon_repo::set_refunded(db, red.id, f.value().reversal.order_refunded_fen, false);
        }
      }
    }
  }
}

}  // namespace

// ---- entry point ----

void seed_coupons(Db& db, std::uint64_t seed, UnixSeconds now) {
  const Seeded s = catalogue(now);
  for (size_t i = 0; i < s.campaigns.size(); ++i) coupon_repo::insert_campaign(db, s.campaigns[i], s.budgets[i], now);
  for (const Batch& b : s.batches) coupon_repo::insert_batch(db, b, now);
  for (const Notice& n : announcements(s, seed, now)) notice_repo::insert(db, n, now);
  // Staff sign-ins: the login is the merchant id ("fuel01"), password huigong123.
  for (const Campaign& c : s.campaigns)
    for (const Merchant& m : c.merchants) add_demo_account(db, m.id, Role::merchant_staff, m.id, m.name_zh, now);
  // The film draw over the lottery batch's window, 7,000 tickets. The seed is random (only
  // its commitment is public until the draw), like an admin-created one.
  const Batch& movie = *std::find_if(s.batches.begin(), s.batches.end(), [](const Batch& b) { return b.by_lottery; });
  Lottery l;
  l.id = "lt-movie-" + period_key(Period::Month, movie.window.opens_at);
  l.batch_id = movie.id;
  l.registration_opens = movie.window.opens_at;
  l.registration_closes = movie.window.closes_at;
  l.prizes = 7000;
  l.per_member_cap = 1;
  l.seed = coupons::random_seed_hex();
  l.seed_commitment = seed_commitment(l.seed);
  l.committed_at = now;
  coupon_repo::insert_lottery(db, l);
  seed_history(db, s, seed, now);
}

}  // namespace hg::srv
