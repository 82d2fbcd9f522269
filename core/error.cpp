#include "core/error.h"

namespace hg {

namespace {
struct Info {
  Errc code;
  const char* name;
  int status;
};
constexpr Info kInfo[] = {
    {Errc::invalid_input, "invalid_input", 400}, {Errc::unauthorized, "unauthorized", 401},
    {Errc::forbidden, "forbidden", 403},         {Errc::not_found, "not_found", 404},
    {Errc::conflict, "conflict", 409},           {Errc::too_large, "too_large", 413},
    {Errc::unavailable, "unavailable", 503},     {Errc::internal, "internal", 500},
};
const Info& info(Errc c) {
  for (const Info& i : kInfo)
    if (i.code == c) return i;
  return kInfo[sizeof kInfo / sizeof kInfo[0] - 1];
}
}  // namespace

int Error::http_status() const { return info(code).status; }
const char* Error::code_name() const { return info(code).name; }

Error make_error(Errc code, std::string zh, std::string en, std::string reason) {
  return Error{code, std::move(zh), std::move(en), std::move(reason)};
}

Errc errc_from_name(const std::string& name) {
  for (const Info& i : kInfo)
    if (name == i.name) return i.code;
  return Errc::internal;
}

}  // namespace hg
