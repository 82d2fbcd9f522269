// The stations API over real HTTP against a real server and SQLite file seeded with the
// Fujian demo stations: snapshot and delta, create/edit roles, idempotent ratings with the
// CST-day limit, check-ins and visits, the monthly evaluation and the /s/<id> deep link.
//
// Sections:
//   fixture             the seeded server, tokens, snapshots and a new station
//   snapshot and delta  the binary snapshot and the delta after an edit
//   writes              create/edit roles, ratings, check-ins and visits
//   evaluation          month boundaries, cards and lifting, thresholds
//   edges               the /s/<id> deep link, the national snapshot size, versionless bodies
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>

#include "core/json.h"
#include "core/models/notice.h"
#include "core/stations/snapshot.h"
#include "core/stations/wire.h"
#include "data/station_data.h"
#include "server/stations/gzip.h"
#include "server/stations/station_repo.h"
#include "server/store/sqlite.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

using namespace hg::stations;

std::atomic<int> g_key{1};
std::string fresh_key() { return "st-test-key-" + std::to_string(g_key++); }

// ---- fixture ----

// A demo server whose handlers see a clock the test moves.
class StationsServer {
 public:
  explicit StationsServer(UnixSeconds start) : now_(std::make_shared<std::atomic<std::int64_t>>(start)) {
    TestServerOptions o;
    auto clock = now_;
    o.clock = [clock] { return static_cast<UnixSeconds>(clock->load()); };
    server_ = std::make_unique<TestServer>(o);
  }
  std::uint16_t port() const { return server_->port(); }
  const TestServer& server() const { return *server_; }
  void set_now(UnixSeconds t) { now_->store(t); }
  UnixSeconds now() const { return now_->load(); }

  // A session token minted with the server's key (signing in runs Argon2id each time).
  std::string token(const std::string& login) { return mint_token(server_->db_path(), login, now() + 365 * 86400); }
  HttpReply send(const std::string& method, const std::string& target, const std::string& token, const std::string& body,
                 const std::string& key = fresh_key()) {
    Headers h = {{"Content-Type", "application/json"}, {"Idempotency-Key", key}};
    if (!token.empty()) h.emplace_back("Authorization", "Bearer " + token);
    return http_request(port(), method, target, h, body);
  }
  HttpReply get(const std::string& target, const std::string& token = "", Headers h = {}) {
    if (!token.empty()) h.emplace_back("Authorization", "Bearer " + token);
    return http_get(port(), target, h);
  }
  srv::Db db() { return srv::Db::open(server_->db_path()); }

 private:
  std::shared_ptr<std::atomic<std::int64_t>> now_;
  std::unique_ptr<TestServer> server_;
};

UnixSeconds cst(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) { return from_cst({{y, mo, d}, h, mi, s}); }

StationSnapshot fetch_snapshot(StationsServer& srv) {
  const HttpReply r = srv.get("/api/v1/stations/snapshot");
  EXPECT_EQ(r.status, 200);
  Result<StationSnapshot> s = decode_snapshot(r.body);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().en);
  return s.ok() ? s.value() : StationSnapshot{};
}

std::string station_json(const Station& s) { return to_json(kStationJson, s); }

Station new_station(const std::string& id) {
  Station s;
  s.id = id;
  s.name = "鼓楼区测试路工会驿站";
  s.city = "福州市";
  s.district = "鼓楼区";
  s.address = "福州市鼓楼区测试路1号";
  s.lon = 119.29;
  s.lat = 26.09;
  s.amenities = bit(Amenity::drinking_water) | bit(Amenity::hot_water);
  for (auto& day : s.hours.days) day = {{8 * 60, 18 * 60}};
  s.operator_union = "福州市鼓楼区总工会";
  s.phone = "0591-87000000";
  return s;
}

bool same(const Station& a, const Station& b) {
  return a.id == b.id && a.name == b.name && a.city == b.city && a.district == b.district && a.address == b.address &&
         a.lon == b.lon && a.lat == b.lat && a.kind == b.kind && a.amenities == b.amenities && a.status == b.status &&
         a.operator_union == b.operator_union && a.phone == b.phone && a.hours.always_open == b.hours.always_open &&
         to_json("h", a.hours) == to_json("h", b.hours);
}

// ---- snapshot and delta ----

TEST(StationsApi, SnapshotDecodesAndMatchesTheDatabase) {
  StationsServer srv(kTestNow);
  const HttpReply raw = srv.get("/api/v1/stations/snapshot");
  ASSERT_EQ(raw.status, 200);
  EXPECT_EQ(raw.header("Content-Type"), "application/octet-stream");
  EXPECT_FALSE(raw.has_header("Content-Encoding"));
  Result<StationSnapshot> snap = decode_snapshot(raw.body);
  ASSERT_TRUE(snap.ok()) << snap.error().en;

  srv::Db db = srv.db();
  const std::vector<Station> rows = srv::station_repo::all(db);
  EXPECT_EQ(snap.value().version, srv::station_repo::version(db));
  EXPECT_EQ(raw.header("ETag"), "\"" + std::to_string(snap.value().version) + "\"");
  ASSERT_EQ(snap.value().stations.size(), rows.size());
  ASSERT_GT(rows.size(), 300u);
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_TRUE(same(snap.value().stations[i], rows[i])) << rows[i].id;
  int lockers = 0, self_service = 0, carded = 0;
  for (const Station& s : rows) {
    lockers += s.kind == StationKind::smart_locker && s.city == "福州市";
    self_service += s.kind == StationKind::self_service_24h && s.city == "漳州市";
    carded += s.status != StationStatus::open;
  }
  EXPECT_EQ(lockers, demo::kFuzhouSmartLockers);
  EXPECT_EQ(self_service, demo::kZhangzhouSelfService);
  EXPECT_GT(carded, 0) << "the seeded evaluations give some stations cards";

  // gzip when asked: same bytes after inflating, much smaller on the wire.
  const HttpReply gz = srv.get("/api/v1/stations/snapshot", "", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_EQ(gz.status, 200);
  EXPECT_EQ(gz.header("Content-Encoding"), "gzip");
  EXPECT_EQ(gz.header("Vary"), "Accept-Encoding");
  EXPECT_EQ(srv::gzip_decompress(gz.body), raw.body);
  EXPECT_LT(gz.body.size() * 2, raw.body.size());
  EXPECT_FALSE(srv.get("/api/v1/stations/snapshot", "", {{"Accept-Encoding", "gzip;q=0"}}).has_header("Content-Encoding"));

  // The client revalidates with its ETag: 304 while nothing changed.
  const HttpReply again = srv.get("/api/v1/stations/snapshot", "", {{"If-None-Match", raw.header("ETag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST(StationsApi, DeltaAfterAnEditHoldsExactlyTheChange) {
  StationsServer srv(kTestNow);
  const std::string admin = srv.token("admin");
  StationSnapshot base = fetch_snapshot(srv);
  ASSERT_FALSE(base.stations.empty());

  Station edited = base.stations[10];
  edited.name = "鼓楼区新名字工会驿站";
  edited.status = StationStatus::delisted;
  const HttpReply put = srv.send("PUT", "/api/v1/stations/" + edited.id, admin, station_json(edited));
  ASSERT_EQ(put.status, 200) << put.body;
  Result<StationSaved> saved = from_json<StationSaved>(put.body, kStationJson);
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved.value().version, base.version + 1);

  const HttpReply d = srv.get("/api/v1/stations/delta?since=" + std::to_string(base.version));
  ASSERT_EQ(d.status, 200) << d.body;
  Result<StationDelta> delta = decode_delta(d.body);
  ASSERT_TRUE(delta.ok()) << delta.error().en;
  EXPECT_EQ(delta.value().from_version, base.version);
  EXPECT_EQ(delta.value().to_version, base.version + 1);
  ASSERT_EQ(delta.value().upserts.size(), 1u);
  EXPECT_TRUE(same(delta.value().upserts[0], edited));
  EXPECT_TRUE(delta.value().removed_ids.empty());

  // Applying it gives what a fresh snapshot says.
  apply_delta(base, delta.value());
  const StationSnapshot fresh = fetch_snapshot(srv);
  ASSERT_EQ(base.stations.size(), fresh.stations.size());
  EXPECT_EQ(base.version, fresh.version);
  for (size_t i = 0; i < fresh.stations.size(); ++i) EXPECT_TRUE(same(base.stations[i], fresh.stations[i]));

  // Up to date: an empty delta. Bad input: 400. A version from the future: 410.
  const HttpReply none = srv.get("/api/v1/stations/delta?since=" + std::to_string(fresh.version));
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(decode_delta(none.body).value().upserts.empty());
  EXPECT_EQ(srv.get("/api/v1/stations/delta?since=abc").status, 400);
  EXPECT_EQ(srv.get("/api/v1/stations/delta").status, 400);
  EXPECT_EQ(srv.get("/api/v1/stations/delta?since=-1").status, 400);
  EXPECT_EQ(srv.get("/api/v1/stations/delta?since=99999999999999999999").status, 400);
  EXPECT_EQ(srv.get("/api/v1/stations/delta?since=" + std::to_string(fresh.version + 5)).status, 410);

  // Two months later the change log no longer reaches back: the old copy refetches (410).
  srv.set_now(srv.now() + srv::station_repo::kChangeLogSeconds + 86400);
  Station other = fresh.stations[20];
  other.phone = "0591-80000000";
  ASSERT_EQ(srv.send("PUT", "/api/v1/stations/" + other.id, srv.token("admin"), station_json(other)).status, 200);
  EXPECT_EQ(srv.get("/api/v1/stations/delta?since=" + std::to_string(fresh.version - 1)).status, 410);
  const HttpReply recent = srv.get("/api/v1/stations/delta?since=" + std::to_string(fresh.version + 1));
  ASSERT_EQ(recent.status, 200) << recent.body;
  EXPECT_TRUE(decode_delta(recent.body).value().upserts.empty());
}

// ---- writes ----

TEST(StationsApi, CreateAndEditAreForUnionStaffOnly) {
  StationsServer srv(kTestNow);
  const Station s = new_station("fz-test-1");
  EXPECT_EQ(srv.send("POST", "/api/v1/stations", "", station_json(s)).status, 401);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations", srv.token("m001"), station_json(s)).status, 403);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations", srv.token("locker01"), station_json(s)).status, 403);
  EXPECT_EQ(srv.send("PUT", "/api/v1/stations/fz-001", srv.token("m001"), station_json(s)).status, 403);
  const std::string admin = srv.token("admin");
  const std::string key = fresh_key();
  const HttpReply created = srv.send("POST", "/api/v1/stations", admin, station_json(s), key);
  ASSERT_EQ(created.status, 201) << created.body;
  // A retry of the same request is the same answer, not a duplicate.
  const HttpReply retry = srv.send("POST", "/api/v1/stations", admin, station_json(s), key);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, created.body);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations", admin, station_json(s)).status, 409);  // same id, new request

  auto bad = [&](auto change) {
    Station b = new_station("fz-test-bad");
    change(b);
    return srv.send("POST", "/api/v1/stations", admin, station_json(b)).status;
  };
  EXPECT_EQ(bad([](Station& b) { b.lon = 2.35; b.lat = 48.85; }), 400);  // Paris
  EXPECT_EQ(bad([](Station& b) { b.name = ""; }), 400);
  EXPECT_EQ(bad([](Station& b) { b.name.clear(); for (int i = 0; i < 51; ++i) b.name += "站"; }), 400);
  EXPECT_EQ(bad([](Station& b) { b.hours.days[0] = {{600, 1500}}; }), 400);
  EXPECT_EQ(bad([](Station& b) { for (auto& d : b.hours.days) d.clear(); }), 400);
  EXPECT_EQ(bad([](Station& b) { b.id = "../x"; }), 400);
  EXPECT_EQ(bad([](Station& b) { b.amenities = 0xFFFF; }), 400);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations", admin, "{\"station\":{\"id\":\"x\"}}").status, 400);
  EXPECT_EQ(srv.send("PUT", "/api/v1/stations/no-such", admin, station_json(new_station("no-such"))).status, 404);
  EXPECT_EQ(srv.send("PUT", "/api/v1/stations/fz-001", admin, station_json(new_station("fz-002"))).status, 400);

  // A station created without an id gets one, and is in the snapshot.
  const HttpReply auto_id = srv.send("POST", "/api/v1/stations", admin, station_json(new_station("")));
  ASSERT_EQ(auto_id.status, 201) << auto_id.body;
  const std::string id = from_json<StationSaved>(auto_id.body, kStationJson).value().station.id;
  EXPECT_EQ(id.rfind("st-", 0), 0u);
  int found = 0;
  for (const Station& st : fetch_snapshot(srv).stations) found += st.id == id || st.id == "fz-test-1";
  EXPECT_EQ(found, 2);
}

TEST(StationsApi, RatingIsIdempotentAndOncePerCstDay) {
  // 23:59:59 and 00:00:00 CST are one second apart but two rating days.
  StationsServer srv(cst(2030, 3, 14, 23, 59, 58));
  const std::string member = srv.token("m007");
  const std::string body = to_json(kRatingInputJson, RatingInput{5, 3, "热水很方便"});
  const std::string key = fresh_key();
  const HttpReply first = srv.send("POST", "/api/v1/stations/fz-002/ratings", member, body, key);
  ASSERT_EQ(first.status, 201) << first.body;
  Result<RatingResult> res = from_json<RatingResult>(first.body, kRatingResultJson);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res.value().day, "2030-03-14");
  // The offline queue retries with the same key: the same answer, one stored row.
  const HttpReply retry = srv.send("POST", "/api/v1/stations/fz-002/ratings", member, body, key);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.header("Idempotent-Replay"), "true");
  {
    srv::Db db = srv.db();
    srv::Stmt c = db.prepare("SELECT count(*) FROM station_ratings WHERE station_id = 'fz-002' AND cst_day = '2030-03-14'");
    ASSERT_TRUE(c.step());
    EXPECT_EQ(c.column_int(0), 1);
  }
  srv.set_now(cst(2030, 3, 14, 23, 59, 59));
  const HttpReply second = srv.send("POST", "/api/v1/stations/fz-002/ratings", member, body);
  EXPECT_EQ(second.status, 409);
  EXPECT_NE(second.body.find("每天只能评价一次"), std::string::npos) << second.body;
  srv.set_now(cst(2030, 3, 15, 0, 0, 0));
  const HttpReply next_day = srv.send("POST", "/api/v1/stations/fz-002/ratings", member, to_json(kRatingInputJson, RatingInput{2, 0, ""}));
  ASSERT_EQ(next_day.status, 201) << next_day.body;
  const RatingResult after = from_json<RatingResult>(next_day.body, kRatingResultJson).value();
  EXPECT_EQ(after.day, "2030-03-15");
  EXPECT_EQ(after.aggregate.count, res.value().aggregate.count + 1);
  EXPECT_EQ(after.aggregate.histogram[1], res.value().aggregate.histogram[1] + 1);

  // Refusals: not a member, bad stars, unknown station.
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/fz-003/ratings", srv.token("admin"), body).status, 403);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/fz-003/ratings", "", body).status, 401);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/fz-003/ratings", member, to_json(kRatingInputJson, RatingInput{6, 0, ""})).status, 400);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/nope/ratings", member, body).status, 404);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/fz-003/ratings", member, body, "").status, 400);  // no Idempotency-Key

  const HttpReply page = srv.get("/api/v1/stations/fz-002/ratings");
  ASSERT_EQ(page.status, 200);
  const RatingPage p = from_json<RatingPage>(page.body, kRatingPageJson).value();
  EXPECT_EQ(p.aggregate.count, after.aggregate.count);
  ASSERT_FALSE(p.recent.empty());
  EXPECT_EQ(p.recent[0].stars, 2);  // newest first
}

TEST(StationsApi, CheckinsAndVisitsAreLoggedWithServerTime) {
  StationsServer srv(cst(2030, 3, 2, 8, 1, 0));
  const std::string locker = srv.token("locker01");
  std::string own;
  {
    srv::Db db = srv.db();
    srv::Stmt s = db.prepare("SELECT subject FROM accounts WHERE login = 'locker01'");
    ASSERT_TRUE(s.step());
    own = s.column_text(0);
  }
  const HttpReply ok = srv.send("POST", "/api/v1/stations/" + own + "/checkins", locker, to_json(kCheckinJson, CheckinInput{"open"}));
  ASSERT_EQ(ok.status, 201) << ok.body;
  const CheckinResult c = from_json<CheckinResult>(ok.body, kCheckinJson).value();
  EXPECT_EQ(c.at, cst(2030, 3, 2, 8, 1, 0));
  EXPECT_EQ(c.at_cst, "2030-03-02 08:01:00");
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/fz-300/checkins", locker, to_json(kCheckinJson, CheckinInput{"open"})).status, 403);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/" + own + "/checkins", srv.token("m001"), to_json(kCheckinJson, CheckinInput{"open"})).status, 403);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/" + own + "/checkins", locker, to_json(kCheckinJson, CheckinInput{"opened"})).status, 400);

  const HttpReply v1 = srv.send("POST", "/api/v1/stations/" + own + "/visits", locker, to_json(kVisitJson, VisitInput{"face_scan"}));
  ASSERT_EQ(v1.status, 201) << v1.body;
  const HttpReply v2 = srv.send("POST", "/api/v1/stations/" + own + "/visits", srv.token("m003"), to_json(kVisitJson, VisitInput{"qr"}));
  ASSERT_EQ(v2.status, 201) << v2.body;
  EXPECT_EQ(from_json<VisitResult>(v2.body, kVisitJson).value().visits_today, 2u);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/" + own + "/visits", locker, to_json(kVisitJson, VisitInput{"teleport"})).status, 400);
}

// ---- evaluation ----

TEST(StationsApi, EvaluationAtMonthBoundariesCardsAndLifting) {
  StationsServer srv(cst(2030, 3, 31, 23, 0, 0));
  const std::string admin = srv.token("admin");
  // A station created in March, open every day 08:00–18:00, with almost no visits.
  ASSERT_EQ(srv.send("POST", "/api/v1/stations", admin, station_json(new_station("fz-eval"))).status, 201);
  auto visit = [&](UnixSeconds at) {
    srv.set_now(at);
    return srv.send("POST", "/api/v1/stations/fz-eval/visits", admin, to_json(kVisitJson, VisitInput{"manual"})).status;
  };
  ASSERT_EQ(visit(cst(2030, 3, 31, 23, 59, 59)), 201);  // March
  ASSERT_EQ(visit(cst(2030, 4, 1, 0, 0, 0)), 201);      // April
  ASSERT_EQ(visit(cst(2030, 4, 1, 0, 0, 1)), 201);

  auto row = [&](const EvaluationReport& rep) {
    for (const EvaluationRow& r : rep.rows)
      if (r.station_id == "fz-eval") return r;
    ADD_FAILURE() << "fz-eval not in the report";
    return EvaluationRow{};
  };
  const HttpReply march = srv.get("/api/v1/stations/evaluation?month=2030-03", admin);
  ASSERT_EQ(march.status, 200) << march.body;
  const EvaluationReport m = from_json<EvaluationReport>(march.body, kEvaluationJson, 64 << 20).value();
  EXPECT_FALSE(m.recorded);
  EXPECT_EQ(row(m).usage, 1u);
  EXPECT_EQ(row(m).scheduled_days, 31);
  EXPECT_EQ(row(m).late_days, 31);  // never checked in
  EXPECT_EQ(row(m).result, StationStatus::yellow_card);
  const EvaluationReport a =
      from_json<EvaluationReport>(srv.get("/api/v1/stations/evaluation?month=2030-04", admin).body, kEvaluationJson, 64 << 20).value();
  EXPECT_EQ(row(a).usage, 2u);

  EXPECT_EQ(srv.get("/api/v1/stations/evaluation?month=2030-4", admin).status, 400);
  EXPECT_EQ(srv.get("/api/v1/stations/evaluation?month=2030-03", srv.token("m001")).status, 403);
  // April is not over: it cannot be run yet.
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/evaluation/run?month=2030-04", admin, "").status, 409);

  const StationSnapshot before = fetch_snapshot(srv);
  const HttpReply run = srv.send("POST", "/api/v1/stations/evaluation/run?month=2030-03", admin, "");
  ASSERT_EQ(run.status, 201) << run.body.substr(0, 300);
  const EvaluationReport ran = from_json<EvaluationReport>(run.body, kEvaluationJson, 64 << 20).value();
  EXPECT_TRUE(ran.recorded);
  EXPECT_TRUE(row(ran).recorded);
  EXPECT_EQ(row(ran).result, StationStatus::yellow_card);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/evaluation/run?month=2030-03", admin, "").status, 409);  // once per month

  // The card reaches the map through the delta.
  const HttpReply d = srv.get("/api/v1/stations/delta?since=" + std::to_string(before.version));
  ASSERT_EQ(d.status, 200);
  bool carded = false;
  const Result<StationDelta> delta = decode_delta(d.body);
  ASSERT_TRUE(delta.ok());
  for (const Station& s : delta.value().upserts)
    carded = carded || (s.id == "fz-eval" && s.status == StationStatus::yellow_card);
  EXPECT_TRUE(carded);

  std::int64_t card = 0;
  for (const CardRecord& c : ran.cards)
    if (c.station_id == "fz-eval") card = c.id;
  ASSERT_GT(card, 0);
  const std::string lift = "/api/v1/stations/fz-eval/cards/" + std::to_string(card) + "/lift";
  EXPECT_EQ(srv.send("POST", lift, srv.token("m001"), "").status, 403);
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/fz-001/cards/" + std::to_string(card) + "/lift", admin, "").status, 404);
  const HttpReply lifted = srv.send("POST", lift, admin, "");
  ASSERT_EQ(lifted.status, 200) << lifted.body;
  EXPECT_GT(from_json<CardRecord>(lifted.body, kCardJson).value().rectified_at, 0);
  EXPECT_EQ(srv.send("POST", lift, admin, "").status, 409);

  // A clean April (opened on time, busy) after the confirmed rectification lifts the card.
  for (UnixSeconds day = cst(2030, 4, 1); day < cst(2030, 5, 1); day += 86400) {
    srv.set_now(day + 7 * 3600 + 55 * 60);
    ASSERT_EQ(srv.send("POST", "/api/v1/stations/fz-eval/checkins", admin, to_json(kCheckinJson, CheckinInput{"open"})).status, 201);
    srv.set_now(day + 18 * 3600 + 5 * 60);
    ASSERT_EQ(srv.send("POST", "/api/v1/stations/fz-eval/checkins", admin, to_json(kCheckinJson, CheckinInput{"close"})).status, 201);
    for (int i = 0; i < 11; ++i)
      ASSERT_EQ(srv.send("POST", "/api/v1/stations/fz-eval/visits", admin, to_json(kVisitJson, VisitInput{"face_scan"})).status, 201);
  }
  srv.set_now(cst(2030, 5, 1, 9));
  const HttpReply april = srv.send("POST", "/api/v1/stations/evaluation/run?month=2030-04", admin, "");
  ASSERT_EQ(april.status, 201);
  const EvaluationReport ap = from_json<EvaluationReport>(april.body, kEvaluationJson, 64 << 20).value();
  EXPECT_TRUE(row(ap).findings.empty());
  EXPECT_EQ(row(ap).result, StationStatus::open);
  EXPECT_GE(ap.lifted, 1u);
  bool lifted_in_april = false;
  for (const CardRecord& c : ap.cards) lifted_in_april = lifted_in_april || (c.id == card && c.lifted_in == "2030-04");
  EXPECT_TRUE(lifted_in_april);
}

TEST(StationsApi, SeededMonthsShowCards) {
  StationsServer srv(kTestNow);
  const CivilDateTime today = to_cst(kTestNow);
  const int k = today.date.year * 12 + today.date.month - 2;  // last month
  char month[16];
  std::snprintf(month, sizeof month, "%04d-%02d", k / 12, k % 12 + 1);
  const HttpReply r = srv.get(std::string("/api/v1/stations/evaluation?month=") + month, srv.token("admin"));
  ASSERT_EQ(r.status, 200);
  const EvaluationReport rep = from_json<EvaluationReport>(r.body, kEvaluationJson, 64 << 20).value();
  EXPECT_TRUE(rep.recorded);
  EXPECT_GT(rep.yellow, 0u);
  EXPECT_GT(rep.red, 0u);
  EXPECT_GT(rep.lifted, 0u);
  EXPECT_FALSE(rep.cards.empty());
  EXPECT_FALSE(rep.rows.front().findings.empty());  // flagged stations first
}

TEST(StationsApi, ThresholdsAreConfigurableAndDriveTheReport) {
  StationsServer srv(cst(2030, 3, 20, 10));
  const std::string admin = srv.token("admin");
  ASSERT_EQ(srv.send("POST", "/api/v1/stations", admin, station_json(new_station("fz-thr"))).status, 201);
  ASSERT_EQ(srv.send("POST", "/api/v1/stations/fz-thr/visits", admin, to_json(kVisitJson, VisitInput{"qr"})).status, 201);
  auto usage_flagged = [&] {
    const EvaluationReport r =
        from_json<EvaluationReport>(srv.get("/api/v1/stations/evaluation?month=2030-03", admin).body, kEvaluationJson, 64 << 20).value();
    for (const EvaluationRow& row : r.rows)
      if (row.station_id == "fz-thr")
        return std::find(row.findings.begin(), row.findings.end(), Finding::low_usage) != row.findings.end();
    return false;
  };
  EXPECT_TRUE(usage_flagged());  // 1 visit < 300
  const ThresholdsView t = from_json<ThresholdsView>(srv.get("/api/v1/stations/evaluation/thresholds", admin).body, kThresholdsJson).value();
  EXPECT_EQ(t.min_visits, 300u);
  ThresholdsView lower = t;
  lower.min_visits = 1;
  EXPECT_EQ(srv.send("PUT", "/api/v1/stations/evaluation/thresholds", srv.token("m001"), to_json(kThresholdsJson, lower)).status, 403);
  ASSERT_EQ(srv.send("PUT", "/api/v1/stations/evaluation/thresholds", admin, to_json(kThresholdsJson, lower)).status, 200);
  EXPECT_FALSE(usage_flagged());
  ThresholdsView bad = t;
  bad.min_mean_stars = 9;
  EXPECT_EQ(srv.send("PUT", "/api/v1/stations/evaluation/thresholds", admin, to_json(kThresholdsJson, bad)).status, 400);
}

// ---- edges ----

TEST(StationsApi, QrPathServesTheApp) {
  StationsServer srv(kTestNow);
  const HttpReply index = srv.get("/index.html");
  ASSERT_EQ(index.status, 200);
  const HttpReply qr = srv.get("/s/fz-001");
  ASSERT_EQ(qr.status, 200);
  EXPECT_EQ(qr.body, index.body);
  EXPECT_EQ(qr.header("Content-Type"), index.header("Content-Type"));
  EXPECT_EQ(qr.header("Cache-Control"), "no-cache");
  EXPECT_EQ(srv.get("/s/a/b").status, 404);
  EXPECT_EQ(srv.get("/x/fz-001").status, 404);
}

TEST(StationsApi, NationalSnapshotFitsInThreeMegabytesGzipped) {
  StationSnapshot s;
  s.version = 1;
  s.stations = demo::make_national_stations(20261129);
  ASSERT_EQ(s.stations.size(), static_cast<size_t>(demo::kNationalStationCount));
  const std::string raw = encode_snapshot(s);
  const std::string gz = srv::gzip_compress(raw);
  std::printf("national snapshot: %zu stations, %zu bytes raw, %zu bytes gzip\n", s.stations.size(), raw.size(), gz.size());
  EXPECT_LE(gz.size(), 3u * 1000 * 1000);
  Result<StationSnapshot> back = decode_snapshot(srv::gzip_decompress(gz));
  ASSERT_TRUE(back.ok()) << back.error().en;
  EXPECT_EQ(back.value().stations.size(), s.stations.size());
}

TEST(StationsApi, ABodyWithoutCerealClassVersionIsReadAsTheCurrentVersion) {
  StationsServer srv(cst(2030, 3, 14, 12));
  const std::string member = srv.token("m008");
  // What an integrator writes by hand: no "cereal_class_version" anywhere.
  const HttpReply plain =
      srv.send("POST", "/api/v1/stations/fz-002/ratings", member, R"({"rating":{"stars":4,"tags":1,"comment":"干净"}})");
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_EQ(from_json<RatingResult>(plain.body, kRatingResultJson).value().day, "2030-03-14");
  // The version may also come last; an unknown station is still refused as before.
  const HttpReply last = srv.send("POST", "/api/v1/stations/fz-003/ratings", member,
                                  R"({"rating":{"stars":5,"tags":0,"comment":"","cereal_class_version":1}})");
  EXPECT_EQ(last.status, 201) << last.body;
  EXPECT_EQ(srv.send("POST", "/api/v1/stations/nope/ratings", member, R"({"rating":{"stars":5,"tags":0,"comment":""}})").status,
            404);
  // A versioned model read without its version takes every field of the current version.
  Notice pinned;
  pinned.id = "n-1";
  pinned.pinned = true;
  std::string text = to_json("notice", pinned);
  const size_t at = text.find("\"cereal_class_version\"");
  ASSERT_NE(at, std::string::npos) << text;
  text.erase(at, text.find(',', at) + 1 - at);
  const Result<Notice> n = from_json<Notice>(text, "notice");
  ASSERT_TRUE(n.ok()) << n.error().en;
  EXPECT_TRUE(n.value().pinned);
}

}  // namespace
}  // namespace hg::test
