// The signed-in account on this device, kept in storage so a reload stays signed in.
// Areas send authenticated requests through api(): it adds "Authorization: Bearer …" and
// signs out locally when the server answers 401 (expired or revoked session).
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/models/role.h"
#include "core/models/session.h"
#include "ui/platform.h"

namespace hg::ui {

class Session {
 public:
  explicit Session(Platform& platform);

  const SessionInfo& info() const { return info_; }
  bool signed_in() const { return info_.signed_in(); }
  bool is(Role role) const { return signed_in() && info_.role == role_info(role).key; }

  // done(ok, error) on the UI thread.
  void sign_in(const std::string& login, const std::string& password, std::function<void(bool, const Error&)> done);
  void sign_out();
  bool busy() const { return busy_; }

  // The signed-in account's own data kept on this device (my coupons, my bookings), so its
  // pages open with no signal. A copy is read back only by the account it was saved for,
  // and signing out (or a session found expired) erases every copy. `account` is who the
  // data was fetched for: an answer arriving after another account signed in is not kept.
  void save_own(const std::string& account, const std::string& name, const std::string& bytes);
  std::optional<std::string> load_own(const std::string& name) const;

  void api(HttpRequest request, Platform::HttpDone done);
  // A fresh Idempotency-Key for one state-changing request (keep it for its retries).
  std::string new_idempotency_key();

 private:
  void store();
  void erase_own();
  Platform& platform_;
  SessionInfo info_;
  bool busy_ = false;
  std::uint64_t key_counter_ = 0;
};

// Reads {"error":{code,zh,en}} from an answer; a transport failure or an unreadable body
// becomes a readable "unavailable" error.
Error error_of(const HttpResponse& r);

}  // namespace hg::ui
