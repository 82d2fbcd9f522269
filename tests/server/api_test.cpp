// /api/v1 over real HTTP: what the clients read back into core models.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "core/json.h"
#include "core/models/app_info.h"
#include "core/models/notice.h"
#include "data/demo_data.h"
#include "server/api_v1.h"
#include "server/store/migrations.h"
#include "server/store/notice_repo.h"
#include "server/store/store.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

std::vector<Notice> fetch_notices(std::uint16_t port) {
  const HttpReply r = http_get(port, "/api/v1/notices");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), kJson);
  Result<NoticeList> list = from_json<NoticeList>(r.body, kNoticeListJson, 4 << 20);
  EXPECT_TRUE(list.ok()) << r.body;
  return list.ok() ? list.value().notices : std::vector<Notice>{};
}

// Pinned ones first; within each group newest first.
void expect_feed_order(const std::vector<Notice>& notices) {
  for (size_t i = 1; i < notices.size(); ++i) {
    const Notice& a = notices[i - 1];
    const Notice& b = notices[i];
    ASSERT_FALSE(!a.pinned && b.pinned) << "unpinned " << a.title_en << " before pinned " << b.title_en;
    if (a.pinned == b.pinned) {
      EXPECT_GE(a.published_at, b.published_at) << a.title_en << " / " << b.title_en;
    }
  }
}

TEST(Api, HealthReportsOkWithTheServerClock) {
  TestServerOptions o;
  o.clock = [] { return kTestNow; };
  TestServer s(o);
  const HttpReply r = http_get(s.port(), "/api/v1/health");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), kJson);
  const HealthInfo h = parse<HealthInfo>(r, kHealthJson);
  EXPECT_EQ(h.status, "ok");
  EXPECT_EQ(h.db, "ok");
  EXPECT_EQ(h.now, kTestNow);
  EXPECT_EQ(h.now_cst, format_cst(h.now));
  EXPECT_GE(h.uptime_s, 0);
}

TEST(Api, VersionNamesThisBuildAndTheSchema) {
  TestServer s;
  const HttpReply r = http_get(s.port(), "/api/v1/version");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), kJson);
  const VersionInfo v = parse<VersionInfo>(r, kVersionJson);
  EXPECT_EQ(v.app, "huigong");
  EXPECT_EQ(v.version, HUIGONG_EXPECTED_VERSION);
  EXPECT_EQ(v.schema, srv::latest_schema_version());
  EXPECT_GE(v.schema, 1);
  EXPECT_FALSE(v.commit.empty());
  EXPECT_TRUE(parse_cst(v.built_at).has_value()) << v.built_at;
}

TEST(Api, NoticesAreTheDemoNoticesPinnedFirstThenNewest) {
  TestServer s;
  const std::vector<Notice> got = fetch_notices(s.port());
  const std::vector<Notice> demo = demo::make_notices(demo::kDefaultSeed, kTestNow);
  // The generator's notices and, written by the coupon seed, those announcing its batches.
  ASSERT_GT(got.size(), demo.size());
  std::set<std::string> got_ids;
  for (const Notice& n : got) got_ids.insert(n.id);
  for (const Notice& n : demo) EXPECT_TRUE(got_ids.count(n.id)) << n.title_zh;
  expect_feed_order(got);
  ASSERT_TRUE(got.front().pinned);
  EXPECT_EQ(got.front().title_zh, "12月惠工券开抢：加油满200减30，每月2万张");  // the seeding month
  EXPECT_EQ(got.front().title_en, "December union coupons: Fuel: 30 off 200, 20,000 coupons a month");
  EXPECT_FALSE(got.back().pinned);
  // The text survives the round trip through SQLite and JSON unchanged.
  for (const Notice& d : demo)
    for (const Notice& g : got)
      if (g.id == d.id) {
        EXPECT_EQ(g.title_zh, d.title_zh);
        EXPECT_EQ(g.body_en, d.body_en);
        EXPECT_EQ(g.brand, d.brand);
        EXPECT_EQ(g.published_at, d.published_at);
        EXPECT_EQ(g.pinned, d.pinned);
      }
}

TEST(Api, ANewNoticeAppearsFirstAmongTheUnpinned) {
  TestServer s;
  Notice fresh;
  fresh.id = "0ZZZZZZZZZZZZ";
  fresh.brand = Brand::sport;
  fresh.title_zh = "职工运动会报名开始";
  fresh.title_en = "Sign up for the workers' games";
  fresh.body_zh = "正文";
  fresh.body_en = "Body";
  fresh.published_at = kTestNow + 3600;
  Notice old_pinned = fresh;
  old_pinned.id = "0000000000001";
  old_pinned.title_zh = "置顶的旧通知";
  old_pinned.title_en = "An old pinned notice";
  old_pinned.published_at = kTestNow - 400 * 86400;
  old_pinned.pinned = true;
  s.server().store().write([&](srv::Db& db) {
    srv::notice_repo::insert(db, fresh, kTestNow);
    srv::notice_repo::insert(db, old_pinned, kTestNow);
  });

  const std::vector<Notice> got = fetch_notices(s.port());
  expect_feed_order(got);
  size_t first_unpinned = 0;
  while (first_unpinned < got.size() && got[first_unpinned].pinned) ++first_unpinned;
  ASSERT_LT(first_unpinned, got.size());
  EXPECT_EQ(got[first_unpinned].id, fresh.id);
  EXPECT_EQ(got[first_unpinned].title_zh, fresh.title_zh);
  EXPECT_EQ(got[first_unpinned - 1].id, old_pinned.id) << "the oldest pinned notice ends the pinned group";
}

TEST(Api, AnEmptyDatabaseHasNoNotices) {
  TestServerOptions o;
  o.demo = false;
  TestServer s(o);
  EXPECT_TRUE(fetch_notices(s.port()).empty());
}

TEST(Api, UnknownEndpointIsJson404InBothLanguages) {
  TestServer s;
  for (const char* target : {"/api/v1/nothing-here", "/api/v2/notices", "/api", "/api/v1/notices/extra?x=1"}) {
    const HttpReply r = http_get(s.port(), target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.header("Content-Type"), kJson) << target;
    const Error e = error_from_json(r.body, r.status);
    EXPECT_EQ(e.code, Errc::not_found) << r.body;
    EXPECT_NE(e.zh.find("接口不存在"), std::string::npos) << r.body;
    EXPECT_NE(e.en.find("No such API endpoint"), std::string::npos) << r.body;
  }
}

TEST(Api, WrongMethodIs405WithAllow) {
  TestServer s;
  const HttpReply r = http_request(s.port(), "DELETE", "/api/v1/notices");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET, HEAD");
  EXPECT_EQ(r.header("Content-Type"), kJson);
  EXPECT_EQ(error_from_json(r.body, r.status).code, Errc::invalid_input);
}

TEST(Api, HeadAnswersLikeGetWithoutABody) {
  TestServer s;
  const HttpReply get = http_get(s.port(), "/api/v1/notices");
  const HttpReply head = http_request(s.port(), "HEAD", "/api/v1/notices");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("Content-Length"), std::to_string(get.body.size()));
  EXPECT_EQ(head.header("Content-Type"), kJson);
}

TEST(Api, ApiAnswersAreNotCached) {
  TestServer s;
  EXPECT_EQ(http_get(s.port(), "/api/v1/version").header("Cache-Control"), "no-store");
  EXPECT_EQ(http_get(s.port(), "/api/v1/nope").header("Cache-Control"), "no-store");
}

TEST(Api, HandlerFailuresBecomeJsonErrors) {
  TestServer s(with_routes([](srv::Router& r) {
    r.add("GET", "/api/test/bug", srv::Run::on_worker,
          [](const srv::Request&) -> srv::Response { throw std::logic_error("oops"); });
    r.add("GET", "/api/test/busy", srv::Run::on_io_thread, [](const srv::Request&) -> srv::Response {
      throw srv::DbError(srv::sqlite_error(5 /* SQLITE_BUSY */), "busy");
    });
  }));
  const HttpReply bug = http_get(s.port(), "/api/test/bug");
  EXPECT_EQ(bug.status, 500);
  EXPECT_EQ(bug.header("Content-Type"), kJson);
  const Error e = error_from_json(bug.body, bug.status);
  EXPECT_EQ(e.code, Errc::internal);
  EXPECT_FALSE(e.zh.empty());
  EXPECT_EQ(bug.body.find("oops"), std::string::npos) << "internal details stay in the log";
  const HttpReply busy = http_get(s.port(), "/api/test/busy");
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(error_from_json(busy.body, busy.status).code, Errc::unavailable);
  // The server is still fine afterwards.
  EXPECT_EQ(http_get(s.port(), "/api/v1/health").status, 200);
}

TEST(Api, RouteParametersAreDecodedAndLiteralRoutesWin) {
  TestServer s(with_routes([](srv::Router& r) {
    r.add("GET", "/api/test/items/{id}", srv::Run::on_io_thread,
          [](const srv::Request& q) { return srv::Response::text(200, "item " + std::string(q.param("id"))); });
    r.add("GET", "/api/test/items/mine", srv::Run::on_io_thread,
          [](const srv::Request&) { return srv::Response::text(200, "mine"); });
  }));
  EXPECT_EQ(http_get(s.port(), "/api/test/items/%E6%83%A0%E5%B7%A5").body, "item 惠工");
  EXPECT_EQ(http_get(s.port(), "/api/test/items/mine").body, "mine");
  EXPECT_EQ(http_get(s.port(), "/api/test/items/%zz").status, 400);
  EXPECT_EQ(http_get(s.port(), "/api/test/items/").status, 404);
}

TEST(Api, QueryValuesAreDecodedAsAForm) {
  TestServer s(with_routes([](srv::Router& r) {
    r.add("GET", "/api/test/query", srv::Run::on_io_thread,
          [](const srv::Request& q) { return srv::Response::text(200, "[" + q.query("q") + "]"); });
  }));
  EXPECT_EQ(http_get(s.port(), "/api/test/query?x=1&q=%E6%83%A0+%E5%B7%A5").body, "[惠 工]");
  EXPECT_EQ(http_get(s.port(), "/api/test/query?q&x=1").body, "[]");
  EXPECT_EQ(http_get(s.port(), "/api/test/query?qq=1").body, "[]");
  EXPECT_EQ(http_get(s.port(), "/api/test/query?q=a%2Bb").body, "[a+b]");
  const HttpReply bad = http_get(s.port(), "/api/test/query?q=%zz");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Malformed query parameter"), std::string::npos);
  EXPECT_EQ(http_get(s.port(), "/api/test/query?q=%00").status, 400);
}

}  // namespace
}  // namespace hg::test
