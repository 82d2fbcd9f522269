#include "server/store/member_repo.h"

namespace hg::srv::member_repo {

namespace {
constexpr const char* kOccupationKeys[] = {"delivery_rider", "ride_hailing_driver", "courier",
                                           "port_worker",    "factory_worker",      "office"};
constexpr const char* kGroupKeys[] = {"general", "new_employment", "young", "model_worker"};

constexpr const char* kColumns = "id, name, phone_masked, occupation, member_group, union_name, city, joined_at";

Member read_row(const Stmt& s) {
  Member m;
  m.id = s.column_text(0);
  m.name = s.column_text(1);
  m.phone_masked = s.column_text(2);
  const auto occupation = occupation_from_key(s.column_text(3));
  const auto group = group_from_key(s.column_text(4));
  if (!occupation || !group)
    throw DbError(make_error(Errc::internal, "会员数据有误", "A stored member is malformed"), "member " + m.id + ": bad enum");
  m.occupation = *occupation;
  m.group = *group;
  m.union_name = s.column_text(5);
  m.city = s.column_text(6);
  m.joined_at = s.column_int64(7);
  return m;
}
}  // namespace

const char* occupation_key(Occupation o) { return kOccupationKeys[static_cast<int>(o) % 6]; }
const char* group_key(MemberGroup g) { return kGroupKeys[static_cast<int>(g) % 4]; }

std::optional<Occupation> occupation_from_key(const std::string& key) {
  for (int i = 0; i < 6; ++i)
    if (key == kOccupationKeys[i]) return static_cast<Occupation>(i);
  return std::nullopt;
}

std::optional<MemberGroup> group_from_key(const std::string& key) {
  for (int i = 0; i < 4; ++i)
    if (key == kGroupKeys[i]) return static_cast<MemberGroup>(i);
  return std::nullopt;
}

void insert(Db& db, const Member& m) {
  Stmt& s = db.cached(
      "INSERT INTO members (id, name, phone_masked, occupation, member_group, union_name, city, joined_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  s.bind(1, m.id).bind(2, m.name).bind(3, m.phone_masked).bind(4, occupation_key(m.occupation));
  s.bind(5, group_key(m.group)).bind(6, m.union_name).bind(7, m.city).bind(8, static_cast<std::int64_t>(m.joined_at));
  s.run();
}

std::optional<Member> find(Db& db, const std::string& id) {
  Stmt s = db.prepare(std::string("SELECT ") + kColumns + " FROM members WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_row(s);
}

std::vector<Member> list(Db& db, int limit, int offset) {
  Stmt s = db.prepare(std::string("SELECT ") + kColumns + " FROM members ORDER BY id LIMIT ?1 OFFSET ?2");
  s.bind(1, limit).bind(2, offset);
  std::vector<Member> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

std::int64_t count(Db& db) { return db.query_int64("SELECT count(*) FROM members"); }

}  // namespace hg::srv::member_repo
