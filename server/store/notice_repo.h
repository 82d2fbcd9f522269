// The notices table: what the home screen shows. Reads and writes take a connection the
// caller already holds (a Store lease), so several calls can share one transaction.
#pragma once
#include <cstdint>
#include <vector>

#include "core/models/notice.h"
#include "server/store/sqlite.h"

namespace hg::srv::notice_repo {

constexpr int kFeedLimit = 50;

void insert(Db& db, const Notice& n, UnixSeconds created_at);
// Pinned first, then newest first; at most `limit`.
std::vector<Notice> feed(Db& db, int limit = kFeedLimit);
std::int64_t count(Db& db);

}  // namespace hg::srv::notice_repo
