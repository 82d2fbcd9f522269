#include "data/station_data.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <set>

#include "data/rng.h"

namespace hg::demo {

namespace {

using stations::Amenity;
using stations::Station;
using stations::StationKind;
using stations::WeeklyHours;
using stations::bit;

double round6(double v) { return static_cast<double>(static_cast<long long>(v * 1e6 + (v < 0 ? -0.5 : 0.5))) / 1e6; }

// ---- Fujian ----

// A district (or county-level city) with a rough centre in GCJ-02 (near its government seat,
// inside the district outline), how far stations may stray from it, and real landmarks,
// streets and roads. `spread` is small for the compact city districts so points stay inside.
struct District {
  const char* name;
  double lon, lat, spread;
  std::vector<const char*> landmarks;
  std::vector<const char*> roads;
};

struct Prefecture {
  const char* code;  // id prefix
  const char* city;
  const char* area_code;
  std::vector<District> districts;
};

const std::vector<Prefecture>& fujian() {
  static const std::vector<Prefecture> kFujian = {
      {"fz", "福州市", "0591",
       {
           {"鼓楼区", 119.2890, 26.0900, 0.012,
            {"东街口", "五四路", "温泉公园", "西湖公园", "屏山", "南后街", "五一广场", "湖东路", "华林路", "洪山桥", "铜盘路", "软件园"},
            {"八一七北路", "五四路", "杨桥东路", "湖东路", "华林路", "铜盘路", "工业路"}},
           {"台江区", 119.3130, 26.0640, 0.006,
            {"达道", "宝龙广场", "上下杭", "中亭街", "茶亭", "万象城", "洋中", "苍霞", "江滨", "义洲"},
            {"八一七中路", "工业路", "江滨西大道", "广达路", "国货西路", "六一中路"}},
           {"仓山区", 119.3140, 26.0180, 0.020,
            {"万达广场", "上渡", "金山", "三叉街", "烟台山", "盖山", "城门", "师大", "首山", "建新"},
            {"浦上大道", "金山大道", "首山路", "则徐大道", "福峡路", "建新北路"}},
           {"晋安区", 119.3330, 26.1050, 0.018,
            {"王庄", "五四北", "岳峰", "鼓山", "新店", "东二环", "福新东路", "象园", "前横", "茶园"},
            {"福新中路", "长乐北路", "岳峰路", "福马路", "秀峰路", "连江北路"}},
           {"马尾区", 119.4490, 26.0300, 0.020, {"罗星塔", "马江", "快安", "亭江", "儒江", "科技园"}, {"罗星西路", "江滨东大道", "君竹路", "儒江西路"}},
           {"长乐区", 119.5230, 25.9620, 0.025, {"吴航", "首占", "营前", "滨海新城", "航城", "金峰"}, {"郑和中路", "首占大道", "吴航路", "文武砂路"}},
           {"闽侯县", 119.1500, 26.0420, 0.030, {"大学城", "甘蔗", "南屿", "青口", "荆溪", "南通"}, {"学府南路", "乌龙江大道", "建平路", "上街大道"}},
           {"福清市", 119.3840, 25.7200, 0.030, {"融城", "音西", "宏路", "龙田", "元洪", "阳下"}, {"清昌大道", "福人大道", "融侨中路", "龙江路"}},
           {"连江县", 119.5390, 26.1970, 0.020, {"凤城", "敖江", "东湖", "江南"}, {"丹凤东路", "敖江南路", "温麻路", "滨江西路"}},
       }},
      {"xm", "厦门市", "0592",
       {
           {"思明区", 118.1180, 24.4700, 0.018,
            {"中山路", "鹭江道", "莲坂", "火车站", "观音山", "莲前", "软件园一期", "白鹭洲", "轮渡", "瑞景"},
            {"厦禾路", "湖滨南路", "莲前西路", "嘉禾路", "环岛东路", "鹭江道"}},
           {"湖里区", 118.1460, 24.5120, 0.014,
            {"五缘湾", "湖里创新园", "兴隆", "殿前", "高崎", "江头", "蔡塘", "金山"},
            {"湖里大道", "金尚路", "兴隆路", "钟宅路", "仙岳路", "高林中路"}},
           {"集美区", 118.0500, 24.6150, 0.025, {"集美学村", "杏林湾", "灌口", "后溪", "软件园三期", "侨英"}, {"集美大道", "杏林湾路", "银江路", "灌口中路"}},
           {"海沧区", 118.0000, 24.5000, 0.025, {"海沧湾", "新阳", "鼎美", "马青路", "海沧港"}, {"沧林路", "新阳大道", "海沧大道", "马青路"}},
           {"同安区", 118.1520, 24.7230, 0.025, {"大同", "五显", "西柯", "新民", "祥平"}, {"环城南路", "同集中路", "银湖中路", "西柯街"}},
           {"翔安区", 118.2470, 24.6180, 0.025, {"马巷", "新店", "内田", "翔安新城", "大帽山"}, {"翔安南路", "民安大道", "新店路", "马巷街"}},
       }},
      {"qz", "泉州市", "0595",
       {
           {"鲤城区", 118.5450, 24.9130, 0.015, {"中山路", "西街", "开元寺", "浮桥", "江南", "金龙"}, {"中山中路", "温陵路", "新华北路", "江滨南路"}},
           {"丰泽区", 118.6330, 24.8900, 0.012, {"东海", "丰泽街", "田安路", "泉秀路", "城东", "北峰"}, {"丰泽街", "田安北路", "泉秀路", "东海大街"}},
           {"洛江区", 118.6650, 24.9450, 0.005, {"万安", "河市", "双阳", "马甲"}, {"万安街", "安吉路", "双阳街"}},
           {"泉港区", 118.8800, 25.1540, 0.030, {"山腰", "前黄", "南埔", "涂岭"}, {"驿峰路", "泉港大道", "沿海大通道"}},
           {"晋江市", 118.5520, 24.7810, 0.030, {"青阳", "梅岭", "安海", "磁灶", "池店", "西园", "五里园区"}, {"世纪大道", "泉安中路", "晋江大道", "青华路"}},
           {"石狮市", 118.6900, 24.7420, 0.025, {"宝盖", "服装城", "灵秀", "祥芝", "永宁"}, {"狮城大道", "八七路", "宝盖大道", "长福路"}},
           {"南安市", 118.3860, 24.9600, 0.030, {"溪美", "水头", "官桥", "柳城", "美林"}, {"成功街", "南安大道", "柳城路", "水头大道"}},
           {"惠安县", 118.7970, 25.0310, 0.025, {"螺城", "崇武", "东岭", "东园"}, {"建设路", "世纪大道", "崇武大道"}},
           {"安溪县", 118.1870, 25.0560, 0.030, {"凤城", "茶都", "城厢", "参内"}, {"河滨路", "大同路", "二环路"}},
       }},
      {"zz", "漳州市", "0596",
       {
           {"芗城区", 117.6300, 24.5450, 0.020, {"胜利路", "古城", "钱塘", "浦南", "南山", "西桥"}, {"胜利西路", "新华南路", "延安北路", "瑞京路"}},
           {"龙文区", 117.7280, 24.5320, 0.025, {"碧湖", "万达", "蓝田", "朝阳", "步文"}, {"水仙大街", "建元路", "九龙大道", "蓝田路"}},
           {"龙海区", 117.8180, 24.4470, 0.030, {"石码", "角美", "海澄", "紫泥", "东园"}, {"紫云路", "龙海大道", "角美大道", "海澄路"}},
           {"长泰区", 117.7590, 24.6250, 0.025, {"武安", "岩溪", "陈巷", "兴泰"}, {"武安路", "兴泰路", "岩溪路"}},
           {"漳浦县", 117.6140, 24.1170, 0.030, {"绥安", "旧镇", "赤湖", "石榴"}, {"府前街", "金浦路", "石榴路"}},
           {"云霄县", 117.3400, 23.9580, 0.020, {"云陵", "莆美", "火田", "东厦"}, {"将军大道", "云陵路", "中山路"}},
           {"诏安县", 117.1750, 23.7120, 0.020, {"南诏", "四都", "深桥", "金星"}, {"中山路", "东城大道", "南诏路"}},
           {"东山县", 117.4300, 23.7010, 0.015, {"铜陵", "西埔", "康美", "陈城"}, {"铜陵路", "西埔路", "环岛路"}},
           {"南靖县", 117.3570, 24.5150, 0.025, {"山城", "书洋", "靖城", "金山"}, {"兰陵路", "山城大道", "靖城路"}},
           {"平和县", 117.3130, 24.3630, 0.025, {"小溪", "霞寨", "文峰", "山格"}, {"东大街", "平和大道", "文峰路"}},
           {"华安县", 117.5340, 25.0050, 0.020, {"华丰", "仙都", "丰山", "琼头"}, {"华丰大道", "仙都路", "中山路"}},
       }},
      {"pt", "莆田市", "0594",
       {
           {"城厢区", 119.0000, 25.4330, 0.012, {"凤凰山", "霞林", "龙桥", "华亭", "常太"}, {"学园路", "东园路", "荔华大道", "霞林路"}},
           {"荔城区", 119.0300, 25.4350, 0.010, {"镇海", "拱辰", "黄石", "新度", "西天尾"}, {"文献路", "胜利路", "拱辰路", "荔园路"}},
           {"涵江区", 119.1160, 25.4590, 0.020, {"涵东", "江口", "三江口", "白塘"}, {"涵华路", "宫下路", "江口路"}},
           {"秀屿区", 119.1060, 25.3180, 0.025, {"南日", "东庄", "平海", "月塘"}, {"秀屿大道", "东庄路", "南日路"}},
           {"仙游县", 118.6920, 25.3620, 0.030, {"鲤城", "榜头", "枫亭", "度尾"}, {"八二一街", "紫泽路", "学府路"}},
       }},
      {"sm", "三明市", "0598",
       {
           {"三元区", 117.6080, 26.2340, 0.015, {"列东", "城关", "富兴堡", "白沙", "荆西"}, {"列东街", "新市中路", "崇桂路", "工业路"}},
           {"沙县区", 117.7930, 26.3970, 0.020, {"凤岗", "西霞", "小吃城", "青州"}, {"府西路", "金沙路", "建国路"}},
           {"永安市", 117.3650, 25.9420, 0.025, {"燕江", "贡川", "西门", "大湖"}, {"燕江东路", "五四路", "和平路"}},
           {"尤溪县", 118.1900, 26.1700, 0.020, {"城关", "西城", "洋中"}, {"水东路", "城关路", "沈郎路"}},
           {"宁化县", 116.6550, 26.2620, 0.020, {"翠江", "石壁", "城南"}, {"中环路", "北大路", "翠江路"}},
           {"大田县", 117.8470, 25.6930, 0.020, {"均溪", "石牌", "上京"}, {"东二环", "均溪路", "新城路"}},
       }},
      {"np", "南平市", "0599",
       {
           {"延平区", 118.1810, 26.6380, 0.015, {"八一路", "滨江", "水东", "西芹", "来舟"}, {"八一路", "滨江中路", "府前路", "解放路"}},
           {"建阳区", 118.1200, 27.3320, 0.020, {"潭城", "童游", "将口", "水吉"}, {"人民路", "童游大道", "考亭路"}},
           {"武夷山市", 118.0350, 27.7560, 0.025, {"崇安", "度假区", "星村", "新丰"}, {"崇安路", "大王峰路", "五夫路"}},
           {"建瓯市", 118.3050, 27.0230, 0.020, {"芝山", "通济", "东峰", "小桥"}, {"芝城路", "通济路", "建安路"}},
           {"邵武市", 117.4920, 27.3400, 0.020, {"昭阳", "水北", "通泰", "晒口"}, {"五一九路", "熙春路", "东关路"}},
       }},
      {"ly", "龙岩市", "0597",
       {
           {"新罗区", 117.0370, 25.0980, 0.020, {"中城", "东肖", "西城", "曹溪", "南城", "东城"}, {"龙岩大道", "九一北路", "登高西路", "龙腾中路"}},
           {"永定区", 116.7320, 24.7230, 0.025, {"凤城", "湖坑", "坎市", "高头"}, {"凤城路", "永定大道", "城南路"}},
           {"漳平市", 117.4200, 25.2910, 0.020, {"城关", "桂林", "和平"}, {"和平路", "城南路", "九一路"}},
           {"长汀县", 116.3570, 25.8330, 0.020, {"汀州", "古城", "大同", "策武"}, {"兆征路", "汀州大道", "南大街"}},
           {"上杭县", 116.4200, 25.0500, 0.020, {"临江", "古田", "临城", "城南"}, {"北大路", "瓦子街", "城南路"}},
           {"连城县", 116.7540, 25.7100, 0.020, {"莲峰", "文川", "北团"}, {"莲城大道", "北大路", "西康路"}},
       }},
      {"nd", "宁德市", "0593",
       {
           {"蕉城区", 119.5260, 26.6600, 0.020, {"蕉南", "蕉北", "东侨", "漳湾", "城南"}, {"天湖东路", "闽东中路", "蕉城南路", "福宁北路"}},
           {"福安市", 119.6480, 27.0880, 0.020, {"城阳", "阳头", "穆阳", "溪柄"}, {"福安大道", "阳泉路", "富春路"}},
           {"福鼎市", 120.2170, 27.3240, 0.020, {"桐山", "太姥山", "店下", "山前"}, {"太姥大道", "桐山路", "桐城路"}},
           {"霞浦县", 120.0050, 26.8860, 0.020, {"松城", "三沙", "长春", "松港"}, {"福宁大道", "松城路", "新桥路"}},
           {"古田县", 118.7460, 26.5780, 0.020, {"城东", "大桥", "平湖", "城西"}, {"新华路", "六一四路", "古田大道"}},
           {"柘荣县", 119.9000, 27.2340, 0.015, {"双城", "富溪", "城郊"}, {"东源路", "双城路", "柳城路"}},
       }},
  };
  return kFujian;
}

// A station's week, chosen like real stations' notices read: office hours, long days for
// outdoor workers (sanitation shifts start before 6), split days, weekends shorter.
WeeklyHours regular_hours(Rng& rng) {
  WeeklyHours h;
  auto all = [&](int from, int to, int days = 7) {
    for (int d = 0; d < days; ++d) h.days[static_cast<size_t>(d)] = {{from, to}};
  };
  switch (rng.below(7)) {
    case 0: all(8 * 60 + 30, 17 * 60 + 30, 5); break;                     // 周一至周五 08:30–17:30
    case 1: all(8 * 60, 20 * 60); break;                                  // 每天 08:00–20:00
    case 2: all(6 * 60, 22 * 60); break;                                  // 每天 06:00–22:00
    case 3: all(5 * 60 + 30, 21 * 60); break;                             // 环卫早班 05:30–21:00
    case 4:                                                               // 周一至周六，午休
      for (int d = 0; d < 6; ++d) h.days[static_cast<size_t>(d)] = {{7 * 60 + 30, 12 * 60}, {14 * 60, 19 * 60}};
      break;
    case 5:                                                               // 工作日长，周末短
      all(8 * 60, 21 * 60, 5);
      h.days[5] = h.days[6] = {{9 * 60, 17 * 60}};
      break;
    default:                                                              // 夜班：每天 09:00 至次日 02:00
      all(9 * 60, 2 * 60);
      break;
  }
  return h;
}

stations::Amenities regular_amenities(Rng& rng) {
  stations::Amenities a = bit(Amenity::drinking_water) | bit(Amenity::rest_seats) | bit(Amenity::phone_charging);
  auto maybe = [&](Amenity x, int percent) {
    if (rng.chance(percent)) a |= bit(x);
  };
  maybe(Amenity::hot_water, 85);
  maybe(Amenity::microwave, 60);
  maybe(Amenity::toilet, 70);
  maybe(Amenity::air_conditioning, 75);
  maybe(Amenity::ebike_charging, 35);
  maybe(Amenity::first_aid, 55);
  maybe(Amenity::books, 40);
  maybe(Amenity::face_scan_entry, 15);
  return a;
}

std::string phone(Rng& rng, const char* area_code) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%s-%d%07d", area_code, 2 + rng.below(7), rng.below(10'000'000));
  return buf;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string number_label(int n) { return std::to_string(n) + "号"; }

}  // namespace

bool fujian_district_centre(const std::string& district, double& lon, double& lat) {
  for (const Prefecture& p : fujian())
    for (const District& d : p.districts)
      if (district == d.name) {
        lon = d.lon;
        lat = d.lat;
        return true;
      }
  return false;
}

std::vector<Station> make_fujian_stations(std::uint64_t seed) {
  Rng rng(seed ^ 0x73746174696F6E73ull);  // "stations"
  std::vector<Station> out;
  std::set<std::string> names;
  // How many of each kind per prefecture; Fuzhou's lockers sit in its five city districts,
  // Zhangzhou's self-service stations spread over the whole prefecture.
  struct Plan {
    int regular, lockers, self_service, locker_districts;
  };
  const Plan plans[] = {{45, kFuzhouSmartLockers, 0, 5}, {44, 0, 0, 0}, {42, 0, 0, 0}, {20, 0, kZhangzhouSelfService, 0}, {18, 0, 0, 0},
                        {16, 0, 0, 0},                   {16, 0, 0, 0}, {18, 0, 0, 0}, {18, 0, 0, 0}};
  size_t pi = 0;
  for (const Prefecture& p : fujian()) {
    const Plan plan = plans[pi++];
    int serial = 0;
    auto make = [&](StationKind kind, const District& d) {
      Station s;
      char id[16];
      std::snprintf(id, sizeof id, "%s-%03d", p.code, ++serial);
      s.id = id;
      s.city = p.city;
      s.district = d.name;
      s.kind = kind;
      const char* suffix = kind == StationKind::smart_locker       ? "智能柜驿站"
                           : kind == StationKind::self_service_24h ? "24小时自助驿站"
                           : rng.chance(65)                         ? "工会驿站"
                                                                    : "户外劳动者服务站";
      // The landmark names the station; if that name is taken in the district, the road
      // disambiguates (鼓楼区五四路工会驿站 / 鼓楼区华林路东街口工会驿站), then a number.
      const char* landmark = d.landmarks[static_cast<size_t>(rng.below(static_cast<int>(d.landmarks.size())))];
      const char* road = d.roads[static_cast<size_t>(rng.below(static_cast<int>(d.roads.size())))];
      std::string name = std::string(d.name) + landmark + suffix;
      if (names.count(name)) name = std::string(d.name) + road + landmark + suffix;
      for (int k = 2; names.count(name); ++k) name = std::string(d.name) + landmark + std::to_string(k) + "号" + suffix;
      names.insert(name);
      s.name = name;
      s.address = std::string(p.city) + d.name + road + number_label(1 + rng.below(388));
      if (rng.chance(40)) s.address += std::string("（") + landmark + "附近）";
      s.lon = round6(d.lon + rng.unit() * d.spread);
      s.lat = round6(d.lat + rng.unit() * d.spread * 0.85);
      s.operator_union = rng.chance(80) ? std::string(p.city) + d.name + "总工会" : std::string(p.city) + "总工会";
      if (ends_with(d.name, "市")) s.operator_union = std::string(d.name) + "总工会";  // county-level city: 晋江市总工会
      s.phone = phone(rng, p.area_code);
      if (kind == StationKind::smart_locker) {
        s.hours.always_open = true;  // the lockers are reachable around the clock
        s.amenities = bit(Amenity::smart_locker) | bit(Amenity::face_scan_entry) | bit(Amenity::phone_charging) |
                      bit(Amenity::drinking_water) | (rng.chance(50) ? bit(Amenity::ebike_charging) : 0);
      } else if (kind == StationKind::self_service_24h) {
        s.hours.always_open = true;
        s.amenities = bit(Amenity::face_scan_entry) | bit(Amenity::drinking_water) | bit(Amenity::hot_water) |
                      bit(Amenity::microwave) | bit(Amenity::phone_charging) | bit(Amenity::rest_seats) |
                      bit(Amenity::air_conditioning) | (rng.chance(60) ? bit(Amenity::ebike_charging) : 0) |
                      (rng.chance(50) ? bit(Amenity::first_aid) : 0);
      } else {
        s.hours = regular_hours(rng);
        s.amenities = regular_amenities(rng);
      }
      out.push_back(std::move(s));
    };
    const auto& ds = p.districts;
    for (int i = 0; i < plan.lockers; ++i) make(StationKind::smart_locker, ds[static_cast<size_t>(i % plan.locker_districts)]);
    for (int i = 0; i < plan.self_service; ++i) make(StationKind::self_service_24h, ds[static_cast<size_t>(i % static_cast<int>(ds.size()))]);
    // Regular stations: the first districts (the city centre) get more.
    for (int i = 0; i < plan.regular; ++i) {
      const int n = static_cast<int>(ds.size());
      const int di = rng.chance(50) ? rng.below(std::min(n, 3)) : rng.below(n);
      make(StationKind::regular, ds[static_cast<size_t>(di)]);
    }
  }
  return out;
}

// ---- national stress set ----

namespace {

// Provinces with a rough box of where their cities lie (inside the province), weighted by
// population. Names and syllables use only GB2312 level-1 characters.
struct Province {
  const char* name;
  double lon0, lat0, lon1, lat1;
  int weight;
};
constexpr Province kProvinces[] = {
    {"北京市", 116.0, 39.7, 116.8, 40.2, 22},   {"天津市", 117.0, 38.9, 117.6, 39.4, 14},  {"河北省", 114.3, 36.8, 118.9, 40.5, 75},
    {"山西省", 111.2, 35.3, 113.6, 39.5, 35},   {"内蒙古自治区", 107.0, 40.3, 122.0, 44.0, 24}, {"辽宁省", 121.0, 39.2, 124.5, 42.3, 42},
    {"吉林省", 124.3, 42.5, 128.5, 45.0, 24},   {"黑龙江省", 124.5, 45.3, 131.0, 47.5, 31}, {"上海市", 121.2, 30.9, 121.8, 31.4, 25},
    {"江苏省", 117.5, 31.5, 121.0, 34.3, 85},   {"浙江省", 118.8, 28.2, 121.5, 30.6, 65},  {"安徽省", 115.8, 30.0, 118.5, 33.5, 61},
    {"福建省", 116.8, 24.5, 119.6, 26.7, 41},   {"江西省", 114.0, 25.8, 117.5, 29.5, 45},  {"山东省", 115.5, 35.0, 121.5, 37.5, 101},
    {"河南省", 111.5, 32.3, 115.5, 35.8, 99},   {"湖北省", 110.5, 29.8, 115.5, 31.8, 58},  {"湖南省", 110.0, 25.8, 113.8, 29.3, 66},
    {"广东省", 110.3, 21.5, 116.5, 24.5, 126},  {"广西壮族自治区", 106.8, 22.3, 110.8, 25.5, 50}, {"海南省", 109.2, 18.5, 110.5, 19.9, 10},
    {"重庆市", 106.0, 29.0, 108.5, 30.8, 32},   {"四川省", 102.5, 28.5, 107.5, 32.0, 84},  {"贵州省", 104.8, 25.5, 108.5, 28.0, 39},
    {"云南省", 100.0, 23.0, 104.0, 26.5, 47},   {"西藏自治区", 88.0, 29.0, 94.0, 31.0, 4}, {"陕西省", 107.0, 33.0, 110.0, 37.5, 40},
    {"甘肃省", 100.5, 34.5, 106.0, 39.0, 25},   {"青海省", 96.0, 35.5, 102.0, 37.0, 6},    {"宁夏回族自治区", 105.5, 36.0, 106.8, 38.8, 7},
    {"新疆维吾尔自治区", 80.0, 39.5, 88.0, 44.5, 26},
};

constexpr const char* kPlaceA[] = {"东", "西", "南", "北", "中", "新", "长", "安", "和", "平", "兴", "华", "宁", "永", "太",
                                   "大", "青", "河", "山", "清", "金", "龙", "阳", "江", "海", "建", "白", "石", "高", "丰"};
constexpr const char* kPlaceB[] = {"城", "山", "阳", "平", "安", "州", "江", "河", "林", "宁", "川", "原", "湖", "桥", "台",
                                   "口", "庄", "乡", "水", "泉", "塘", "沙", "田", "峰", "岭", "门", "港", "坪", "溪", "村"};
constexpr const char* kRoads[] = {"人民路", "解放路", "中山路", "建设路", "新华路", "和平路", "胜利路", "文化路", "光明路",
                                  "长江路", "黄河路", "复兴路", "团结路", "幸福路", "工业路", "学院路", "朝阳路", "红旗路",
                                  "友谊路", "民主路", "东风路", "前进路", "青年路", "春风路", "环城路", "车站路", "滨江路",
                                  "花园路", "府前路", "北京路"};
constexpr const char* kSuffixes[] = {"工会驿站", "户外劳动者服务站", "爱心驿站", "职工驿站"};
constexpr const char* kDistrictKinds[] = {"区", "区", "县", "市"};

}  // namespace

std::vector<Station> make_national_stations(std::uint64_t seed, int count) {
  Rng rng(seed ^ 0x6E6174696F6E616Cull);  // "national"
  int total_weight = 0;
  for (const Province& p : kProvinces) total_weight += p.weight;
  std::vector<Station> out;
  out.reserve(static_cast<size_t>(std::max(count, 0)));
  int made = 0;
  for (size_t pi = 0; pi < std::size(kProvinces) && made < count; ++pi) {
    const Province& p = kProvinces[pi];
    // The province's share, the last one takes what is left so the total is exact.
    const int share = pi + 1 == std::size(kProvinces) ? count - made
                                                       : std::min(count - made, static_cast<int>(static_cast<long long>(count) * p.weight / total_weight));
    // Cities of ~600 stations each, districts of ~60: names come from two syllable pools.
    const int cities = std::max(1, share / 600);
    for (int c = 0; c < cities; ++c) {
      const int in_city = c + 1 == cities ? share - (share / cities) * c : share / cities;
      const bool municipality = ends_with(p.name, "市");
      const std::string city = municipality ? p.name : std::string(rng.pick(kPlaceA)) + rng.pick(kPlaceB) + "市";
      const double clon = p.lon0 + (p.lon1 - p.lon0) * (rng.unit() + 1) / 2;
      const double clat = p.lat0 + (p.lat1 - p.lat0) * (rng.unit() + 1) / 2;
      const std::string union_name = city + "总工会";
      const int districts = std::max(1, in_city / 60);
      for (int d = 0; d < districts; ++d) {
        const std::string district = std::string(rng.pick(kPlaceA)) + rng.pick(kPlaceB) + rng.pick(kDistrictKinds);
        const double dlon = clon + rng.unit() * 0.25, dlat = clat + rng.unit() * 0.2;
        const std::string area_code = "0" + std::to_string(100 + rng.below(900));
        const int in_district = d + 1 == districts ? in_city - (in_city / districts) * d : in_city / districts;
        for (int i = 0; i < in_district; ++i) {
          Station s;
          char id[16];
          std::snprintf(id, sizeof id, "cn%06d", ++made);
          s.id = id;
          s.city = city;
          s.district = district;
          const char* road = rng.pick(kRoads);
          s.name = district + road + rng.pick(kSuffixes);
          s.address = city + district + road + number_label(1 + rng.below(300));
          s.lon = round6(dlon + rng.unit() * 0.06);
          s.lat = round6(dlat + rng.unit() * 0.05);
          const int k = rng.below(100);
          s.kind = k < 8 ? StationKind::smart_locker : k < 16 ? StationKind::self_service_24h : StationKind::regular;
          if (s.kind == StationKind::regular) {
            s.hours = regular_hours(rng);
            s.amenities = regular_amenities(rng);
          } else {
            s.hours.always_open = true;
            s.amenities = bit(Amenity::face_scan_entry) | bit(Amenity::drinking_water) | bit(Amenity::phone_charging) |
                          (s.kind == StationKind::smart_locker ? bit(Amenity::smart_locker) : bit(Amenity::microwave));
          }
          s.operator_union = rng.chance(75) ? city + district + "总工会" : union_name;
          s.phone = phone(rng, area_code.c_str());
          out.push_back(std::move(s));
        }
      }
    }
  }
  return out;
}

}  // namespace hg::demo
