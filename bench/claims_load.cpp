// `make bench-claims` load generator: N keep-alive HTTP/1.1 connections over loopback,
// asynchronous (Boost.Beast/Asio, one thread), so a thousand connections cost no threads.
//
//   claims_load health PORT CONNS SECONDS
//       GET /api/v1/health on every connection for SECONDS; prints "HEALTH <req/s>"
//   claims_load rush PORT CONNS TOKENS BATCH ACKED_OUT START [KILL_PID KILL_AFTER]
//       every connection first loads the campaign page once, untimed (members watch the
//       countdown there before the window opens); then each connection takes the next
//       member (from line START of TOKENS) and claims BATCH
//       with Idempotency-Key bench-claim-<line>, until the answer is sold_out (or the tokens run
//       out). Every 2xx answer's coupon id is appended to ACKED_OUT ("member coupon").
//       With KILL_PID, SIGKILLs that process after KILL_AFTER acknowledgements, keeps what
//       was acknowledged and stops when the connections break.
//       Prints "RUSH <acked> <claims/s> <p50 ms> <p99 ms> <next START> <sold_out seen> <killed>
//       <503 retries> <other answers>" (sold_out seen, killed: 0 or 1).
//
// Latency is per claim: request written → whole answer read, for acknowledged claims.
// claims/s = acknowledged claims / (last acknowledgement − first request).
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <signal.h>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Shared {
  net::io_context ioc{1};
  tcp::endpoint ep;
  std::string mode;
  // health
  Clock::time_point deadline;
  std::uint64_t done = 0;
  bool measuring = false;
  // rush
  std::vector<std::pair<std::string, std::string>> tokens;  // member id, token
  std::string batch;
  size_t next = 0;
  bool sold_out = false;
  bool killed = false;
  pid_t kill_pid = 0;
  std::uint64_t kill_after = 0;
  std::vector<std::pair<size_t, std::string>> acked;  // token index, coupon id
  std::vector<double> latencies_ms;
  Clock::time_point first_request{}, last_ack{};
  std::uint64_t retries = 0, other = 0;
  int open = 0;
};

class Conn : public std::enable_shared_from_this<Conn> {
 public:
  explicit Conn(Shared& s) : s_(s), stream_(s.ioc) {}

  void start() {
    stream_.async_connect(s_.ep, [self = shared_from_this()](beast::error_code ec) {
      if (ec) {
        std::cerr << "connect: " << ec.message() << "\n";
        return;
      }
      self->stream_.socket().set_option(tcp::no_delay(true));
      ++self->s_.open;
    });
  }

  void go() {
    if (s_.mode == "health") return health();
    claim_next();
  }

  // Before the window opens: the campaign page as member `index` sees it.
  void load_page(size_t index) {
    req_ = {http::verb::get, "/api/v1/coupons/campaigns", 11};
    req_.set(http::field::host, "127.0.0.1");
    req_.set(http::field::authorization, "Bearer " + s_.tokens[index % s_.tokens.size()].second);
    send([self = shared_from_this()](int status, const std::string& body) {
      if (status != 200) std::cerr << "campaign page: HTTP " << status << ": " << body.substr(0, 200) << "\n";
    });
  }

 private:
  void health() {
    if (Clock::now() >= s_.deadline) return;
    req_ = {http::verb::get, "/api/v1/health", 11};
    req_.set(http::field::host, "127.0.0.1");
    send([self = shared_from_this()](int status, const std::string&) {
      if (status == 200 && self->s_.measuring) ++self->s_.done;
      self->health();
    });
  }

  void claim_next() {
    if (s_.sold_out || s_.killed || s_.next >= s_.tokens.size()) return;
    index_ = s_.next++;
    claim();
  }

  void claim() {
    const auto& [member, token] = s_.tokens[index_];
    req_ = {http::verb::post, "/api/v1/coupons/claim", 11};
    req_.set(http::field::host, "127.0.0.1");
    req_.set(http::field::content_type, "application/json");
    req_.set(http::field::authorization, "Bearer " + token);
    req_.set("Idempotency-Key", "bench-claim-" + std::to_string(index_));
    req_.body() = "{\"claim\":{\"cereal_class_version\":1,\"batch_id\":\"" + s_.batch + "\"}}";
    req_.prepare_payload();
    if (s_.first_request == Clock::time_point{}) s_.first_request = Clock::now();
    sent_ = Clock::now();
    send([self = shared_from_this()](int status, const std::string& body) { self->on_claim(status, body); });
  }

  void on_claim(int status, const std::string& body) {
    if (status >= 200 && status < 300) {
      const auto now = Clock::now();
      // {"claim_result": {…, "coupons": [{…, "id": "<13 chars>", …: the first "id" after "coupons".
      std::string id = "?";
      size_t at = body.find("\"coupons\"");
      if (at != std::string::npos) at = body.find("\"id\"", at);
      if (at != std::string::npos) at = body.find('"', body.find(':', at) + 1);
      if (at != std::string::npos) id = body.substr(at + 1, 13);
      s_.acked.emplace_back(index_, id);
      s_.latencies_ms.push_back(std::chrono::duration<double, std::milli>(now - sent_).count());
      s_.last_ack = now;
      if (s_.kill_pid && !s_.killed && s_.acked.size() >= s_.kill_after) {
        ::kill(s_.kill_pid, SIGKILL);
        s_.killed = true;
      }
      return claim_next();
    }
    if (body.find("\"sold_out\"") != std::string::npos) {
      s_.sold_out = true;
      return;
    }
    if (status == 503) {  // busy: nothing happened, the same key is retried
      ++s_.retries;
      return claim();
    }
    ++s_.other;
    if (s_.other < 5) std::cerr << "unexpected " << status << ": " << body.substr(0, 200) << "\n";
    claim_next();
  }

  template <class F>
  void send(F&& then) {
    http::async_write(stream_, req_, [self = shared_from_this(), then](beast::error_code ec, std::size_t) mutable {
      if (ec) return self->broken();
      self->res_ = {};
      http::async_read(self->stream_, self->buf_, self->res_,
                       [self, then](beast::error_code rec, std::size_t) mutable {
                         if (rec) return self->broken();
                         then(static_cast<int>(self->res_.result_int()), self->res_.body());
                       });
    });
  }

  void broken() {
    if (!s_.killed) std::cerr << "connection broke\n";
    beast::error_code ec;
    stream_.socket().close(ec);
  }

  Shared& s_;
  beast::tcp_stream stream_;
  beast::flat_buffer buf_;
  http::request<http::string_body> req_;
  http::response<http::string_body> res_;
  size_t index_ = 0;
  Clock::time_point sent_;
};

std::vector<std::shared_ptr<Conn>> connect_all(Shared& s, int n) {
  std::vector<std::shared_ptr<Conn>> conns;
  for (int i = 0; i < n; ++i) {
    conns.push_back(std::make_shared<Conn>(s));
    conns.back()->start();
  }
  s.ioc.run();  // until every connect completed
  s.ioc.restart();
  if (s.open != n) std::cerr << "only " << s.open << " of " << n << " connections opened\n";
  return conns;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: see the comment at the top of bench/claims_load.cpp\n";
    return 2;
  }
  Shared s;
  s.mode = argv[1];
  s.ep = tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::stoi(argv[2])));
  const int conns_n = std::stoi(argv[3]);
  if (s.mode == "health") {
    const double seconds = std::stod(argv[4]);
    auto conns = connect_all(s, conns_n);
    // One second of warm-up, then count.
    s.deadline = Clock::now() + std::chrono::milliseconds(static_cast<long>((seconds + 1) * 1000));
    for (auto& c : conns) c->go();
    net::steady_timer warm(s.ioc, std::chrono::seconds(1));
    Clock::time_point t0;
    warm.async_wait([&](beast::error_code) {
      s.measuring = true;
      t0 = Clock::now();
    });
    s.ioc.run();
    const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("HEALTH %.0f\n", static_cast<double>(s.done) / elapsed);
    return 0;
  }
  if (s.mode != "rush" || argc < 8) return 2;
  {
    std::ifstream in(argv[4]);
    std::string id, tok;
    while (in >> id >> tok) s.tokens.emplace_back(id, tok);
  }
  s.batch = argv[5];
  const std::string acked_out = argv[6];
  s.next = std::stoul(argv[7]);
  if (argc >= 10) {
    s.kill_pid = static_cast<pid_t>(std::stol(argv[8]));
    s.kill_after = std::stoull(argv[9]);
  }
  auto conns = connect_all(s, conns_n);
  for (size_t i = 0; i < conns.size(); ++i) conns[i]->load_page(s.next + i);
  s.ioc.run();  // until every page has loaded
  s.ioc.restart();
  for (auto& c : conns) c->go();
  s.ioc.run();
  std::ofstream out(acked_out, std::ios::app);
  for (const auto& [i, id] : s.acked) out << s.tokens[i].first << ' ' << id << '\n';
  const double elapsed = std::chrono::duration<double>(s.last_ack - s.first_request).count();
  std::printf("RUSH %zu %.0f %.1f %.1f %zu %d %d %llu %llu\n", s.acked.size(),
              elapsed > 0 ? static_cast<double>(s.acked.size()) / elapsed : 0.0, percentile(s.latencies_ms, 0.5),
              percentile(s.latencies_ms, 0.99), s.next, s.sold_out ? 1 : 0, s.killed ? 1 : 0,
              static_cast<unsigned long long>(s.retries), static_cast<unsigned long long>(s.other));
  return 0;
}
