#include "server/store/notice_repo.h"

namespace hg::srv::notice_repo {

void insert(Db& db, const Notice& n, UnixSeconds created_at) {
  Stmt& s = db.cached(
      "INSERT INTO notices (id, brand, title_zh, title_en, body_zh, body_en, published_at, pinned, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  s.bind(1, n.id).bind(2, brand_info(n.brand).key).bind(3, n.title_zh).bind(4, n.title_en);
  s.bind(5, n.body_zh).bind(6, n.body_en).bind(7, static_cast<std::int64_t>(n.published_at)).bind(8, n.pinned);
  s.bind(9, static_cast<std::int64_t>(created_at));
  s.run();
}

std::vector<Notice> feed(Db& db, int limit) {
  Stmt& s = db.cached(
      "SELECT id, brand, title_zh, title_en, body_zh, body_en, published_at, pinned FROM notices "
      "ORDER BY pinned DESC, published_at DESC, id DESC LIMIT ?1");
  const StmtReset reset_s(s);
  s.bind(1, limit);
  std::vector<Notice> out;
  while (s.step()) {
    Notice n;
    std::string brand;
    s.columns(0, n.id, brand, n.title_zh, n.title_en, n.body_zh, n.body_en, n.published_at, n.pinned);
    const BrandInfo* b = brand_from_key(brand.c_str());
    if (!b)
      throw DbError(make_error(Errc::internal, "通知数据有误", "A stored notice is malformed"),
                    "notice " + n.id + ": unknown brand " + brand);
    n.brand = b->brand;
    out.push_back(std::move(n));
  }
  return out;
}

std::int64_t count(Db& db) { return db.query_int64("SELECT count(*) FROM notices"); }

}  // namespace hg::srv::notice_repo
