// `make bench-bookings`, part 2: the rush. CONNS keep-alive connections over loopback, all
// opened first and each loading the availability page once (every member's app has it open
// before the release; untimed), then released at once; each works through its share of the
// members: hold the member's chosen slot with waitlist_if_full (one request puts them in a
// place or on the waitlist), and confirm a held place. One thread, epoll, non-blocking
// sockets: the load generator must not need more CPU than the server it measures.
//
//   bookings_load PORT CONNS TOKENS_FILE RESULTS_FILE
//
// Prints "LOAD <requests> <failed> <p50 ms> <p99 ms> <requests/s> <held> <confirmed> <waitlisted>".
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/bookings/wire.h"
#include "core/json.h"

namespace {

using hg::HoldRequest;
using hg::HoldResult;

long long now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct Member {
  std::string id, slot, token;
};

struct Conn {
  int fd = -1;
  std::vector<size_t> members;  // indices, in order
  size_t next = 0;              // next member to start
  size_t current = 0;
  bool confirming = false;
  bool page_loading = false;  // before the release: the availability page
  std::string booking_id;
  std::string out;  // bytes still to send
  std::string in;
  long long sent_at = 0;
  bool done = false;
};

std::string request(const std::string& method, const std::string& path, const std::string& token,
                    const std::string& key, const std::string& body) {
  std::ostringstream r;
  r << method << ' ' << path << " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " << token
    << "\r\nIdempotency-Key: " << key << "\r\nContent-Type: application/json\r\nContent-Length: " << body.size()
    << "\r\n\r\n"
    << body;
  return r.str();
}

// One complete response at the front of `in`: status and body; false while incomplete.
bool take_response(std::string& in, int& status, std::string& body) {
  const size_t head_end = in.find("\r\n\r\n");
  if (head_end == std::string::npos) return false;
  status = std::atoi(in.c_str() + 9);
  size_t length = 0;
  std::string head = in.substr(0, head_end);
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  const size_t cl = head.find("\r\ncontent-length:");
  if (cl != std::string::npos) length = std::strtoul(head.c_str() + cl + 17, nullptr, 10);
  if (in.size() < head_end + 4 + length) return false;
  body = in.substr(head_end + 4, length);
  in.erase(0, head_end + 4 + length);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: bookings_load PORT CONNS TOKENS_FILE RESULTS_FILE\n";
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int conns = std::atoi(argv[2]);
  std::vector<Member> members;
  {
    std::ifstream in(argv[3]);
    Member m;
    while (in >> m.id >> m.slot >> m.token) members.push_back(m);
  }
  std::ofstream results(argv[4]);

  const int ep = epoll_create1(0);
  std::vector<Conn> cs(static_cast<size_t>(conns));
  for (size_t i = 0; i < members.size(); ++i) cs[i % cs.size()].members.push_back(i);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // Open every connection first (blocking connects), so the release is simultaneous.
  for (size_t i = 0; i < cs.size(); ++i) {
    Conn& c = cs[i];
    c.fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(c.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      std::cerr << "connect failed: " << std::strerror(errno) << '\n';
      return 1;
    }
    fcntl(c.fd, F_SETFL, fcntl(c.fd, F_GETFL) | O_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLET;
    ev.data.u64 = i;
    epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
  }

  std::vector<double> latencies_ms;
  latencies_ms.reserve(members.size() * 2);
  long failed = 0, held = 0, confirmed = 0, waitlisted = 0;
  size_t open = cs.size();

  auto flush = [&](Conn& c) {
    while (!c.out.empty()) {
      const ssize_t n = send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
      if (n > 0) {
        c.out.erase(0, static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      std::cerr << "send failed: " << std::strerror(errno) << '\n';
      std::exit(1);
    }
  };
  auto start_next = [&](Conn& c) {
    if (c.next >= c.members.size()) {
      c.done = true;
      --open;
      return;
    }
    c.current = c.members[c.next++];
    c.confirming = false;
    const Member& m = members[c.current];
    c.out = request("POST", "/api/v1/bookings/hold", m.token, "bench-hold-" + m.id,
                    hg::to_json(hg::kHoldRequestJson, HoldRequest{m.slot, "HC-465", true}));
    c.sent_at = now_us();
    flush(c);
  };
  size_t pages_loading = 0;
  auto on_response = [&](Conn& c, int status, const std::string& body) {
    if (c.page_loading) {
      if (status != 200) {
        std::cerr << "availability page: HTTP " << status << ": " << body.substr(0, 200) << '\n';
        std::exit(1);
      }
      c.page_loading = false;
      --pages_loading;
      return;
    }
    const long long received = now_us();
    latencies_ms.push_back(static_cast<double>(received - c.sent_at) / 1000.0);
    const Member& m = members[c.current];
    if (status != 200) {
      ++failed;
      if (failed <= 5) std::cerr << "HTTP " << status << ": " << body.substr(0, 200) << '\n';
      start_next(c);
      return;
    }
    if (c.confirming) {
      ++confirmed;
      results << "H " << m.id << ' ' << m.slot << ' ' << c.booking_id << '\n';
      start_next(c);
      return;
    }
    hg::Result<HoldResult> r = hg::from_json<HoldResult>(body, hg::kHoldResultJson, 1 << 20);
    if (!r.ok()) {
      ++failed;
      start_next(c);
      return;
    }
    if (r.value().outcome == "held" && r.value().booking) {
      ++held;
      c.confirming = true;
      c.booking_id = r.value().booking->booking.id;
      c.out = request("POST", "/api/v1/bookings/" + c.booking_id + "/confirm", m.token, "bench-confirm-" + m.id, "");
      c.sent_at = now_us();
      flush(c);
      return;
    }
    if (!r.value().waitlist) {
      ++failed;
      start_next(c);
      return;
    }
    ++waitlisted;
    const hg::WaitlistView& w = *r.value().waitlist;
    results << "W " << m.id << ' ' << w.slot_id << ' ' << w.position << ' ' << w.seq << ' ' << c.sent_at << ' '
            << received << '\n';
    start_next(c);
  };

  std::vector<epoll_event> events(1024);
  char buf[65536];
  // Runs the connections until done() or the deadline; false at the deadline.
  auto pump = [&](auto done, long long deadline) {
    while (!done()) {
      if (now_us() >= deadline) return false;
      const int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 1000);
      for (int e = 0; e < n; ++e) {
        Conn& c = cs[events[e].data.u64];
        if (c.done) continue;
        if (events[e].events & EPOLLOUT) flush(c);
        if (!(events[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) continue;
        for (;;) {
          const ssize_t got = recv(c.fd, buf, sizeof buf, 0);
          if (got > 0) {
            c.in.append(buf, static_cast<size_t>(got));
            continue;
          }
          if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            std::cerr << "connection closed by the server\n";
            std::exit(1);
          }
          break;
        }
        int status = 0;
        std::string body;
        while (!c.done && take_response(c.in, status, body)) on_response(c, status, body);
      }
    }
    return true;
  };

  for (Conn& c : cs) {
    if (c.members.empty()) continue;
    c.page_loading = true;
    ++pages_loading;
    c.out = "GET /api/v1/bookings/availability?kind=health_check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
            members[c.members.front()].token + "\r\n\r\n";
    flush(c);
  }
  if (!pump([&] { return pages_loading == 0; }, now_us() + 60LL * 1000 * 1000)) {
    std::cerr << "the availability pages did not load within a minute\n";
    return 1;
  }

  const long long t0 = now_us();
  for (Conn& c : cs) start_next(c);
  // bounded: five minutes at most
  if (!pump([&] { return open == 0; }, t0 + 300LL * 1000 * 1000)) {
    std::cerr << "rush did not finish within the time limit\n";
    return 1;
  }
  const double seconds = static_cast<double>(now_us() - t0) / 1e6;
  for (Conn& c : cs) close(c.fd);
  std::sort(latencies_ms.begin(), latencies_ms.end());
  auto pct = [&](double p) {
    return latencies_ms.empty() ? 0.0 : latencies_ms[std::min(latencies_ms.size() - 1, static_cast<size_t>(p * static_cast<double>(latencies_ms.size())))];
  };
  std::cout << "LOAD " << latencies_ms.size() << ' ' << failed << ' ' << pct(0.50) << ' ' << pct(0.99) << ' '
            << static_cast<long>(static_cast<double>(latencies_ms.size()) / seconds) << ' ' << held << ' ' << confirmed
            << ' ' << waitlisted << '\n';
  return 0;
}
