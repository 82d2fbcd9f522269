// What a page shows from the server, with its fetch state: the last value, the last error,
// whether a fetch is in flight, when it was fetched and for which account. The type says
// the lifetime: Remote<T, RefreshMs> is fetched again RefreshMs after the last fetch
// (kOnDemand: only when invalidated), and always when another account signs in — its value
// belongs to the account it was fetched for and is dropped when the next fetch starts for
// another one.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/error.h"
#include "ui/api_call.h"
#include "ui/area.h"

namespace hg::ui {

// RefreshMs for a value fetched once per account and again only after invalidate().
constexpr std::int64_t kOnDemand = 0;

template <class T, std::int64_t RefreshMs>
class Remote {
 public:
  static constexpr std::int64_t kRefreshMs = RefreshMs;

  // A fetch should start: none in flight, and no fetch yet, invalidated, older than
  // kRefreshMs or made for another account.
  bool due(const UiContext& ctx) const {
    if (loading_) return false;
    if (fetched_ms_ < 0 || fetched_as_ != account(ctx)) return true;
    return kRefreshMs > 0 && ctx.now_ms - fetched_ms_ >= kRefreshMs;
  }
  // A fetch starts now for the signed-in account (another account's value is dropped).
  void start(const UiContext& ctx) {
    if (fetched_as_ != account(ctx)) value_.reset(), error_ = Error{};
    loading_ = true;
    fetched_ms_ = ctx.now_ms;
    fetched_as_ = account(ctx);
  }
  // Starts a GET of `path` with the session's token; the answer's member `name` is kept.
  void fetch(const UiContext& ctx, const std::string& path, const char* name) {
    start(ctx);
    api_call<T, ApiAnswer<T>>(ctx.session, get_request(path), name, [this](ApiAnswer<T> a) { keep(a); });
  }
  // The answer: a value replaces the last one and clears the error; a failure keeps the last
  // value and shows the error.
  template <class Answer>
  void keep(Answer& a) {
    loading_ = false;
    if (a.ok()) {
      value_ = std::move(*a.value);
      error_ = Error{};
    } else {
      error_ = a.error;
    }
  }
  // Ends the fetch in flight without keeping its answer (it was for something the page has
  // stopped showing); due() is true again.
  void drop() {
    loading_ = false;
    fetched_ms_ = -1;
  }
  // The value is out of date (something changed it): due() is true.
  void invalidate() { fetched_ms_ = -1; }
  // Forgets the value and the error (a different question is asked next); due() is true.
  void clear() {
    value_.reset();
    error_ = Error{};
    fetched_ms_ = -1;
  }

  bool loading() const { return loading_; }
  const Error& error() const { return error_; }
  bool failed() const { return !error_.zh.empty(); }
  std::int64_t fetched_ms() const { return fetched_ms_; }
  explicit operator bool() const { return value_.has_value(); }
  const T* operator->() const { return &*value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  T& operator*() { return *value_; }

 private:
  static std::string account(const UiContext& ctx) {
    return ctx.session.signed_in() ? ctx.session.info().account_id : std::string();
  }
  std::optional<T> value_;
  Error error_;
  bool loading_ = false;
  std::int64_t fetched_ms_ = -1;  // -1: never, or invalidated
  std::string fetched_as_;
};

}  // namespace hg::ui
