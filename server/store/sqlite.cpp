#include "server/store/sqlite.h"

#include <sqlite3.h>

#include <atomic>
#include <climits>
#include <cstring>
#include <utility>

namespace hg::srv {

Error sqlite_error(int code) {
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return make_error(Errc::unavailable, "数据库繁忙，请稍后再试", "The database is busy; please try again shortly");
    case SQLITE_CONSTRAINT:
      return make_error(Errc::conflict, "数据与已有记录冲突", "This conflicts with data already stored");
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
      return make_error(Errc::unavailable, "数据库暂时不可用，请稍后再试", "The database is unavailable; please try again later");
    default:
      return make_error(Errc::internal, "服务器数据库出错，这是程序缺陷", "The server's database failed; this is a bug");
  }
}

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, const char* what) {
  std::string detail = std::string(what) + ": " + sqlite3_errstr(rc);
  if (db) {
    const char* msg = sqlite3_errmsg(db);
    if (msg && detail.find(msg) == std::string::npos) detail += std::string(" (") + msg + ")";
  }
  throw DbError(sqlite_error(rc), detail, rc & 0xFF);
}

int to_int_size(size_t n) {
  if (n > static_cast<size_t>(INT_MAX))
    throw DbError(make_error(Errc::invalid_input, "内容过长", "Value too long"), "bind: value too long");
  return static_cast<int>(n);
}
}  // namespace

// ---- Stmt ----

Stmt::Stmt(Stmt&& o) noexcept : db_(std::exchange(o.db_, nullptr)), stmt_(std::exchange(o.stmt_, nullptr)) {}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = std::exchange(o.db_, nullptr);
    stmt_ = std::exchange(o.stmt_, nullptr);
  }
  return *this;
}

Stmt::~Stmt() {
  if (stmt_) sqlite3_finalize(stmt_);
}

void Stmt::check(int rc, const char* what) const {
  if (rc != SQLITE_OK) fail(db_, rc, what);
}

Stmt& Stmt::bind(int index, std::int64_t value) {
  check(sqlite3_bind_int64(stmt_, index, value), "bind");
  return *this;
}

Stmt& Stmt::bind(int index, double value) {
  check(sqlite3_bind_double(stmt_, index, value), "bind");
  return *this;
}

Stmt& Stmt::bind(int index, std::string_view text) {
  // A non-null pointer even for "", so that an empty string binds as '' and not as NULL.
  check(sqlite3_bind_text(stmt_, index, text.data() ? text.data() : "", to_int_size(text.size()), SQLITE_TRANSIENT),
        "bind");
  return *this;
}

Stmt& Stmt::bind_null(int index) {
  check(sqlite3_bind_null(stmt_, index), "bind");
  return *this;
}

bool Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Reset now so the statement does not hold a read lock or a half-done write until destroyed.
  sqlite3_reset(stmt_);
  fail(db_, rc, sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "step");
}

void Stmt::run() {
  while (step()) {
  }
  sqlite3_reset(stmt_);  // done: let go of the statement's locks now, keep the bindings
}

void Stmt::reset() {
  sqlite3_reset(stmt_);  // returns the last step's error, already reported by step()
  sqlite3_clear_bindings(stmt_);
}

int Stmt::column_count() const { return sqlite3_column_count(stmt_); }
bool Stmt::column_is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::int64_t Stmt::column_int64(int col) const { return sqlite3_column_int64(stmt_, col); }
int Stmt::column_int(int col) const { return sqlite3_column_int(stmt_, col); }
double Stmt::column_double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Stmt::column_text(int col) const {
  const unsigned char* text = sqlite3_column_text(stmt_, col);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

// ---- Db ----

Db Db::open(const std::string& path, int busy_timeout_ms) {
  // SQLite's memory statistics take a global mutex around every allocation, on every
  // thread; nothing here reads them. Only possible before SQLite initialises (the first
  // open); later it fails harmlessly with SQLITE_MISUSE.
  static const bool no_memstatus = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
  (void)no_memstatus;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = "open " + path + ": " + sqlite3_errstr(rc);
    if (raw) {
      detail += std::string(" (") + sqlite3_errmsg(raw) + ")";
      sqlite3_close(raw);
    }
    throw DbError(sqlite_error(rc), detail, rc & 0xFF);
  }
  Db db(raw, path);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  // Reading the journal mode also proves the file is a database: a text file fails here
  // with SQLITE_NOTADB rather than on the first real query.
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA trusted_schema = OFF");
  // Speed, not durability (synchronous stays FULL): a 64 MiB page cache per connection keeps
  // the hot indexes of a rush in memory, temporary b-trees stay in RAM, reads of the file go
  // through a memory map, and the WAL is checkpointed every 8,192 pages (32 MiB) instead of
  // every 1,000: a checkpoint stalls the single group-commit writer, and a longer interval
  // writes each hot page back once instead of many times.
  db.exec(
      "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 268435456; "
      "PRAGMA wal_autocheckpoint = 8192");
  return db;
}

Db::Db(Db&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)),
      path_(std::move(o.path_)),
      cache_(std::move(o.cache_)),
      by_address_(std::move(o.by_address_)),
      memo_epoch_(o.memo_epoch_) {}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    close();
    db_ = std::exchange(o.db_, nullptr);
    path_ = std::move(o.path_);
    cache_ = std::move(o.cache_);
    by_address_ = std::move(o.by_address_);
    memo_epoch_ = o.memo_epoch_;
  }
  return *this;
}

Db::~Db() { close(); }

void Db::close() {
  by_address_.clear();
  cache_.clear();  // statements must be finalized before the connection closes
  if (db_) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

void Db::check(int rc, const char* what) const {
  if (rc != SQLITE_OK) fail(db_, rc, what);
}

void Db::exec(const char* sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string detail = std::string("exec: ") + (err ? err : sqlite3_errstr(rc));
    sqlite3_free(err);
    throw DbError(sqlite_error(rc), detail, rc & 0xFF);
  }
}

Stmt Db::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), to_int_size(sql.size()), &stmt, &tail);
  if (rc != SQLITE_OK) fail(db_, rc, "prepare");
  if (!stmt) throw DbError(sqlite_error(SQLITE_MISUSE), "prepare: empty statement");
  Stmt s(db_, stmt);
  // A second statement after the first would be silently ignored: refuse it.
  for (; tail && *tail; ++tail)
    if (*tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != '\r' && *tail != ';')
      throw DbError(sqlite_error(SQLITE_MISUSE), "prepare: more than one statement in: " + std::string(sql));
  return s;
}

Stmt& Db::cached(const char* sql) {
  Stmt*& fast = by_address_[sql];
  // The same address may hold other text later (a caller's buffer): the text decides.
  if (!fast || std::strcmp(sqlite3_sql(fast->handle()), sql) != 0) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Stmt>(prepare(sql))).first;
    fast = it->second.get();
  }
  fast->reset();
  return *fast;
}

void Db::reset_statements() {
  for (sqlite3_stmt* s = sqlite3_next_stmt(db_, nullptr); s; s = sqlite3_next_stmt(db_, s)) sqlite3_reset(s);
}

std::int64_t Db::query_int64(std::string_view sql, std::int64_t fallback) {
  Stmt s = prepare(sql);
  if (!s.step() || s.column_is_null(0)) return fallback;
  return s.column_int64(0);
}

std::int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::changes() const { return sqlite3_changes(db_); }
bool Db::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void Db::forget_rows() {
  static std::atomic<std::uint64_t> epochs{0};
  memo_epoch_ = ++epochs;
}

std::string Db::journal_mode() {
  Stmt s = prepare("PRAGMA journal_mode");
  return s.step() ? s.column_text(0) : std::string();
}

// ---- Transaction ----

Transaction::Transaction(Db& db, Kind kind) : db_(db) {
  db_.forget_rows();  // what was remembered may have changed since (another process)
  db_.exec(kind == Kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (!open_) return;
  db_.forget_rows();
  // Never throw from a destructor; if the rollback itself fails SQLite has already rolled
  // back (that is when it fails), so there is nothing left to undo.
  if (db_.in_transaction()) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.forget_rows();
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace hg::srv
