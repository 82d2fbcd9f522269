// /api/v1/stations: the station set as a binary snapshot (gzip when asked) and deltas, station
// create/edit for union staff, ratings from the QR code, check-ins and visits, and the
// monthly evaluation with its cards. JSON bodies are the models in core/stations/wire.h.
//
//   GET  /api/v1/stations/snapshot                 encode_snapshot bytes, ETag "<version>"
//   GET  /api/v1/stations/delta?since=<version>    encode_delta bytes; 410 when too old or unknown
//   POST /api/v1/stations                          union_admin   {"station": Station} → 201 {"station": StationSaved}
//   PUT  /api/v1/stations/{id}                     union_admin   {"station": Station} → 200 {"station": StationSaved}
//   POST /api/v1/stations/{id}/ratings             member        {"rating": RatingInput} → 201 {"rating_result": …}
//   GET  /api/v1/stations/{id}/ratings             public        → {"ratings": RatingPage}
//   POST /api/v1/stations/{id}/checkins            locker (own station) | union_admin  {"checkin": {"kind"}}
//   POST /api/v1/stations/{id}/visits              locker (own station) | member | union_admin  {"visit": {"method"}}
//   GET  /api/v1/stations/evaluation?month=YYYY-MM union_admin   → {"evaluation": EvaluationReport}
//   POST /api/v1/stations/evaluation/run?month=…   union_admin   → 201 {"evaluation": EvaluationReport}
//   POST /api/v1/stations/{id}/cards/{card}/lift   union_admin   → {"card": CardRecord}
//   GET|PUT /api/v1/stations/evaluation/thresholds union_admin   {"thresholds": ThresholdsView}
// Every POST/PUT carries an Idempotency-Key and is group-committed.
//
// Sections:
//   snapshot cache  the encoded, gzipped snapshot of the current version, shared by every reader
//   binary answers  gzip negotiation, ETag matching, 410 for a delta too old
//   station checks  new ids, validating an edited station, who may touch which station
//   routes          every endpoint, in the order of the list above
#include "server/stations/routes.h"

#include <memory>
#include <mutex>
#include <optional>
#include <random>

#include "core/ids.h"
#include "core/json.h"
#include "core/stations/snapshot.h"
#include "core/stations/wire.h"
#include "server/api_error.h"
#include "server/auth/require.h"
#include "server/body.h"
#include "server/stations/gzip.h"
#include "server/stations/station_repo.h"
#include "server/write_route.h"

namespace hg::srv {

using namespace hg::stations;

namespace {

// ---- snapshot cache ----

constexpr const char* kBinaryType = "application/octet-stream";
constexpr std::size_t kGzipAtLeast = 512;  // smaller bodies are not worth compressing

// The snapshot of one version, encoded and gzipped once: a morning rush of app starts all get
// the same shared bytes instead of each re-reading 150,000 rows and recompressing them.
class SnapshotCache {
 public:
  struct Entry {
    std::uint64_t version = 0;
    std::shared_ptr<const std::string> raw, gz;
  };
  Entry get(Store& store, UnixSeconds now) {
    const std::uint64_t current = store.read([](Db& db) { return station_repo::version(db); });
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (entry_.raw && entry_.version == current) return entry_;
    }
    // One builder at a time; whoever waited finds the fresh entry.
    std::lock_guard<std::mutex> build(build_mu_);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (entry_.raw && entry_.version >= current) return entry_;
    }
    StationSnapshot s = store.read([](Db& db) {
      Transaction txn(db, Transaction::Kind::deferred);  // version and rows from one snapshot of the file
      StationSnapshot snap;
      snap.version = station_repo::version(db);
      snap.stations = station_repo::all(db);
      return snap;
    });
    s.generated_at = now;
    Entry e;
    e.version = s.version;
    e.raw = std::make_shared<const std::string>(encode_snapshot(s));
    e.gz = std::make_shared<const std::string>(gzip_compress(*e.raw));
    std::lock_guard<std::mutex> lock(mu_);
    if (!entry_.raw || e.version >= entry_.version) entry_ = e;
    return e;
  }

 private:
  std::mutex mu_, build_mu_;
  Entry entry_;
};

// ---- binary answers ----

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Accept-Encoding names gzip (or *) without q=0.
bool accepts_gzip(const Request& req) {
  const std::string* h = req.header("accept-encoding");
  if (!h) return false;
  std::string_view v = *h;
  while (!v.empty()) {
    const size_t comma = v.find(',');
    std::string_view item = trim(v.substr(0, comma));
    const size_t semi = item.find(';');
    const std::string_view name = trim(item.substr(0, semi));
    bool zero = false;
    if (semi != std::string_view::npos) {
      std::string_view q = trim(item.substr(semi + 1));
      zero = q.size() >= 3 && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=' && q.find_first_not_of("0.", 2) == std::string_view::npos;
    }
    if ((iequals(name, "gzip") || name == "*") && !zero) return true;
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return false;
}

bool etag_matches(const Request& req, const std::string& etag) {
  const std::string* h = req.header("if-none-match");
  if (!h) return false;
  std::string_view v = *h;
  while (!v.empty()) {
    const size_t comma = v.find(',');
    std::string_view tag = trim(v.substr(0, comma));
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == etag || tag == "*") return true;
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return false;
}

Response binary(const Request& req, std::shared_ptr<const std::string> raw, std::shared_ptr<const std::string> gz) {
  Response r;
  r.status = 200;
  r.content_type = kBinaryType;
  r.set_header("Vary", "Accept-Encoding");
  if (gz && accepts_gzip(req)) {
    r.set_header("Content-Encoding", "gzip");
    r.shared_body = std::move(gz);
  } else {
    r.shared_body = std::move(raw);
  }
  return r;
}

Response gone(const char* zh, const char* en) {
  return Response::error(410, make_error(Errc::conflict, zh, en));
}

// ---- station checks ----

std::string new_station_id(UnixSeconds now) {
  static std::mutex mu;
  static IdGenerator ids{std::random_device{}() | (static_cast<std::uint64_t>(std::random_device{}()) << 32)};
  std::lock_guard<std::mutex> lock(mu);
  std::string id = id_to_string(ids.next(std::max<UnixSeconds>(now, 0) * 1000));
  for (char& c : id)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return "st-" + id;
}

// What union staff may save: the snapshot's field checks plus China's bounds, a real name
// and a week that opens at all.
// Creating without an id (`creating_at` set) gets a fresh "st-…" id.
Station checked_station(Station st, const std::string& path_id, std::optional<UnixSeconds> creating_at) {
  if (creating_at && st.id.empty()) st.id = new_station_id(*creating_at);
  if (!path_id.empty()) {
    if (!st.id.empty() && st.id != path_id)
      fail(Errc::invalid_input, "请求体中的驿站编号与地址不符", "The station id in the body does not match the URL");
    st.id = path_id;
  }
  bool blank = true;
  for (char c : st.name) blank = blank && (c == ' ' || c == '\t');
  if (blank) fail(Errc::invalid_input, "请填写驿站名称", "The station needs a name");
  if (auto e = validate_station_fields(st)) fail(*e);
  std::size_t chars = 0;
  for (char c : st.name) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > 50) fail(Errc::invalid_input, "驿站名称最多 50 个字", "Station name is at most 50 characters");
  if (!(st.lon >= 73.0 && st.lon <= 136.0 && st.lat >= 3.0 && st.lat <= 54.0))
    fail(Errc::invalid_input, "坐标不在中国境内（GCJ-02 经纬度）", "Coordinates are outside China (GCJ-02 lon/lat)");
  if (st.city.empty() || st.district.empty() || st.address.empty())
    fail(Errc::invalid_input, "请填写城市、区县和地址", "City, district and address are required");
  if (!st.hours.always_open) {
    bool any = false;
    for (const auto& day : st.hours.days) any = any || !day.empty();
    if (!any) fail(Errc::invalid_input, "请填写营业时间或设为 24 小时", "Give opening hours or mark the station 24h");
    for (const auto& day : st.hours.days)
      for (const OpenInterval& i : day)
        if (i.open_min == i.close_min)
          fail(Errc::invalid_input, "营业时段的开始和结束不能相同", "An opening interval cannot start and end at the same time");
  }
  return st;
}

Station listed_station(Db& db, const std::string& id) {
  std::optional<Station> st = station_repo::find(db, id);
  if (!st) fail(Errc::not_found, "没有这个驿站", "No such station");
  if (!st->listed()) fail(Errc::conflict, "该驿站已摘牌", "This station has been delisted");
  return *st;
}

// Locker accounts act for their own station only.
void require_own_station(const Principal& me, const std::string& station_id) {
  if (me.role == Role::locker && me.subject != station_id) fail(forbidden_error());
}

}  // namespace

// ---- routes ----

void add_stations_routes(Router& router, ApiContext& ctx) {
  auto cache = std::make_shared<SnapshotCache>();

  router.add("GET", "/api/v1/stations/snapshot", Run::on_worker, [&ctx, cache](const Request& req) {
    const SnapshotCache::Entry e = cache->get(ctx.store, ctx.now());
    const std::string etag = "\"" + std::to_string(e.version) + "\"";
    Response r;
    if (etag_matches(req, etag)) {
      r.status = 304;
    } else {
      r = binary(req, e.raw, e.gz);
    }
    r.set_header("ETag", etag);
    r.set_header("Cache-Control", "no-cache");
    r.set_header("X-Station-Version", std::to_string(e.version));
    return r;
  });

  router.add("GET", "/api/v1/stations/delta", Run::on_worker, [&ctx](const Request& req) {
    const std::string since_text = req.query("since");
    if (since_text.empty() || since_text.size() > 19 || since_text.find_first_not_of("0123456789") != std::string::npos)
      fail(Errc::invalid_input, "since 须为版本号（非负整数）", "since must be a version number (a non-negative integer)");
    const std::uint64_t since = std::stoull(since_text);
    struct Out {
      std::uint64_t version, pruned;
      std::string bytes;
    };
    const Out out = ctx.store.read([&](Db& db) {
      Transaction txn(db, Transaction::Kind::deferred);
      Out o{station_repo::version(db), station_repo::pruned_through(db), {}};
      if (since <= o.version && since >= o.pruned) o.bytes = encode_delta(station_repo::delta_since(db, since));
      return o;
    });
    if (since > out.version)
      return gone("没有这个数据版本，请重新下载驿站数据", "Unknown station data version; download the snapshot again");
    if (since < out.pruned)
      return gone("本地驿站数据太旧，请重新下载全部数据", "Local station data is too old; download the snapshot again");
    auto raw = std::make_shared<const std::string>(out.bytes);
    auto gz = raw->size() >= kGzipAtLeast && accepts_gzip(req) ? std::make_shared<const std::string>(gzip_compress(*raw)) : nullptr;
    Response r = binary(req, raw, gz);
    r.set_header("X-Station-Version", std::to_string(out.version));
    return r;
  });

  for (const bool create : {true, false}) {
    add_idempotent_write<Station>(
        router, ctx, {create ? "POST" : "PUT", create ? "/api/v1/stations" : "/api/v1/stations/{id}", {Role::union_admin}, kStationJson},
        [&ctx, create](const Request& req, const Principal& me, Station in) {
          Station st = checked_station(std::move(in), create ? "" : std::string(req.param("id")),
                                       create ? std::optional<UnixSeconds>(ctx.now()) : std::nullopt);
          return [account = me.account_id, st = std::move(st), create](Db& db, UnixSeconds now) {
            const std::optional<Station> old = station_repo::find(db, st.id);
            if (create && old) fail(Errc::conflict, "驿站编号已存在：" + st.id, "Station id already exists: " + st.id);
            if (!create && !old) fail(Errc::not_found, "没有这个驿站", "No such station");
            StationSaved saved;
            saved.station = st;
            saved.version = station_repo::save(db, st, create ? "create" : "edit", account, now);
            return Response::json(create ? 201 : 200, to_json(kStationJson, saved));
          };
        });
  }

  add_idempotent_write<RatingInput>(
      router, ctx, {"POST", "/api/v1/stations/{id}/ratings", {Role::member}, kRatingInputJson},
      [](const Request& req, const Principal& me, RatingInput in) {
        Rating r;
        r.station_id = std::string(req.param("id"));
        r.member_id = me.subject;
        r.stars = in.stars;
        r.tags = std::move(in.tags);
        r.comment = std::move(in.comment);
        if (auto e = validate(r)) fail(*e);
        if (!valid_utf8(r.comment)) fail(Errc::invalid_input, "评价内容编码有误", "The comment is not valid UTF-8");
        return [r = std::move(r)](Db& db, UnixSeconds now) {
          listed_station(db, r.station_id);
          Rating rated = r;
          rated.at = now;
          const std::string day = period_key(Period::Day, now);
          if (station_repo::rated_on(db, rated.member_id, rated.station_id, day))
            fail(Errc::conflict, "今天已经评价过这个驿站了，每个驿站每天只能评价一次，明天再来吧",
                 "You have already rated this station today; one rating per station per day (China time)");
          station_repo::insert_rating(db, rated);
          RatingResult res{station_repo::rating_aggregate(db, rated.station_id), day, now};
          return Response::json(201, to_json(kRatingResultJson, res));
        };
      });

  router.add("GET", "/api/v1/stations/{id}/ratings", Run::on_worker, [&ctx](const Request& req) {
    const std::string id(req.param("id"));
    RatingPage page = ctx.store.read([&](Db& db) {
      if (!station_repo::find(db, id)) fail(Errc::not_found, "没有这个驿站", "No such station");
      return RatingPage{station_repo::rating_aggregate(db, id), station_repo::recent_ratings(db, id, 20)};
    });
    return Response::json(200, to_json(kRatingPageJson, page));
  });

  add_idempotent_write<CheckinInput>(
      router, ctx, {"POST", "/api/v1/stations/{id}/checkins", {Role::locker, Role::union_admin}, kCheckinJson},
      [](const Request& req, const Principal& me, CheckinInput in) {
        std::string id(req.param("id"));
        require_own_station(me, id);
        if (in.kind != "open" && in.kind != "close")
          fail(Errc::invalid_input, "打卡类型须为 open 或 close", "kind must be open or close");
        return [account = me.account_id, id = std::move(id), kind = std::move(in.kind)](Db& db, UnixSeconds now) {
          listed_station(db, id);
          station_repo::insert_checkin(db, id, kind == "open" ? CheckinKind::open : CheckinKind::close, now, account);
          return Response::json(201, to_json(kCheckinJson, CheckinResult{id, kind, now, format_cst(now)}));
        };
      });

  add_idempotent_write<VisitInput>(
      router, ctx, {"POST", "/api/v1/stations/{id}/visits", {Role::locker, Role::member, Role::union_admin}, kVisitJson},
      [](const Request& req, const Principal& me, VisitInput in) {
        std::string id(req.param("id"));
        require_own_station(me, id);
        if (in.method != "face_scan" && in.method != "qr" && in.method != "manual")
          fail(Errc::invalid_input, "进站方式须为 face_scan、qr 或 manual", "method must be face_scan, qr or manual");
        return [id = std::move(id), method = std::move(in.method)](Db& db, UnixSeconds now) {
          listed_station(db, id);
          station_repo::add_visits(db, id, method, now, 1);
          const std::string day = period_key(Period::Day, now);
          VisitResult res{id, method, now, day, station_repo::visits_on(db, id, day)};
          return Response::json(201, to_json(kVisitJson, res));
        };
      });

  router.add("GET", "/api/v1/stations/evaluation", Run::on_worker, [&ctx](const Request& req) {
    require_role(req, ctx, {Role::union_admin});
    const YearMonth m = month_query(req);
    EvaluationReport rep = ctx.store.read([&](Db& db) {
      Transaction txn(db, Transaction::Kind::deferred);
      return station_repo::report(db, m.year, m.month);
    });
    return Response::json(200, to_json(kEvaluationJson, rep));
  });

  add_idempotent_write(
      router, ctx, {"POST", "/api/v1/stations/evaluation/run", {Role::union_admin}},
      [&ctx](const Request& req, const Principal& me) {
        const YearMonth m = month_query(req);
        if (month_start(add_months(m, 1)) > ctx.now())
          fail(Errc::conflict, "该月尚未结束，月底之后才能评价", "The month is not over yet; evaluate it after its last day");
        return [account = me.account_id, m](Db& db, UnixSeconds now) {
          return Response::json(201, to_json(kEvaluationJson, station_repo::run_month(db, m.year, m.month, now, account)));
        };
      });

  router.add("GET", "/api/v1/stations/evaluation/thresholds", Run::on_worker, [&ctx](const Request& req) {
    require_role(req, ctx, {Role::union_admin});
    const EvaluationThresholds t = ctx.store.read([](Db& db) { return station_repo::thresholds(db); });
    return Response::json(200, to_json(kThresholdsJson, view_of(t)));
  });

  add_idempotent_write<ThresholdsView>(
      router, ctx, {"PUT", "/api/v1/stations/evaluation/thresholds", {Role::union_admin}, kThresholdsJson},
      [](const Request&, const Principal&, ThresholdsView v) {
        if (v.grace_minutes < 0 || v.grace_minutes > 240 || v.max_late_days < 0 || v.max_late_days > 31 ||
            !(v.min_mean_stars >= 1 && v.min_mean_stars <= 5) || v.min_visits > 1'000'000 || v.min_ratings > 10'000)
          fail(Errc::invalid_input, "阈值超出范围：宽限 0–240 分钟，迟开天数 0–31，平均星级 1–5",
               "Thresholds out of range: grace 0–240 min, late days 0–31, mean stars 1–5");
        const EvaluationThresholds t = thresholds_of(v);
        return [t, v](Db& db, UnixSeconds) {
          station_repo::set_thresholds(db, t);
          return Response::json(200, to_json(kThresholdsJson, v));
        };
      });

  add_idempotent_write(
      router, ctx, {"POST", "/api/v1/stations/{id}/cards/{card}/lift", {Role::union_admin}},
      [](const Request& req, const Principal& me) {
        const std::string card_text(req.param("card"));
        if (card_text.empty() || card_text.size() > 18 || card_text.find_first_not_of("0123456789") != std::string::npos)
          fail(Errc::invalid_input, "牌号应为数字", "card must be a number");
        return [account = me.account_id, id = std::string(req.param("id")), card = std::stoll(card_text)](Db& db, UnixSeconds now) {
          return Response::json(200, to_json(kCardJson, station_repo::confirm_rectification(db, id, card, now, account)));
        };
      });
}

}  // namespace hg::srv
