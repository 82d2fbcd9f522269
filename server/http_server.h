// The HTTP/1.1 server: Boost.Beast on an Asio io_context run by N threads. Each connection
// is a small state machine driven by async callbacks on its own strand, so thousands of
// mostly idle keep-alive connections cost memory, not threads. Beast stays inside
// http_server.cpp; this header is plain C++.
//
// Per connection: an idle timeout while waiting for the next request, a header timeout
// once one starts arriving, a body timeout, a write timeout that grows with the response
// size. Limits: header bytes (431 when exceeded) and body bytes (413, as JSON).
//
// Graceful stop: stop accepting; close connections that sit idle between requests; let
// every request already being read or handled finish and send its answer (with
// "Connection: close"); after a grace period close whatever is left; then return.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/http_types.h"

namespace hg::srv {

// Called exactly once per request with its answer, from any thread.
using Responder = std::function<void(Response)>;

// What the server calls for every complete request, on an IO thread. It must not block:
// slow work goes to another thread, which then calls `done`.
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  virtual void handle(Request req, Responder done) = 0;
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: the kernel picks one; see HttpServer::port()
  int threads = 1;
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 64 * 1024;
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(60)};     // keep-alive, between requests
  std::chrono::milliseconds header_timeout{std::chrono::seconds(10)};   // first byte → end of header
  std::chrono::milliseconds body_timeout{std::chrono::seconds(30)};
  std::chrono::milliseconds write_timeout{std::chrono::seconds(30)};    // plus 1 s per 16 KiB sent
  std::chrono::milliseconds shutdown_grace{std::chrono::seconds(10)};
  // SIGINT/SIGTERM start a graceful stop; SIGHUP calls on_reload. Only the process's
  // main server should take the signals (tests run several servers and leave this off).
  bool handle_signals = false;
  std::function<void()> on_reload;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, RequestHandler& handler);
  ~HttpServer();  // stops if still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and starts the IO threads. Throws std::runtime_error (e.g. port in use).
  void start();
  std::uint16_t port() const;
  // Starts a graceful stop and returns at once; safe from any thread, including handlers.
  void request_stop();
  // Blocks until the server has stopped (after request_stop() or a signal) and joins the threads.
  void wait();
  // request_stop() + wait().
  void stop();
  bool stopping() const;

  struct Impl;  // opaque; public only so that http_server.cpp's connection class can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace hg::srv
