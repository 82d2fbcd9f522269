#include "native/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

namespace hg::native {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

ui::HttpResponse http_request(const std::string& host, const std::string& port, const ui::HttpRequest& request) {
  ui::HttpResponse out;
  // Asynchronous operations run to completion on a private io_context: that is what lets
  // one deadline cover resolving, connecting, writing and reading.
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  beast::flat_buffer buffer;
  http::request<http::string_body> req{http::string_to_verb(request.method), request.path, 11};
  req.set(http::field::host, host + ":" + port);
  req.set(http::field::user_agent, "huigong-desktop");
  req.set(http::field::accept, "application/json");
  for (const auto& [name, value] : request.headers) req.set(name, value);
  if (!request.body.empty()) {
    req.set(http::field::content_type, "application/json");
    req.body() = request.body;
  }
  req.prepare_payload();
  http::response_parser<http::string_body> parser;
  parser.body_limit(64u << 20);

  beast::error_code failure;
  auto fail = [&](beast::error_code ec) { failure = ec; };
  stream.expires_after(std::chrono::milliseconds(request.timeout_ms));
  resolver.async_resolve(host, port, [&](beast::error_code ec, tcp::resolver::results_type results) {
    if (ec) return fail(ec);
    stream.async_connect(results, [&](beast::error_code ec2, const tcp::endpoint&) {
      if (ec2) return fail(ec2);
      http::async_write(stream, req, [&](beast::error_code ec3, size_t) {
        if (ec3) return fail(ec3);
        http::async_read(stream, buffer, parser, [&](beast::error_code ec4, size_t) {
          if (ec4) return fail(ec4);
          out.status = static_cast<int>(parser.get().result_int());
          out.body = std::move(parser.get().body());
        });
      });
    });
  });
  ioc.run();
  if (failure) {
    out.status = 0;
    out.error = failure.message();
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return out;
}

}  // namespace hg::native
