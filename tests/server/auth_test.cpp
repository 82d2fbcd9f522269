// Signing in, session tokens and role checks, over real HTTP against the demo accounts; and
// the write path every area uses: group commit, savepoint rollback, idempotent retries.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "core/coupons/sha256.h"
#include "core/json.h"
#include "core/models/session.h"
#include "server/api_error.h"
#include "server/api_v1.h"
#include "server/auth/require.h"
#include "server/auth/token.h"
#include "server/store/idempotency.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

std::string login_body(const std::string& login, const std::string& password) {
  return to_json(kLoginJson, LoginRequest{login, password});
}

SessionInfo sign_in(std::uint16_t port, const std::string& login, const std::string& password = "huigong123") {
  const HttpReply r = http_request(port, "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                                   login_body(login, password));
  EXPECT_EQ(r.status, 200) << r.body;
  Result<SessionInfo> s = from_json<SessionInfo>(r.body, kSessionJson);
  EXPECT_TRUE(s.ok()) << r.body;
  return s.ok() ? s.value() : SessionInfo{};
}

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

TEST(Auth, DemoMemberSignsInAndTheTokenNamesThem) {
  TestServer server;
  const SessionInfo s = sign_in(server.port(), "m001");
  EXPECT_EQ(s.role, "member");
  EXPECT_FALSE(s.subject.empty());
  EXPECT_FALSE(s.display_name.empty());
  const HttpReply me = http_get(server.port(), "/api/v1/auth/me", bearer(s.token));
  ASSERT_EQ(me.status, 200) << me.body;
  Result<SessionInfo> back = from_json<SessionInfo>(me.body, kSessionJson);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value().account_id, s.account_id);
  EXPECT_EQ(back.value().subject, s.subject);
}

TEST(Auth, WrongPasswordAndUnknownAccountGetTheSame401) {
  TestServer server;
  const HttpReply wrong = http_request(server.port(), "POST", "/api/v1/auth/login", {}, login_body("m001", "nope"));
  const HttpReply unknown = http_request(server.port(), "POST", "/api/v1/auth/login", {}, login_body("nobody", "nope"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_NE(wrong.body.find("账号或密码不正确"), std::string::npos);
  const HttpReply empty = http_request(server.port(), "POST", "/api/v1/auth/login", {}, login_body("", ""));
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(http_request(server.port(), "POST", "/api/v1/auth/login", {}, "{not json").status, 400);
}

TEST(Auth, ForgedTamperedAndExpiredTokensAreRefused) {
  TestServer server;
  const SessionInfo s = sign_in(server.port(), "m002");
  std::string tampered = s.token;
  tampered[tampered.size() / 3] = tampered[tampered.size() / 3] == 'A' ? 'B' : 'A';
  EXPECT_EQ(http_get(server.port(), "/api/v1/auth/me", bearer(tampered)).status, 401);
  EXPECT_EQ(http_get(server.port(), "/api/v1/auth/me", bearer("garbage")).status, 401);
  EXPECT_EQ(http_get(server.port(), "/api/v1/auth/me", {{"Authorization", "Basic abc"}}).status, 401);
  EXPECT_EQ(http_get(server.port(), "/api/v1/auth/me").status, 401);

  // A token signed with another key: what an attacker without the database's key can make.
  srv::TokenKey other;
  other.bytes.fill(7);
  srv::Principal p;
  p.account_id = "acc-admin";
  p.role = srv::Role::union_admin;
  p.subject = "x";
  p.display_name = "x";
  p.expires_at = server.server().api().now() + 3600;
  EXPECT_EQ(http_get(server.port(), "/api/v1/auth/me", bearer(srv::sign_token(other, p))).status, 401);

  // Signed with the real key but expired.
  p.expires_at = server.server().api().now() - 1;
  const HttpReply expired = http_get(server.port(), "/api/v1/auth/me", bearer(srv::sign_token(server.server().api().token_key, p)));
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.body.find("登录已过期"), std::string::npos);
}

TEST(Auth, RoleChecksGive401Then403) {
  // The route needs the server's ApiContext, which exists once the server does: it reads it
  // through a pointer filled in right after construction (before any request arrives).
  srv::ApiContext* api = nullptr;
  TestServerOptions o;
  o.extra_routes = [&api](srv::Router& router) {
    router.add("GET", "/api/v1/test/admin-only", srv::Run::on_worker, [&api](const srv::Request& req) {
      const srv::Principal p = srv::require_role(req, *api, {srv::Role::union_admin});
      return srv::Response::json(200, "{\"who\":\"" + p.account_id + "\"}");
    });
  };
  TestServer s2(o);
  api = &s2.server().api();
  EXPECT_EQ(http_get(s2.port(), "/api/v1/test/admin-only").status, 401);
  const SessionInfo member = sign_in(s2.port(), "m003");
  const HttpReply forbidden = http_get(s2.port(), "/api/v1/test/admin-only", bearer(member.token));
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_NE(forbidden.body.find("无权"), std::string::npos);
  const SessionInfo admin = sign_in(s2.port(), "admin");
  EXPECT_EQ(admin.role, "union_admin");
  EXPECT_EQ(http_get(s2.port(), "/api/v1/test/admin-only", bearer(admin.token)).status, 200);
}

// A counter incremented through add_write by many clients at once: every acknowledged write is
// there, refusals roll back only themselves, and retries with the same key are answered once.
struct CounterRoutes {
  srv::ApiContext* api = nullptr;
  void add(srv::Router& router) {
    router.add_write("POST", "/api/v1/test/bump", [this](const srv::Request& req) -> srv::WriteOp {
      const srv::Principal me = srv::authenticate(req, *api);
      const bool refuse = req.body == "refuse";
      const srv::IdempotentRequest idem = srv::idempotent_request(req);
      return [this, me, refuse, idem](srv::Db& db) {
        return srv::idempotent(db, idem, me.account_id, api->now(), [&] {
          db.exec("CREATE TABLE IF NOT EXISTS test_counter (n INTEGER NOT NULL)");
          db.exec("INSERT INTO test_counter (n) VALUES (1)");
          // Written before the refusal: the savepoint must take it back.
          if (refuse) srv::fail(Errc::conflict, "拒绝", "refused");
          const std::int64_t n = db.query_int64("SELECT count(*) FROM test_counter");
          return srv::Response::json(200, "{\"n\":" + std::to_string(n) + "}");
        });
      };
    });
  }
};

// A server with the counter routes wired to its API.
struct CounterServer {
  CounterRoutes routes;
  TestServer server{with_routes([this](srv::Router& r) { routes.add(r); })};
  CounterServer() { routes.api = &server.server().api(); }
};

TEST(GroupCommit, ConcurrentWritesAllLandAndRefusalsLeaveNothing) {
  CounterServer counter;
  TestServer& server = counter.server;
  const SessionInfo s = sign_in(server.port(), "m004");

  constexpr int kThreads = 16, kEach = 20;
  std::atomic<int> ok{0}, refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      HttpConnection c(server.port());
      for (int i = 0; i < kEach; ++i) {
        Headers h = bearer(s.token);
        h.emplace_back("Idempotency-Key", "bump-key-" + std::to_string(t) + "-" + std::to_string(i));
        const HttpReply r = c.request("POST", "/api/v1/test/bump", h, i % 5 == 0 ? "refuse" : "go");
        if (r.status == 200)
          ok++;
        else if (r.status == 409)
          refused++;
        else
          ADD_FAILURE() << r.status << " " << r.body;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kEach * 4 / 5);
  EXPECT_EQ(refused.load(), kThreads * kEach / 5);
  const std::int64_t rows =
      server.server().store().read([](srv::Db& db) { return db.query_int64("SELECT count(*) FROM test_counter"); });
  EXPECT_EQ(rows, ok.load());
}

// The fingerprint stored with a remembered answer is SHA-256 of "METHOD path\nbody" in hex,
// whichever implementation computes it: answers stored by an earlier version still match.
TEST(GroupCommit, RequestFingerprintIsSha256OfMethodPathAndBody) {
  srv::Request req;
  req.method = "POST";
  req.path = "/api/v1/coupons/claim";
  req.body = "{\"claim\":{\"batch_id\":\"b-fuel\"}}";
  req.headers.push_back({"idempotency-key", "fingerprint-key-1"});
  const srv::IdempotentRequest r = srv::idempotent_request(req);
  EXPECT_EQ(r.key, "fingerprint-key-1");
  EXPECT_EQ(r.fingerprint, sha256_hex("POST /api/v1/coupons/claim\n" + req.body));
  EXPECT_EQ(r.fingerprint.size(), 64u);
}

TEST(GroupCommit, RetryWithTheSameKeyGetsTheFirstAnswer) {
  CounterServer counter;
  TestServer& server = counter.server;
  const SessionInfo s = sign_in(server.port(), "m005");
  Headers h = bearer(s.token);
  h.emplace_back("Idempotency-Key", "same-key-123");
  const HttpReply first = http_request(server.port(), "POST", "/api/v1/test/bump", h, "go");
  const HttpReply again = http_request(server.port(), "POST", "/api/v1/test/bump", h, "go");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("Idempotent-Replay"), "true");
  // The same key for a different request is a client bug: refused, not replayed.
  EXPECT_EQ(http_request(server.port(), "POST", "/api/v1/test/bump", h, "other").status, 409);
  // No key, or a malformed one: 400 before anything is written.
  EXPECT_EQ(http_request(server.port(), "POST", "/api/v1/test/bump", bearer(s.token), "go").status, 400);
  Headers bad = bearer(s.token);
  bad.emplace_back("Idempotency-Key", "x");
  EXPECT_EQ(http_request(server.port(), "POST", "/api/v1/test/bump", bad, "go").status, 400);
  const std::int64_t rows =
      server.server().store().read([](srv::Db& db) { return db.query_int64("SELECT count(*) FROM test_counter"); });
  EXPECT_EQ(rows, 1);
}

}  // namespace
}  // namespace hg::test
