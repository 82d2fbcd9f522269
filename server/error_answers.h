// The answers for what went wrong outside a handler's own refusals, written once for the
// router (App) and the group-commit writer: "busy" (503) and "a bug" (500), and the ladder
// from an exception to its answer.
#pragma once
#include <string_view>

#include "core/error.h"
#include "server/http_types.h"

namespace hg::srv {

// 503 unavailable: the worker queue or the write queue is full, or a batch failed to commit.
Error busy_error();
// 500 internal: an exception nobody expected.
Error internal_error();

// Only inside a catch block: the answer for the exception being handled. ApiError → its
// error; DbError → its error, logged; any other std::exception → internal_error(), logged.
// Log lines start with `where` ("POST /api/v1/…", "write").
Response answer_current_exception(std::string_view where);

}  // namespace hg::srv
