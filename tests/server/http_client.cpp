#include "tests/server/http_client.h"

#include <poll.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <stdexcept>

namespace hg::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
bool iequal(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}
}  // namespace

std::string HttpReply::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (iequal(k, name)) return v;
  return "";
}

bool HttpReply::has_header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (iequal(k, name)) return true;
  return false;
}

// A socket whose blocking reads give up after 30 s, so that a server bug fails the test
// instead of hanging it. (SO_RCVTIMEO does not help: Asio's blocking read waits in poll()
// without a timeout when recv() reports EAGAIN.)
struct TimedSocket {
  tcp::socket& socket;
  using executor_type = tcp::socket::executor_type;
  executor_type get_executor() { return socket.get_executor(); }

  template <class Buffers>
  size_t read_some(const Buffers& buffers, boost::system::error_code& ec) {
    pollfd p{socket.native_handle(), POLLIN, 0};
    if (::poll(&p, 1, 30000) == 0) {
      ec = net::error::timed_out;
      return 0;
    }
    return socket.read_some(buffers, ec);
  }
  template <class Buffers>
  size_t read_some(const Buffers& buffers) {
    boost::system::error_code ec;
    const size_t n = read_some(buffers, ec);
    if (ec) throw boost::system::system_error(ec);
    return n;
  }
  template <class Buffers>
  size_t write_some(const Buffers& buffers, boost::system::error_code& ec) {
    return socket.write_some(buffers, ec);
  }
  template <class Buffers>
  size_t write_some(const Buffers& buffers) {
    return socket.write_some(buffers);
  }
};

struct HttpConnection::Impl {
  net::io_context ioc;
  tcp::socket socket{ioc};
  TimedSocket timed{socket};
  beast::flat_buffer buffer;
};

HttpConnection::HttpConnection(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
  impl_->socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
}

HttpConnection::~HttpConnection() = default;

HttpReply HttpConnection::request(const std::string& method, const std::string& target, const Headers& headers,
                                  const std::string& body) {
  http::request<http::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT") req.prepare_payload();
  http::write(impl_->socket, req);
  return read_reply(method == "HEAD");
}

void HttpConnection::send_raw(const std::string& bytes) { net::write(impl_->socket, net::buffer(bytes)); }

HttpReply HttpConnection::read_reply(bool head) {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64u << 20);
  parser.skip(head);
  http::read(impl_->timed, impl_->buffer, parser);
  const auto& res = parser.get();
  HttpReply r;
  r.status = static_cast<int>(res.result_int());
  for (const auto& f : res) r.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
  r.body = res.body();
  r.keep_alive = res.keep_alive();
  return r;
}

bool HttpConnection::wait_closed() {
  if (impl_->buffer.size() > 0) return false;
  char c;
  boost::system::error_code ec;
  const size_t n = impl_->timed.read_some(net::buffer(&c, 1), ec);
  if (n > 0) return false;
  if (ec == net::error::eof || ec == net::error::connection_reset) return true;
  throw std::runtime_error("wait_closed: " + ec.message());
}

std::uint16_t HttpConnection::local_port() const { return impl_->socket.local_endpoint().port(); }

HttpReply http_request(std::uint16_t port, const std::string& method, const std::string& target,
                       const Headers& headers, const std::string& body) {
  HttpConnection c(port);
  return c.request(method, target, headers, body);
}

HttpReply http_get(std::uint16_t port, const std::string& target, const Headers& headers) {
  return http_request(port, "GET", target, headers);
}

bool connection_refused(std::uint16_t port) {
  net::io_context ioc;
  tcp::socket s(ioc);
  boost::system::error_code ec;
  s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  return ec == net::error::connection_refused;
}

}  // namespace hg::test
