// A tiny blocking HTTP/1.1 client for the server tests: real sockets to 127.0.0.1, one
// connection per object so keep-alive and pipelining can be observed. Every read has a
// 30 s socket timeout so that a server bug fails the test instead of hanging it.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hg::test {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  int status = 0;
  Headers headers;
  std::string body;
  bool keep_alive = false;

  // Case-insensitive; "" when absent.
  std::string header(const std::string& name) const;
  bool has_header(const std::string& name) const;
};

class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port);  // throws when the connection is refused
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  HttpReply request(const std::string& method, const std::string& target, const Headers& headers = {},
                    const std::string& body = {});
  // Bytes exactly as given, for malformed or partial requests.
  void send_raw(const std::string& bytes);
  // The next response on this connection (head: it answers a HEAD request, so no body).
  HttpReply read_reply(bool head = false);
  // Blocks until the server closes the connection (true) or sends more bytes (false).
  bool wait_closed();
  // The local port of this connection, i.e. what the server sees as the remote port.
  std::uint16_t local_port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

HttpReply http_get(std::uint16_t port, const std::string& target, const Headers& headers = {});
HttpReply http_request(std::uint16_t port, const std::string& method, const std::string& target,
                       const Headers& headers = {}, const std::string& body = {});
// True when nothing accepts connections on the port any more.
bool connection_refused(std::uint16_t port);

}  // namespace hg::test
