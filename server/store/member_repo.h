// The members table. Enums are stored by name ("delivery_rider"); see migrations.cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/models/member.h"
#include "server/store/sqlite.h"

namespace hg::srv::member_repo {

void insert(Db& db, const Member& m);
std::optional<Member> find(Db& db, const std::string& id);
// Oldest member first (ids are time-ordered).
std::vector<Member> list(Db& db, int limit, int offset = 0);
std::int64_t count(Db& db);

const char* occupation_key(Occupation o);
std::optional<Occupation> occupation_from_key(const std::string& key);
const char* group_key(MemberGroup g);
std::optional<MemberGroup> group_from_key(const std::string& key);

}  // namespace hg::srv::member_repo
