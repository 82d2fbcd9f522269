// Shared pieces of the coupons server tests: a demo server on a settable clock, session
// tokens minted with the server's own key (the sign-in path has its own tests; Argon2 per
// test account would only slow these down), and small JSON request helpers.
#pragma once
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/coupons/wire.h"
#include "core/json.h"
#include "server/api_v1.h"
#include "server/auth/token.h"
#include "server/store/store.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {

// 2026-12-01 10:00:00 CST: the December rush has just opened.
inline UnixSeconds cst_at(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0) {
  return from_cst({{y, m, d}, hh, mm, ss});
}

struct CouponsServer {
  explicit CouponsServer(UnixSeconds start, std::string db = {}) : clock(std::make_shared<std::atomic<std::int64_t>>(start)) {
    TestServerOptions o;
    o.with_site = false;
    o.db = std::move(db);
    auto c = clock;
    o.clock = [c] { return static_cast<UnixSeconds>(c->load()); };
    server = std::make_unique<TestServer>(o);
  }
  std::uint16_t port() const { return server->port(); }
  void set_now(UnixSeconds t) { clock->store(t); }

  std::string token(srv::Role role, const std::string& subject, const std::string& account) {
    srv::Principal p;
    p.account_id = account;
    p.role = role;
    p.subject = subject;
    p.display_name = account;
    p.expires_at = cst_at(2040, 1, 1);
    return srv::sign_token(server->server().api().token_key, p);
  }
  std::string member_token(const std::string& member_id) { return token(srv::Role::member, member_id, "acc-" + member_id); }
  std::string merchant_token(const std::string& merchant_id) {
    return token(srv::Role::merchant_staff, merchant_id, "acc-" + merchant_id);
  }
  std::string admin_token() { return token(srv::Role::union_admin, "福建省总工会", "acc-admin"); }

  // Demo member ids; `sql_where` picks a group, e.g. "member_group = 'general' AND occupation = 'office'".
  std::vector<std::string> members(const std::string& sql_where = "1", int limit = 200) {
    return server->server().store().read([&](srv::Db& db) {
      std::vector<std::string> ids;
      srv::Stmt s = db.prepare("SELECT id FROM members WHERE " + sql_where + " ORDER BY joined_at, id LIMIT " +
                               std::to_string(limit));
      while (s.step()) ids.push_back(s.column_text(0));
      return ids;
    });
  }
  std::int64_t scalar(const std::string& sql) {
    return server->server().store().read([&](srv::Db& db) { return db.query_int64(sql); });
  }

  std::shared_ptr<std::atomic<std::int64_t>> clock;
  std::unique_ptr<TestServer> server;
};

inline std::string fresh_key() {
  static std::atomic<int> n{0};
  return "test-key-" + std::to_string(++n) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(&n) % 9973);
}

inline HttpReply post(std::uint16_t port, const std::string& path, const std::string& token, const std::string& body,
                      const std::string& key = fresh_key()) {
  Headers h = {{"Content-Type", "application/json"}, {"Idempotency-Key", key}};
  if (!token.empty()) h.push_back({"Authorization", "Bearer " + token});
  return http_request(port, "POST", path, h, body);
}

inline HttpReply get(std::uint16_t port, const std::string& path, const std::string& token = {}) {
  Headers h;
  if (!token.empty()) h.push_back({"Authorization", "Bearer " + token});
  return http_get(port, path, h);
}

// The refusal reason of a 4xx answer ("" when the body has none).
inline std::string reason_of(const HttpReply& r) {
  Result<CouponRefusal> v = from_json<CouponRefusal>(r.body, kCouponRefusalJson);
  return v.ok() ? v.value().reason : std::string();
}

inline std::string claim_body(const std::string& batch_id) {
  ClaimRequest c;
  c.batch_id = batch_id;
  return to_json(kClaimRequestJson, c);
}

inline std::string redeem_body(const std::string& code, Fen order) {
  RedeemRequest r;
  r.code = code;
  r.order_fen = order;
  return to_json(kRedeemRequestJson, r);
}

}  // namespace hg::test
