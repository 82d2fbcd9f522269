// A thin RAII layer over libsqlite3: a connection (Db), prepared statements (Stmt) and
// transactions (Transaction). Every failure throws DbError, which carries the hg::Error a
// client sees (503 unavailable when the store is busy or broken, 409 conflict for a
// constraint, 500 otherwise) and, separately, SQLite's own message for the log.
//
//   Stmt s = db.prepare("SELECT name FROM members WHERE city = ?1 ORDER BY joined_at");
//   s.bind(1, "福州市");
//   while (s.step()) names.push_back(s.column_text(0));
//
// A Db is used by one thread at a time (connections are opened with SQLITE_OPEN_NOMUTEX);
// share the database between threads with one Db per thread, as Store does.
#pragma once
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace hg::srv {

class DbError : public std::runtime_error {
 public:
  DbError(Error error, const std::string& detail, int sqlite_code = 0)
      : std::runtime_error(detail), error_(std::move(error)), sqlite_code_(sqlite_code) {}
  const Error& error() const { return error_; }
  int sqlite_code() const { return sqlite_code_; }  // primary result code, 0 when not from SQLite

 private:
  Error error_;
  int sqlite_code_;
};

// The hg::Error for an SQLite result code (the message a member sees, in both languages).
Error sqlite_error(int code);

class Stmt {
 public:
  Stmt() = default;
  Stmt(Stmt&& o) noexcept;
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Parameters are 1-based ("?1", "?2", …), as in SQLite.
  Stmt& bind(int index, std::int64_t value);
  Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Stmt& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  Stmt& bind(int index, double value);
  Stmt& bind(int index, std::string_view text);  // copied by SQLite
  Stmt& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Stmt& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Stmt& bind_null(int index);

  // True while there is a row to read; false when done. Throws on error.
  bool step();
  // Steps a statement that returns no rows (INSERT/UPDATE/DELETE/DDL).
  void run();
  // Ready to run again with new bindings.
  void reset();

  int column_count() const;
  bool column_is_null(int col) const;  // columns are 0-based
  std::int64_t column_int64(int col) const;
  int column_int(int col) const;
  double column_double(int col) const;
  std::string column_text(int col) const;
  // Reads the row's columns first, first + 1, … into the variables in order, each by its
  // type (std::string text, std::int64_t or int integer, bool non-zero, double), so a
  // model's row reader is one call instead of a line per column:
  //   s.columns(0, st.id, st.name, lon_e6, lat_e6);
  template <class... T>
  void columns(int first, T&... out) const {
    int col = first;
    (read_column(col++, out), ...);
  }

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  friend class Db;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void check(int rc, const char* what) const;
  void read_column(int col, std::string& out) const { out = column_text(col); }
  void read_column(int col, std::int64_t& out) const { out = column_int64(col); }
  void read_column(int col, int& out) const { out = column_int(col); }
  void read_column(int col, bool& out) const { out = column_int(col) != 0; }
  void read_column(int col, double& out) const { out = column_double(col); }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement when the scope ends, however it ends (a return, a throw), so no early
// exit leaves a cached statement's read open or its bindings behind:
//
//   Stmt& s = db.cached("SELECT blocked_until FROM bk_blocks WHERE member_id = ?1");
//   const StmtReset reset_s(s);
//   s.bind(1, member_id);
//   return s.step() ? s.column_int64(0) : 0;
//
// Holds a reference, allocates nothing. Statements that only run() need none (run() resets).
class StmtReset {
 public:
  explicit StmtReset(Stmt& s) : stmt_(s) {}
  ~StmtReset() { stmt_.reset(); }
  StmtReset(const StmtReset&) = delete;
  StmtReset& operator=(const StmtReset&) = delete;

 private:
  Stmt& stmt_;
};

class Db {
 public:
  // Opens (creating if missing) and sets the pragmas every connection needs: WAL journal,
  // busy_timeout, foreign_keys=ON, synchronous=FULL.
  static Db open(const std::string& path, int busy_timeout_ms = 5000);

  Db() = default;
  Db(Db&& o) noexcept;
  Db& operator=(Db&& o) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  bool is_open() const { return db_ != nullptr; }
  void close();

  // One or more statements, no results (DDL, pragmas, BEGIN/COMMIT).
  void exec(const char* sql);
  void exec(const std::string& sql) { exec(sql.c_str()); }
  Stmt prepare(std::string_view sql);
  // A statement prepared once per connection and reused: reset and unbound on each call.
  // For hot paths. The reference stays valid until the Db closes; do not hold it across
  // another cached() call for the same SQL. Pass a literal or a static string: its address
  // is the key of the fast lookup (other text at a reused address is still told apart).
  Stmt& cached(const char* sql);

  // Resets every statement of this connection, so none keeps a read snapshot open (called
  // when a pooled connection is handed back).
  void reset_statements();

  // The first column of the first row as an integer, or `fallback` when there is no row or it is NULL.
  std::int64_t query_int64(std::string_view sql, std::int64_t fallback = 0);
  // The same through a cached() statement whose ?1, ?2… are bound to `args`, for the many
  // one-number reads (a count, a counter, a sum) of the areas' repos:
  //   return db.cached_int64("SELECT waiting FROM bk_slots WHERE id = ?1", 0, slot_id);
  template <class... Args>
  std::int64_t cached_int64(const char* sql, std::int64_t fallback, const Args&... args) {
    Stmt& s = cached(sql);
    const StmtReset reset_s(s);
    int index = 0;
    (s.bind(++index, args), ...);
    if (!s.step() || s.column_is_null(0)) return fallback;
    return s.column_int64(0);
  }

  // Rows that change only through a few known functions (bookings' plans and resources) may
  // be remembered inside one write transaction instead of read for every request. The
  // epoch says when such memories are stale: it changes when a transaction begins or ends,
  // when a savepoint rolls back, and when code that writes those rows calls forget_rows().
  // Values are unique across connections, so a memory tagged with one is never mistaken.
  std::uint64_t memo_epoch() const { return memo_epoch_; }
  void forget_rows();

  std::int64_t last_insert_rowid() const;
  int changes() const;
  bool in_transaction() const;
  std::string journal_mode();
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

 private:
  explicit Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  void check(int rc, const char* what) const;
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
  // cached() is called with string literals some twenty times per booking in a rush: look
  // them up by address first (no std::string to build and hash), confirmed by the text.
  std::unordered_map<const char*, Stmt*> by_address_;
  std::uint64_t memo_epoch_ = 0;
};

// BEGIN (deferred) for reads, BEGIN IMMEDIATE for writes: an immediate transaction takes the
// write lock up front, so two writers wait on busy_timeout instead of one failing halfway.
// Rolls back in the destructor unless commit() was called.
class Transaction {
 public:
  enum class Kind { deferred, immediate };
  explicit Transaction(Db& db, Kind kind = Kind::immediate);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool open_ = true;
};

}  // namespace hg::srv
