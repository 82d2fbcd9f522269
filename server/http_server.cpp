// The only translation unit that includes Beast/Asio (they cost seconds per file to compile).
//
// Sections:
//   server state  the io_context, threads, listener and the set of live connections
//   Connection    one keep-alive TCP connection on its own strand: read, dispatch, write
//   Impl          accepting, signals, graceful stop and the connection set
//   HttpServer    the public face: start, request_stop, wait, stop
#include "server/http_server.h"

#include <pthread.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/json.h"
#include "server/log.h"

namespace hg::srv {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

class Connection;

// ---- server state ----

struct HttpServer::Impl {
  Impl(ServerOptions o, RequestHandler& h)
      : opt(std::move(o)), handler(h), work(ioc.get_executor()), ctl(ioc.get_executor()), acceptor(ctl),
        accept_retry(ctl), flush_timer(ctl), grace_timer(ctl) {}

  // Declared before the io_context so that they outlive it: connections still queued in it
  // unregister themselves while it is destroyed.
  std::mutex mu;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;
  bool finished = false;
  std::atomic<bool> stopping{false};

  ServerOptions opt;
  RequestHandler& handler;
  net::io_context ioc;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  // Acceptor, timers and signals are only touched on this strand.
  net::strand<net::io_context::executor_type> ctl;
  tcp::acceptor acceptor;
  net::steady_timer accept_retry;
  net::steady_timer flush_timer;
  net::steady_timer grace_timer;
  std::unique_ptr<net::signal_set> signals;
  std::mutex join_mu;
  std::vector<std::thread> threads;
  std::uint16_t port = 0;

  void start();
  void run_thread();
  void do_accept();
  void schedule_flush();
  void wait_signal();
  void request_stop();
  void on_grace_expired();
  void finish();
  void add_connection(const std::shared_ptr<Connection>& s);
  void remove_connection(Connection* s);
  std::vector<std::shared_ptr<Connection>> live_connections();
};

// ---- Connection ----

// One connection. All its work runs on its own strand (the socket's executor), so no
// locking inside; the server reaches it only by posting onto that strand.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(HttpServer::Impl& srv, tcp::socket&& socket) : srv_(srv), stream_(std::move(socket)) {
    beast::error_code ec;
    const tcp::endpoint ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string() + ":" + std::to_string(ep.port());
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }
  ~Connection() { srv_.remove_connection(this); }

  void start() {
    srv_.add_connection(shared_from_this());
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->next_request(); });
  }

  // Posted by the server when it starts stopping: a connection idle between requests is
  // closed now; one in the middle of a request finishes it (and then closes, see send()).
  void on_server_stop() {
    if (state_ == State::idle) stream_.close();
  }
  // Posted when the grace period is over.
  void force_close() { stream_.close(); }

  net::any_io_executor executor() { return stream_.get_executor(); }

 private:
  enum class State { idle, reading, handling, writing, closing };

  const ServerOptions& opt() const { return srv_.opt; }

  void next_request() {
    if (srv_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(opt().header_limit));
    parser_->body_limit(opt().body_limit);
    if (buffer_.size() > 0) return read_header();  // a pipelined request is already here
    if (buffer_.capacity() > 16 * 1024) buffer_.shrink_to_fit();  // idle connections stay small
    // Idle: wait for the first byte under the keep-alive timeout. Only then does the header
    // timeout start, so a graceful stop can tell idle connections from busy ones.
    state_ = State::idle;
    stream_.expires_after(opt().idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec) return self->close();
      self->buffer_.commit(n);
      self->read_header();
    });
  }

  void read_header() {
    state_ = State::reading;
    started_ = Clock::now();
    stream_.expires_after(opt().header_timeout);
    http::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->on_header(ec);
    });
  }

  void on_header(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    if (parser_->is_done()) return handle_request();
    const auto& req = parser_->get();
    if (beast::iequals(req[http::field::expect], "100-continue")) {
      // The client waits for a go-ahead before sending the body (curl does for big uploads).
      continue_ = {};
      continue_.version(11);
      continue_.result(http::status::continue_);
      stream_.expires_after(opt().write_timeout);
      http::async_write(stream_, continue_, [self = shared_from_this()](beast::error_code wec, std::size_t) {
        if (wec) return self->close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    // A small request's body usually arrives in the same packet as its header: parse what
    // is already buffered now rather than through another round of the reactor and its timer.
    if (buffer_.size() > 0) {
      beast::error_code ec;
      buffer_.consume(parser_->put(buffer_.data(), ec));
      if (ec && ec != http::error::need_more) return on_read_error(ec);
      if (parser_->is_done()) return handle_request();
    }
    stream_.expires_after(opt().body_timeout);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->on_read_error(ec);
      self->handle_request();
    });
  }

  void on_read_error(beast::error_code ec) {
    const auto& req = parser_->get();
    const std::string target(req.target());
    const bool api = target.rfind("/api", 0) == 0;
    method_ = std::string(req.method_string());
    target_ = target;
    Response r;
    if (ec == http::error::body_limit) {
      r = Response::error(too_large_error(opt().body_limit));
    } else if (ec == http::error::header_limit) {
      const Error e = make_error(Errc::too_large, "请求头过大", "Request headers too large");
      r = api ? Response::error(431, e) : Response::text(431, "431 请求头过大 / Request headers too large\n");
    } else if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
               ec != http::error::partial_message && ec != http::error::end_of_stream) {
      const Error e = make_error(Errc::invalid_input, "请求格式有误", "Malformed HTTP request");
      r = api ? Response::error(400, e) : Response::text(400, "400 请求格式有误 / Bad request\n");
    } else {
      return close();  // timeout, reset, end of stream: nobody to answer
    }
    // The rest of the request is unread: answer, then close without reading it.
    keep_alive_ = false;
    head_ = false;
    version_ = req.version() ? req.version() : 11;
    linger_ = true;
    if (method_.empty()) method_ = "-";
    if (target_.empty()) target_ = "-";
    send(std::move(r));
  }

  void handle_request() {
    state_ = State::handling;
    auto& msg = parser_->get();
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    const size_t q = req.target.find('?');
    req.path = req.target.substr(0, q);
    if (q != std::string::npos) req.query_string = req.target.substr(q + 1);
    req.headers.reserve(16);
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      req.headers.push_back({std::move(name), std::string(field.value())});
    }
    req.body = std::move(msg.body());
    req.remote = remote_;
    keep_alive_ = msg.keep_alive();
    head_ = msg.method() == http::verb::head;
    version_ = msg.version();
    method_ = req.method;
    target_ = req.target;
    linger_ = false;

    auto self = shared_from_this();
    Responder done = [self](Response r) {
      net::post(self->stream_.get_executor(),
                [self, r = std::move(r)]() mutable { self->send(std::move(r)); });
    };
    try {
      srv_.handler.handle(std::move(req), std::move(done));
    } catch (const std::exception& e) {
      log::error(std::string("request handler threw: ") + e.what());
      close();
    }
  }

  void send(Response r) {
    if (state_ == State::closing) return;
    res_ = std::move(r);
    const bool keep = keep_alive_ && !res_.close && !srv_.stopping;
    out_ = {};
    out_.version(version_);
    out_.result(static_cast<unsigned>(res_.status));
    out_.set(http::field::server, "huigong");
    if (!res_.content_type.empty()) out_.set(http::field::content_type, res_.content_type);
    for (const Header& h : res_.headers) out_.set(h.name, h.value);
    const std::string_view body = res_.body_view();
    const bool bodiless_status = res_.status < 200 || res_.status == 204 || res_.status == 304;
    // HEAD: the headers GET would send, Content-Length included, and no body.
    if (!bodiless_status) out_.content_length(body.size());
    if (!bodiless_status && !head_) out_.body() = beast::span<char const>(body.data(), body.size());
    out_.keep_alive(keep);
    keep_ = keep;
    bytes_ = (bodiless_status || head_) ? 0 : body.size();
    state_ = State::writing;
    stream_.expires_after(opt().write_timeout + std::chrono::seconds(bytes_ / (16 * 1024)));
    http::async_write(stream_, out_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->on_write(ec);
    });
  }

  void on_write(beast::error_code ec) {
    log::request({remote_, method_, target_, res_.status, bytes_,
                  std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_)});
    res_ = Response();
    out_ = {};
    if (ec) return close();
    if (linger_) return linger_close();
    if (!keep_) return close();
    next_request();
  }

  void close() {
    state_ = State::closing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  // After an error answer the client may still be sending the request we refused. Closing
  // with unread data makes the kernel send a reset, which can destroy our answer before the
  // client reads it; so stop sending, read and discard for a moment, then close.
  void linger_close() {
    state_ = State::closing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(2));
    drain();
  }

  void drain() {
    stream_.async_read_some(net::buffer(drain_buf_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > (1u << 20)) return self->stream_.close();
      self->drain();
    });
  }

  HttpServer::Impl& srv_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::empty_body> continue_;
  http::response<http::span_body<char const>> out_;
  Response res_;  // owns the bytes out_ points into until the write completes
  State state_ = State::idle;
  std::string remote_ = "-";
  std::string method_, target_;
  Clock::time_point started_ = Clock::now();
  unsigned version_ = 11;
  bool keep_alive_ = false, keep_ = false, head_ = false, linger_ = false;
  std::uint64_t bytes_ = 0;
  std::size_t drained_ = 0;
  char drain_buf_[4096];
};

// ---- Impl ----

void HttpServer::Impl::start() {
  beast::error_code ec;
  const net::ip::address address = net::ip::make_address(opt.address, ec);
  if (ec) throw std::runtime_error("bad listen address " + opt.address + ": " + ec.message());
  const tcp::endpoint ep(address, opt.port);
  const std::string where = opt.address + ":" + std::to_string(opt.port);
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
  port = acceptor.local_endpoint().port();

  if (opt.handle_signals) {
    signals = std::make_unique<net::signal_set>(ctl, SIGINT, SIGTERM);
    signals->add(SIGHUP);
    wait_signal();
  }
  net::post(ctl, [this] {
    do_accept();
    schedule_flush();
  });
  for (int i = 0; i < std::max(1, opt.threads); ++i) threads.emplace_back([this] { run_thread(); });
}

void HttpServer::Impl::run_thread() {
  pthread_setname_np(pthread_self(), "hg-io");
  while (true) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      // A handler that throws must not take the whole server down with it.
      log::error(std::string("uncaught exception on an IO thread: ") + e.what());
    }
  }
}

void HttpServer::Impl::do_accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      // Typically EMFILE in a rush: retrying at once would spin; wait a moment.
      log::error("accept: " + ec.message());
      accept_retry.expires_after(std::chrono::milliseconds(100));
      accept_retry.async_wait([this](beast::error_code tec) {
        if (!tec && !stopping) do_accept();
      });
      return;
    }
    if (!stopping) std::make_shared<Connection>(*this, std::move(socket))->start();
    do_accept();
  });
}

void HttpServer::Impl::schedule_flush() {
  flush_timer.expires_after(std::chrono::seconds(1));
  flush_timer.async_wait([this](beast::error_code ec) {
    if (ec) return;
    log::flush();
    schedule_flush();
  });
}

void HttpServer::Impl::wait_signal() {
  signals->async_wait([this](beast::error_code ec, int sig) {
    if (ec) return;
    if (sig == SIGHUP) {
      if (opt.on_reload) opt.on_reload();
      wait_signal();
      return;
    }
    log::info(std::string("received ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + ", stopping gracefully");
    request_stop();
  });
}

void HttpServer::Impl::request_stop() {
  if (stopping.exchange(true)) return;
  net::post(ctl, [this] {
    beast::error_code ec;
    acceptor.close(ec);
    accept_retry.cancel();
    flush_timer.cancel();
    if (signals) signals->cancel(ec);
    for (const std::shared_ptr<Connection>& s : live_connections())
      net::post(s->executor(), [s] { s->on_server_stop(); });
    grace_timer.expires_after(opt.shutdown_grace);
    grace_timer.async_wait([this](beast::error_code tec) {
      if (!tec) on_grace_expired();
    });
    bool empty;
    {
      std::lock_guard<std::mutex> lock(mu);
      empty = connections.empty();
    }
    if (empty) finish();
  });
}

void HttpServer::Impl::on_grace_expired() {
  log::error("shutdown grace period over: closing the remaining connections");
  for (const std::shared_ptr<Connection>& s : live_connections()) net::post(s->executor(), [s] { s->force_close(); });
  // A handler stuck on its worker keeps its connection alive; do not wait for it forever.
  grace_timer.expires_after(opt.shutdown_grace);
  grace_timer.async_wait([this](beast::error_code ec) {
    if (!ec) finish();
  });
}

void HttpServer::Impl::finish() {
  {
    std::lock_guard<std::mutex> lock(mu);
    if (finished) return;
    finished = true;
  }
  net::post(ctl, [this] { grace_timer.cancel(); });
  work.reset();
  ioc.stop();
}

void HttpServer::Impl::add_connection(const std::shared_ptr<Connection>& s) {
  std::lock_guard<std::mutex> lock(mu);
  connections.emplace(s.get(), s);
}

void HttpServer::Impl::remove_connection(Connection* s) {
  bool last;
  {
    std::lock_guard<std::mutex> lock(mu);
    connections.erase(s);
    last = stopping && connections.empty() && !finished;
  }
  if (last) finish();
}

std::vector<std::shared_ptr<Connection>> HttpServer::Impl::live_connections() {
  std::vector<std::shared_ptr<Connection>> out;
  std::lock_guard<std::mutex> lock(mu);
  out.reserve(connections.size());
  for (auto& [ptr, weak] : connections)
    if (auto s = weak.lock()) out.push_back(std::move(s));
  return out;
}

// ---- HttpServer ----

HttpServer::HttpServer(ServerOptions options, RequestHandler& handler)
    : impl_(std::make_unique<Impl>(std::move(options), handler)) {}

HttpServer::~HttpServer() {
  if (!impl_->threads.empty()) stop();
}

void HttpServer::start() { impl_->start(); }
std::uint16_t HttpServer::port() const { return impl_->port; }
void HttpServer::request_stop() { impl_->request_stop(); }
bool HttpServer::stopping() const { return impl_->stopping; }

void HttpServer::wait() {
  std::lock_guard<std::mutex> lock(impl_->join_mu);
  for (std::thread& t : impl_->threads)
    if (t.joinable()) t.join();
  log::flush();
}

void HttpServer::stop() {
  request_stop();
  wait();
}

}  // namespace hg::srv
