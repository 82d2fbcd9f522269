#include "data/demo_data.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/ids.h"
#include "data/rng.h"

namespace hg::demo {

namespace {

// Surnames weighted toward the south-east coast (林, 陈, 黄, 郑 are far more common in Fujian)
// by listing them more than once; given names of one or two characters.
constexpr const char* kSurnames[] = {
    "林", "林", "林", "陈", "陈", "陈", "黄", "黄", "郑", "郑", "王", "王", "李", "李", "张", "张", "刘",
    "吴", "吴", "杨", "赵", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "罗", "梁", "谢", "宋",
    "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "叶", "程",
    "魏", "苏", "吕", "丁", "卢", "姚", "沈", "姜", "崔", "陆", "范", "汪", "石", "方", "邱", "江", "薛",
    "庄", "洪", "游", "柯", "傅", "詹", "卓", "孔", "于", "邹", "侯", "毛", "万", "杜", "戴", "纪", "修",
};
constexpr const char* kGivenOne[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "华",
    "平", "刚", "燕", "鹏", "斌", "辉", "婷", "红", "宇", "浩", "凯", "鑫", "博", "俊", "峰", "亮", "琳",
};
constexpr const char* kGivenFirst[] = {
    "志", "建", "晓", "海", "国", "文", "春", "秀", "玉", "子", "思", "嘉", "雨", "俊", "丽", "少",
    "金", "宏", "振", "晨", "家", "永", "德", "美", "雅", "梓", "佳", "锦", "立", "明",
};
constexpr const char* kGivenSecond[] = {
    "强", "华", "明", "平", "芳", "英", "杰", "勇", "涛", "军", "辉", "萍", "燕", "玲", "婷", "轩",
    "豪", "宇", "琪", "彤", "龙", "林", "峰", "斌", "超", "伟", "霞", "娟", "东", "成", "涵", "鑫",
};

// Mainland mobile prefixes; the middle four digits are masked before anything is stored.
constexpr const char* kPhonePrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
                                          "150", "151", "152", "155", "156", "158", "159", "166", "173",
                                          "177", "180", "181", "183", "186", "187", "188", "189", "199"};

struct UnionInfo {
  const char* city;
  const char* name;
  int weight;
  bool port;  // has a port, so port workers can be members here
};
constexpr UnionInfo kUnions[] = {
    {"福州市", "福州市总工会", 6, true},        {"福州市", "福州市鼓楼区总工会", 10, false},
    {"福州市", "福州市台江区总工会", 7, false}, {"福州市", "福州市仓山区总工会", 7, false},
    {"厦门市", "厦门市总工会", 5, true},        {"厦门市", "厦门市思明区总工会", 6, false},
    {"厦门市", "厦门市湖里区总工会", 5, true},  {"泉州市", "泉州市丰泽区总工会", 6, false},
    {"泉州市", "晋江市总工会", 6, false},       {"漳州市", "漳州市芗城区总工会", 7, false},
    {"福州市", "福州市马尾区总工会", 12, true}, {"福州市", "福州市晋安区总工会", 8, false},
    {"福州市", "福清市总工会", 9, true},        {"福州市", "福州市长乐区总工会", 6, false},
};

struct OccupationWeight {
  Occupation occupation;
  int weight;
};
constexpr OccupationWeight kOccupations[] = {
    {Occupation::delivery_rider, 28}, {Occupation::ride_hailing_driver, 17}, {Occupation::courier, 20},
    {Occupation::port_worker, 10},    {Occupation::factory_worker, 19},      {Occupation::office, 6},
};

template <class T, size_t N>
const T& pick_weighted(Rng& rng, const T (&items)[N]) {
  int total = 0;
  for (const T& item : items) total += item.weight;
  int r = rng.below(total);
  for (const T& item : items) {
    if (r < item.weight) return item;
    r -= item.weight;
  }
  return items[N - 1];
}

std::string make_name(Rng& rng) {
  std::string name = rng.pick(kSurnames);
  if (rng.chance(30)) {
    name += rng.pick(kGivenOne);
  } else {
    name += rng.pick(kGivenFirst);
    name += rng.pick(kGivenSecond);
  }
  return name;
}

std::string make_masked_phone(Rng& rng) {
  char tail[8];
  std::snprintf(tail, sizeof tail, "%04d", rng.below(10000));
  return std::string(rng.pick(kPhonePrefixes)) + "****" + tail;
}

struct NoticeText {
  Brand brand;
  bool pinned;
  int hours_before_now;  // publication time relative to the seeding instant
  const char* title_zh;
  const char* title_en;
  const char* body_zh;
  const char* body_en;
};

// The notices that announce no coupon batch; the coupon seed (server/coupons/seed.cpp)
// writes the ones that do from the batches themselves. None promises what the demo lacks:
// the health-check plan and the lockers' stock are the bookings seed's; the mall is not built.
constexpr NoticeText kNotices[] = {
    {Brand::gift, true, 72, "户外劳动者健康体检预约开启", "Health checks for outdoor workers: booking is open",
     "今年名额由2000个增至10000个。外卖骑手、快递员、网约车司机等户外劳动者个人支付100元或150元，"
     "即可享受价值465元至545元的体检套餐，其余费用由工会承担。",
     "Places rise from 2,000 to 10,000 this year. Delivery riders, couriers, ride-hailing drivers and other "
     "outdoor workers pay ¥100 or ¥150 for a check-up package worth ¥465–¥545; the union pays the rest."},
    {Brand::consume, false, 26, "福豆商城即将开放", "The Fudou points mall is coming soon",
     "福豆商城正在筹建，开放时间将在这里另行通知。", "The Fudou points mall is being built; its opening will be announced here."},
    {Brand::gift, false, 120, "驿站智能柜可预约慰问品", "Book union gifts at station smart lockers",
     "部分驿站设有智能柜：线上预约方便面、雨衣、手套或会员大礼包，凭取件码到柜领取，不用排队。",
     "Some stations have smart lockers: book instant noodles, a raincoat, gloves or the member welcome pack "
     "online and collect it with a pickup code, no queue."},
};

}  // namespace

std::vector<Member> make_members(std::uint64_t seed, int count, UnixSeconds now) {
  Rng rng(seed ^ 0x6D656D62657273ull);  // "members"
  std::vector<Member> members;
  members.reserve(static_cast<size_t>(std::max(count, 0)));
  const UnixSeconds earliest = 1514736000;  // 2018-01-01 00:00 CST
  const UnixSeconds new_employment_from = 1609430400;  // 2021-01-01 00:00 CST: the drive to enrol gig workers
  const UnixSeconds joined_before = period_start(Period::Day, now);  // everyone joined before today
  for (int i = 0; i < count; ++i) {
    Member m;
    m.name = make_name(rng);
    m.phone_masked = make_masked_phone(rng);
    const UnionInfo* u = &pick_weighted(rng, kUnions);
    m.occupation = pick_weighted(rng, kOccupations).occupation;
    if (m.occupation == Occupation::port_worker && !u->port) {
      // Port workers belong to a union in a port city's port district.
      static constexpr int kPortUnions[] = {0, 4, 6, 10, 12};
      u = &kUnions[kPortUnions[rng.below(5)]];
    }
    m.city = u->city;
    m.union_name = u->name;
    if (rng.chance(5)) m.group = MemberGroup::model_worker;
    else if (is_new_employment(m.occupation)) m.group = MemberGroup::new_employment;
    else if (rng.chance(22)) m.group = MemberGroup::young;
    else m.group = MemberGroup::general;
    const UnixSeconds from = is_new_employment(m.occupation) ? new_employment_from : earliest;
    m.joined_at = rng.between(from, std::max(from, joined_before) - 1);
    members.push_back(std::move(m));
  }
  // Ids are time-ordered: hand them out in joining order.
  std::stable_sort(members.begin(), members.end(),
                   [](const Member& a, const Member& b) { return a.joined_at < b.joined_at; });
  IdGenerator ids(seed ^ 0x4D454D4245524944ull);
  for (Member& m : members) m.id = id_to_string(ids.next(m.joined_at * 1000));
  return members;
}

std::vector<Notice> make_notices(std::uint64_t seed, UnixSeconds now) {
  Rng rng(seed ^ 0x6E6F7469636573ull);  // "notices"
  std::vector<Notice> notices;
  for (const NoticeText& t : kNotices) {
    Notice n;
    n.brand = t.brand;
    n.pinned = t.pinned;
    n.title_zh = t.title_zh;
    n.title_en = t.title_en;
    n.body_zh = t.body_zh;
    n.body_en = t.body_en;
    // Within the hour, on a whole minute: the seed moves the minute, never the order.
    const UnixSeconds hour = now - now % 3600;
    n.published_at = hour - static_cast<UnixSeconds>(t.hours_before_now) * 3600 + rng.below(50) * 60;
    notices.push_back(std::move(n));
  }
  std::stable_sort(notices.begin(), notices.end(),
                   [](const Notice& a, const Notice& b) { return a.published_at < b.published_at; });
  IdGenerator ids(seed ^ 0x4E4F544943454944ull);
  for (Notice& n : notices) n.id = id_to_string(ids.next(n.published_at * 1000));
  return notices;
}

DemoData make_demo_data(UnixSeconds now, std::uint64_t seed, int member_count) {
  return DemoData{make_members(seed, member_count, now), make_notices(seed, now)};
}

}  // namespace hg::demo
