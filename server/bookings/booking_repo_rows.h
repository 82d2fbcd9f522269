// Running statements, for the booking_repo files only: binding the parameters, the first
// row of a lookup, or the first column of every row.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/store/sqlite.h"

namespace hg::srv::booking_repo {

// The cached statement `sql` with `args` bound to ?1, ?2, …
template <class... Args>
Stmt& bound(Db& db, const char* sql, const Args&... args) {
  Stmt& s = db.cached(sql);
  int i = 0;
  (s.bind(++i, args), ...);
  return s;
}

// The first row of `sql` with `args`, read by `read`; nullopt when there is none.
template <class Read, class... Args>
auto first_row(Db& db, const char* sql, Read read, const Args&... args) -> std::optional<decltype(read(std::declval<Stmt&>()))> {
  Stmt& s = bound(db, sql, args...);
  const StmtReset reset_s(s);
  if (!s.step()) return std::nullopt;
  return read(s);
}

// The first column of every row of `sql` with `args`.
template <class... Args>
std::vector<std::string> ids_of(Db& db, const char* sql, const Args&... args) {
  Stmt& s = bound(db, sql, args...);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

}  // namespace hg::srv::booking_repo
