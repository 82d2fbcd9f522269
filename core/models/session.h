// Signing in: what the client sends to /api/v1/auth/login and what it keeps afterwards.
// The token is opaque to the client; it is sent back as "Authorization: Bearer <token>".
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <string>

#include "core/cst_time.h"

namespace hg {

constexpr const char* kLoginJson = "login";
constexpr const char* kSessionJson = "session";

struct LoginRequest {
  std::string login;
  std::string password;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(login), CEREAL_NVP(password));
  }
};

struct SessionInfo {
  std::string token;
  std::string account_id;
  std::string role;     // member, merchant_staff, clinic_staff, locker, union_admin
  std::string subject;  // member id / merchant id / clinic id / station id / union name
  std::string display_name;
  UnixSeconds expires_at = 0;

  bool signed_in() const { return !token.empty(); }

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(token), CEREAL_NVP(account_id), CEREAL_NVP(role), CEREAL_NVP(subject), CEREAL_NVP(display_name),
       CEREAL_NVP(expires_at));
  }
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::LoginRequest, 1)
CEREAL_CLASS_VERSION(hg::SessionInfo, 1)
