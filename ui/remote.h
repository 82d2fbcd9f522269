// What a page shows from the server, with its fetch state: the last value, the last error,
// whether a fetch is in flight, when it was fetched and for which account. The type says
// the lifetime: Remote<T, RefreshMs> is fetched again RefreshMs after the last fetch
// (kOnDemand: only when invalidated), and always when another account signs in — its value
// belongs to the account it was fetched for and is dropped when the next fetch starts for
// another one. KeptRemote<T, RefreshMs> also keeps its last answer on the device, for the
// account's pages that must work with no signal (my coupons, my bookings).
#pragma once
#include <cstdint>
#include <optional>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.h"
#include "core/json.h"
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

 protected:
  static std::string account(const UiContext& ctx) {
    return ctx.session.signed_in() ? ctx.session.info().account_id : std::string();
  }
  std::optional<T> value_;
  Error error_;
  bool loading_ = false;
  std::int64_t fetched_ms_ = -1;  // -1: never, or invalidated
  std::string fetched_as_;
};

// A Remote whose last answer is also kept on the device for the account it was fetched for
// (Session::save_own, erased at sign-out), so its page opens with it when there is no signal
// and can say how old it is. With no answer at all it asks again every kOfflineRetryMs,
// whatever RefreshMs says. Use it through its own start/keep/fetch (they hide Remote's).
template <class T, std::int64_t RefreshMs>
class KeptRemote : public Remote<T, RefreshMs> {
  using Base = Remote<T, RefreshMs>;

 public:
  static constexpr std::int64_t kOfflineRetryMs = 20000;

  // `name`: the answer's JSON member, also the name the copy is kept under.
  explicit KeptRemote(const char* name) : name_(name) {}

  bool due(const UiContext& ctx) const {
    if (offline_ && !this->loading_ && this->fetched_as_ == Base::account(ctx))
      return ctx.now_ms - this->fetched_ms_ >= kOfflineRetryMs;
    return Base::due(ctx);
  }
  // A fetch starts; while the page has nothing for this account, the device's copy shows.
  void start(const UiContext& ctx) {
    if (this->fetched_as_ != Base::account(ctx)) offline_ = false;  // another account's fetch said so
    Base::start(ctx);
    session_ = &ctx.session;
    started_ms_ = ctx.now_ms;
    if (!this->value_) restore(ctx.session);
  }
  // Starts a GET of `path`; the answer's member `name` is kept, on the device too.
  void fetch(const UiContext& ctx, const std::string& path) {
    start(ctx);
    api_call<T, ApiAnswer<T>>(ctx.session, get_request(path), name_, [this](ApiAnswer<T> a) { keep(a); });
  }
  template <class Answer>
  void keep(Answer& a) {
    offline_ = !a.ok() && a.status == 0;
    if (a.ok() && session_) {
      saved_ms_ = started_ms_;
      session_->save_own(this->fetched_as_, name_, std::to_string(saved_ms_) + "\n" + to_json(name_, *a.value));
    }
    Base::keep(a);
  }

  // When the value shown was answered by the server (device UTC ms), 0 when there is none.
  std::int64_t saved_ms() const { return this->value_ ? saved_ms_ : 0; }
  // The last fetch got no answer at all (no signal, server down): what shows is the copy.
  bool offline() const { return offline_; }

 private:
  // The copy is "<saved ms>\n<JSON>"; a damaged one is ignored (the fetch replaces it).
  void restore(Session& session) {
    const std::optional<std::string> kept = session.load_own(name_);
    if (!kept) return;
    const std::size_t eol = kept->find('\n');
    if (eol == std::string::npos) return;
    const std::int64_t ms = std::strtoll(kept->c_str(), nullptr, 10);
    Result<T> v = from_json<T>(std::string_view(*kept).substr(eol + 1), name_, 8u << 20);
    if (ms <= 0 || !v.ok()) return;
    this->value_ = std::move(v.value());
    saved_ms_ = ms;
  }

  const char* name_;
  Session* session_ = nullptr;
  std::int64_t started_ms_ = 0;
  std::int64_t saved_ms_ = 0;
  bool offline_ = false;
};

}  // namespace hg::ui
