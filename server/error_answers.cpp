#include "server/error_answers.h"

#include <exception>
#include <string>

#include "server/api_error.h"
#include "server/log.h"
#include "server/store/sqlite.h"

namespace hg::srv {

Error busy_error() {
  return make_error(Errc::unavailable, "当前访问人数过多，请稍后再试", "Too many requests right now; please try again shortly");
}

Error internal_error() {
  return make_error(Errc::internal, "服务器内部错误，这是程序缺陷，请稍后再试", "Internal server error (a bug); please try again later");
}

Response answer_current_exception(std::string_view where) {
  try {
    throw;
  } catch (const ApiError& e) {
    return Response::error(e.error());
  } catch (const DbError& e) {
    log::error(std::string(where) + ": " + e.what());
    return Response::error(e.error());
  } catch (const std::exception& e) {
    log::error(std::string(where) + ": " + e.what());
    return Response::error(internal_error());
  }
}

}  // namespace hg::srv
