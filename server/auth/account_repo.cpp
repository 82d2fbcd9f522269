#include "server/auth/account_repo.h"

namespace hg::srv::account_repo {

namespace {
constexpr const char* kColumns = "id, login, password_hash, role, subject, display_name";

std::optional<Account> one(Stmt& s) {
  if (!s.step()) return std::nullopt;
  Account a;
  a.id = s.column_text(0);
  a.login = s.column_text(1);
  a.password_hash = s.column_text(2);
  const std::optional<Role> role = role_from_name(s.column_text(3));
  if (!role) throw DbError(make_error(Errc::internal, "账号数据有误", "A stored account is malformed"), "account " + a.id);
  a.role = *role;
  a.subject = s.column_text(4);
  a.display_name = s.column_text(5);
  return a;
}
}  // namespace

void insert(Db& db, const Account& a, UnixSeconds now) {
  Stmt& s = db.cached(
      "INSERT INTO accounts (id, login, password_hash, role, subject, display_name, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, a.id).bind(2, a.login).bind(3, a.password_hash).bind(4, role_name(a.role)).bind(5, a.subject);
  s.bind(6, a.display_name).bind(7, static_cast<std::int64_t>(now));
  s.run();
}

std::optional<Account> find_by_login(Db& db, const std::string& login) {
  Stmt s = db.prepare(std::string("SELECT ") + kColumns + " FROM accounts WHERE login = ?1");
  s.bind(1, login);
  return one(s);
}

std::optional<Account> find_by_id(Db& db, const std::string& id) {
  Stmt s = db.prepare(std::string("SELECT ") + kColumns + " FROM accounts WHERE id = ?1");
  s.bind(1, id);
  return one(s);
}

std::int64_t count(Db& db) { return db.query_int64("SELECT count(*) FROM accounts"); }

}  // namespace hg::srv::account_repo
