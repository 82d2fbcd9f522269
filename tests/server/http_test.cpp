// The HTTP layer: keep-alive, pipelining, limits, malformed input and graceful stop.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "core/json.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

// /api/test/remote answers with the address the server saw, so a test can tell connections
// apart; /api/test/echo with the body's size and start.
TestServerOptions echo_routes() {
  return with_routes([](srv::Router& r) {
    r.add("GET", "/api/test/remote", srv::Run::on_io_thread,
          [](const srv::Request& q) { return srv::Response::text(200, q.remote); });
    r.add("POST", "/api/test/echo", srv::Run::on_worker, [](const srv::Request& q) {
      return srv::Response::text(200, std::to_string(q.body.size()) + ":" + q.body.substr(0, 16));
    });
  });
}

TEST(Http, KeepAliveServesSeveralRequestsOnOneConnection) {
  TestServer s(echo_routes());
  HttpConnection c(s.port());
  const std::string me = "127.0.0.1:" + std::to_string(c.local_port());
  for (int i = 0; i < 3; ++i) {
    const HttpReply remote = c.request("GET", "/api/test/remote");
    EXPECT_EQ(remote.status, 200);
    EXPECT_EQ(remote.body, me) << "the same connection every time";
    EXPECT_TRUE(remote.keep_alive);
    EXPECT_EQ(c.request("GET", "/api/v1/health").status, 200);
    EXPECT_EQ(c.request("GET", "/index.html").status, 200);
    EXPECT_EQ(c.request("HEAD", std::string("/") + kWasmName).status, 200);
    EXPECT_EQ(c.request("GET", "/missing.png").status, 404);
    EXPECT_EQ(c.request("POST", "/api/test/echo", {}, "hello").body, "5:hello");
  }
}

TEST(Http, PipelinedRequestsAreAnsweredInOrder) {
  TestServer s(echo_routes());
  HttpConnection c(s.port());
  c.send_raw(
      "GET /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /api/test/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
      "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
  const HttpReply a = c.read_reply(), b = c.read_reply(), d = c.read_reply();
  EXPECT_EQ(a.status, 200);
  EXPECT_NE(a.body.find("\"version\""), std::string::npos);
  EXPECT_EQ(b.body, "3:abc");
  EXPECT_EQ(d.status, 404);
}

TEST(Http, Http10WithoutKeepAliveIsClosedAfterTheAnswer) {
  TestServer s;
  HttpConnection c(s.port());
  c.send_raw("GET /api/v1/health HTTP/1.0\r\n\r\n");
  const HttpReply r = c.read_reply();
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(c.wait_closed());
}

TEST(Http, ConnectionCloseIsHonoured) {
  TestServer s;
  HttpConnection c(s.port());
  const HttpReply r = c.request("GET", "/api/v1/version", {{"Connection", "close"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(c.wait_closed());
}

TEST(Http, BodyJustUnderTheLimitIsAccepted) {
  TestServer s(echo_routes());
  const std::string body(64 * 1024, 'x');
  const HttpReply r = http_request(s.port(), "POST", "/api/test/echo", {}, body);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.substr(0, 6), "65536:");
}

TEST(Http, OversizedBodyIs413Json) {
  TestServer s(echo_routes());
  const std::string body(64 * 1024 + 1, 'x');
  HttpConnection c(s.port());
  // Sent in full, as a client that does not wait for an answer would.
  c.send_raw("POST /api/test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
             std::to_string(body.size()) + "\r\n\r\n" + body);
  const HttpReply r = c.read_reply();
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
  const Error e = error_from_json(r.body, r.status);
  EXPECT_EQ(e.code, Errc::too_large);
  EXPECT_FALSE(e.zh.empty());
  EXPECT_FALSE(e.en.empty());
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(c.wait_closed());
}

TEST(Http, OversizedChunkedBodyIs413) {
  TestServer s(echo_routes());
  HttpConnection c(s.port());
  std::string req = "POST /api/test/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(16 * 1024, 'y');
  for (int i = 0; i < 5; ++i) req += "4000\r\n" + chunk + "\r\n";
  req += "0\r\n\r\n";
  c.send_raw(req);
  const HttpReply r = c.read_reply();
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(error_from_json(r.body, r.status).code, Errc::too_large);
}

TEST(Http, OversizedHeaderIs431) {
  TestServer s;
  const HttpReply r = http_get(s.port(), "/api/v1/health", {{"X-Padding", std::string(20 * 1024, 'p')}});
  EXPECT_EQ(r.status, 431);
}

TEST(Http, GarbageIs400AndTheServerCarriesOn) {
  TestServer s;
  HttpConnection c(s.port());
  c.send_raw("HELLO THERE\r\n\r\n");
  EXPECT_EQ(c.read_reply().status, 400);
  EXPECT_TRUE(c.wait_closed());
  EXPECT_EQ(http_get(s.port(), "/api/v1/health").status, 200);
}

TEST(Http, JsonContentTypeOnEveryApiAnswer) {
  TestServer s;
  for (const char* target : {"/api/v1/health", "/api/v1/version", "/api/v1/notices", "/api/v1/zzz"})
    EXPECT_EQ(http_get(s.port(), target).header("Content-Type"), "application/json; charset=utf-8") << target;
}

TEST(Http, GracefulStopFinishesInFlightRequestsAndClosesIdleOnes) {
  std::promise<void> entered, release;
  std::shared_future<void> released = release.get_future().share();
  TestServer s(with_routes([&](srv::Router& r) {
    r.add("GET", "/api/test/slow", srv::Run::on_worker, [&](const srv::Request&) {
      entered.set_value();
      released.wait();
      return srv::Response::text(200, "finished");
    });
  }));
  const std::uint16_t port = s.port();

  HttpConnection idle(port);
  ASSERT_EQ(idle.request("GET", "/api/v1/health").status, 200);  // now idle, kept alive

  HttpConnection busy(port);
  busy.send_raw("GET /api/test/slow HTTP/1.1\r\nHost: x\r\n\r\n");
  entered.get_future().wait();  // the request is inside its handler

  std::thread stopper([&] { s.server().stop(); });
  // Stopping closes the idle connection and the listening socket while the slow request runs…
  EXPECT_TRUE(idle.wait_closed());
  EXPECT_TRUE(connection_refused(port));
  // …and the slow request still gets its whole answer, after which that connection closes too.
  release.set_value();
  const HttpReply r = busy.read_reply();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "finished");
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(busy.wait_closed());
  stopper.join();  // stop() returns once everything is done
  s.server().stop();  // and a second stop is harmless
}

TEST(Http, GracefulStopWaitsForARequestStillBeingReceived) {
  TestServer s(echo_routes());
  HttpConnection idle(s.port());
  ASSERT_EQ(idle.request("GET", "/api/v1/version").status, 200);
  HttpConnection c(s.port());
  // "Expect: 100-continue" makes the server say when it has the header and waits for the
  // body: from then on this request is in flight.
  c.send_raw("POST /api/test/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n");
  ASSERT_EQ(c.read_reply().status, 100);
  std::thread stopper([&] { s.server().stop(); });
  EXPECT_TRUE(idle.wait_closed());  // the stop is under way
  c.send_raw("1234567890");
  const HttpReply r = c.read_reply();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "10:1234567890");
  EXPECT_FALSE(r.keep_alive);
  stopper.join();
}

}  // namespace
}  // namespace hg::test
