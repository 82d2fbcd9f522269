// JSON (the wire) and portable binary (the device cache) for every core model, with the
// guards from core/json.h: size limit, parse errors as hg::Error, class versions.
//
// Sections:
//   samples      equality, a sample of each model and the round-trip checks
//   round trips  JSON and binary round trips, class versions, notice versions
//   guards       malformed, out-of-range, too deep and too large input
//   errors       the error envelope and its reason word
#include <gtest/gtest.h>

#include <string>

#include "core/bookings/booking_errors.h"
#include "core/coupons/coupon_errors.h"
#include "core/json.h"
#include "core/models/app_info.h"
#include "core/models/member.h"
#include "core/models/notice.h"

namespace hg {

// ---- samples ----

// Field-by-field equality, here rather than in core: only the tests need it.
static bool operator==(const Member& a, const Member& b) {
  return a.id == b.id && a.name == b.name && a.phone_masked == b.phone_masked && a.occupation == b.occupation &&
         a.group == b.group && a.union_name == b.union_name && a.city == b.city && a.joined_at == b.joined_at;
}
static bool operator==(const Notice& a, const Notice& b) {
  return a.id == b.id && a.brand == b.brand && a.title_zh == b.title_zh && a.title_en == b.title_en &&
         a.body_zh == b.body_zh && a.body_en == b.body_en && a.published_at == b.published_at && a.pinned == b.pinned;
}
static bool operator==(const NoticeList& a, const NoticeList& b) { return a.notices == b.notices; }
static bool operator==(const VersionInfo& a, const VersionInfo& b) {
  return a.app == b.app && a.version == b.version && a.commit == b.commit && a.schema == b.schema &&
         a.built_at == b.built_at;
}
static bool operator==(const HealthInfo& a, const HealthInfo& b) {
  return a.status == b.status && a.db == b.db && a.uptime_s == b.uptime_s && a.now == b.now && a.now_cst == b.now_cst;
}

namespace {

Member sample_member() {
  Member m;
  m.id = "0SQ3K5X2M8N4P";
  m.name = "张伟";
  m.phone_masked = "138****5678";
  m.occupation = Occupation::delivery_rider;
  m.group = MemberGroup::new_employment;
  m.union_name = "福州市鼓楼区总工会";
  m.city = "福州市";
  m.joined_at = 1796054400;
  return m;
}

Notice sample_notice(bool pinned = true) {
  Notice n;
  n.id = "0SQ3K5X2M8N4Q";
  n.brand = Brand::ride;
  n.title_zh = "12月加油券 10:00 开抢";
  n.title_en = "December fuel coupons open at 10:00";
  n.body_zh = "满200减30，共20,000张。\n每人每月限领1张，\"先到先得\"\\";
  n.body_en = "¥30 off ¥200, 20,000 coupons.\tOne per member per month.";
  n.published_at = -1;  // before the epoch must survive too
  n.pinned = pinned;
  return n;
}

VersionInfo sample_version() {
  VersionInfo v;
  v.version = "0.1.0";
  v.commit = "abc1234";
  v.schema = 7;
  v.built_at = "2026-12-01 00:00:00";
  return v;
}

HealthInfo sample_health() {
  HealthInfo h;
  h.status = "degraded";
  h.db = "数据库繁忙";
  h.uptime_s = 86400LL * 400;
  h.now = 1796054400;
  h.now_cst = "2026-12-01 00:00:00";
  return h;
}

template <class T>
void expect_json_round_trip(const T& value, const char* name) {
  const std::string json = to_json(name, value);
  Result<T> back = from_json<T>(json, name);
  ASSERT_TRUE(back.ok()) << back.error().en << "\n" << json;
  EXPECT_TRUE(back.value() == value) << json;
}

template <class T>
void expect_binary_round_trip(const T& value) {
  const std::string bytes = to_binary(value);
  Result<T> back = from_binary<T>(bytes);
  ASSERT_TRUE(back.ok()) << back.error().en;
  EXPECT_TRUE(back.value() == value);
}

// ---- round trips ----

TEST(ModelsJson, RoundTripEveryModel) {
  expect_json_round_trip(sample_member(), "member");
  expect_json_round_trip(sample_notice(true), "notice");
  expect_json_round_trip(sample_notice(false), "notice");
  NoticeList list;
  list.notices = {sample_notice(true), sample_notice(false), Notice{}};
  list.notices[2].brand = Brand::consume;
  expect_json_round_trip(list, "notices");
  expect_json_round_trip(NoticeList{}, "notices");
  expect_json_round_trip(sample_version(), "version");
  expect_json_round_trip(sample_health(), "health");
  expect_json_round_trip(Member{}, "member");
}

TEST(ModelsBinary, RoundTripEveryModel) {
  expect_binary_round_trip(sample_member());
  expect_binary_round_trip(sample_notice(true));
  expect_binary_round_trip(sample_notice(false));
  NoticeList list;
  list.notices = {sample_notice(true), sample_notice(false)};
  expect_binary_round_trip(list);
  expect_binary_round_trip(NoticeList{});
  expect_binary_round_trip(sample_version());
  expect_binary_round_trip(sample_health());
}

TEST(ModelsBinary, TruncatedCacheIsAnErrorNotACrash) {
  NoticeList list;
  list.notices = {sample_notice(true), sample_notice(false)};
  const std::string bytes = to_binary(list);
  for (size_t n : {size_t{0}, size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    Result<NoticeList> r = from_binary<NoticeList>(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_EQ(r.error().code, Errc::invalid_input);
  }
}

TEST(ModelsJson, WritesTheClassVersion) {
  const std::string json = to_json("notice", sample_notice());
  EXPECT_NE(json.find("\"cereal_class_version\": 2"), std::string::npos) << json;
  EXPECT_NE(json.find("\"pinned\": true"), std::string::npos) << json;
  EXPECT_EQ(json.rfind("{\"notice\": {", 0), 0u) << json;  // {"<name>": value}
  EXPECT_NE(json.find("12月加油券 10:00 开抢"), std::string::npos) << json;  // UTF-8 as is, readable
}

TEST(ModelsJson, OneLine) {
  const std::string json = to_json("notice", sample_notice());
  EXPECT_EQ(json.find('\n'), std::string::npos) << json;
  EXPECT_NE(json.find(R"(\n每人每月)"), std::string::npos) << json;  // the newline in the text, escaped
  EXPECT_EQ(from_json<Notice>(json, "notice").value().body_zh, sample_notice().body_zh);
}

TEST(ModelsJson, NoticeVersion1LoadsUnpinned) {
  // What a client built before pinning existed sends: version 1, no "pinned".
  const char* v1 = R"({"notice": {"cereal_class_version": 1, "id": "N1", "brand": 2,
      "title_zh": "加油券", "title_en": "Fuel coupons", "body_zh": "满200减30", "body_en": "30 off 200",
      "published_at": 1796054400}})";
  Result<Notice> r = from_json<Notice>(v1, "notice");
  ASSERT_TRUE(r.ok()) << r.error().en;
  EXPECT_EQ(r.value().id, "N1");
  EXPECT_EQ(r.value().brand, Brand::ride);
  EXPECT_EQ(r.value().title_zh, "加油券");
  EXPECT_EQ(r.value().published_at, 1796054400);
  EXPECT_FALSE(r.value().pinned);

  // In a list, the version is written once, on the first element, and applies to all.
  const char* list_v1 = R"({"notices": {"cereal_class_version": 1, "notices": [
      {"cereal_class_version": 1, "id": "A", "brand": 0, "title_zh": "", "title_en": "", "body_zh": "",
       "body_en": "", "published_at": 1},
      {"id": "B", "brand": 5, "title_zh": "", "title_en": "", "body_zh": "", "body_en": "", "published_at": 2}]}})";
  Result<NoticeList> l = from_json<NoticeList>(list_v1, "notices");
  ASSERT_TRUE(l.ok()) << l.error().en;
  ASSERT_EQ(l.value().notices.size(), 2u);
  EXPECT_EQ(l.value().notices[1].id, "B");
  EXPECT_EQ(l.value().notices[1].brand, Brand::consume);
  EXPECT_FALSE(l.value().notices[0].pinned);
  EXPECT_FALSE(l.value().notices[1].pinned);
}

TEST(ModelsJson, NoticeVersion2ReadsPinnedInAnyOrder) {
  const char* v2 = R"({"notice": {"pinned": true, "published_at": 5, "body_en": "", "body_zh": "",
      "title_en": "T", "title_zh": "", "brand": 1, "id": "N2", "cereal_class_version": 2}})";
  Result<Notice> r = from_json<Notice>(v2, "notice");
  ASSERT_TRUE(r.ok()) << r.error().en;
  EXPECT_TRUE(r.value().pinned);
  EXPECT_EQ(r.value().brand, Brand::culture_travel);
  EXPECT_EQ(r.value().title_en, "T");
}

// ---- guards ----

TEST(ModelsJson, MalformedJsonIsInvalidInputNotAnException) {
  const std::string good = to_json("member", sample_member());
  for (std::string bad : {
           std::string(""),
           std::string("not json"),
           std::string("{"),
           std::string("{\"member\": "),
           std::string("null"),
           std::string("[1, 2, 3]"),
           std::string("\"member\""),
           std::string("{\"member\": 5}"),
           std::string("{\"member\": []}"),
           std::string("{\"someone\": {}}"),                                  // wrong top-level name
           std::string("{\"member\": {\"cereal_class_version\": 1}}"),        // fields missing
           std::string("{\"member\": {\"cereal_class_version\": 1, \"id\": 5, \"name\": \"x\"}}"),  // wrong type
           good.substr(0, good.size() / 2),                                     // cut off mid-way
           good + "garbage",
       }) {
    Result<Member> r{Member{}};
    ASSERT_NO_THROW(r = from_json<Member>(bad, "member")) << bad;
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, Errc::invalid_input) << bad;
    EXPECT_EQ(r.error().http_status(), 400);
    EXPECT_FALSE(r.error().zh.empty());
    EXPECT_FALSE(r.error().en.empty());
  }
}

TEST(ModelsJson, OutOfRangeEnumsAreInvalidInput) {
  std::string json = to_json("member", sample_member());
  const std::string field = "\"occupation\": ";
  const size_t at = json.find(field);
  ASSERT_NE(at, std::string::npos) << json;
  const size_t end = json.find(',', at);
  for (const char* value : {"6", "200", "255"}) {
    std::string bad = json.substr(0, at + field.size()) + value + json.substr(end);
    Result<Member> r = from_json<Member>(bad, "member");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, Errc::invalid_input);
  }
  // The last valid value still loads.
  std::string last = json.substr(0, at + field.size()) + "5" + json.substr(end);
  ASSERT_TRUE(from_json<Member>(last, "member").ok()) << last;

  Notice n;
  n.id = "n1";
  n.brand = Brand::consume;
  std::string nj = to_json("notice", n);
  const size_t b = nj.find("\"brand\": 5");
  ASSERT_NE(b, std::string::npos) << nj;
  nj.replace(b, std::string("\"brand\": 5").size(), "\"brand\": 6");
  EXPECT_FALSE(from_json<Notice>(nj, "notice").ok());
}

TEST(ModelsJson, WrongTypeForANumberIsInvalidInput) {
  Notice n = sample_notice();
  std::string json = to_json("notice", n);
  const std::string from = "\"published_at\": -1";
  const size_t at = json.find(from);
  ASSERT_NE(at, std::string::npos) << json;
  json.replace(at, from.size(), "\"published_at\": \"yesterday\"");
  Result<Notice> r = from_json<Notice>(json, "notice");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::invalid_input);
}

TEST(ModelsJson, DeeplyNestedJsonIsInvalidInputNotAStackOverflow) {
  // Fits the size limit, but a recursive parser would need tens of thousands of frames.
  for (char open : {'[', '{'}) {
    std::string deep = "{\"member\": ";
    if (open == '[') {
      deep += std::string(kMaxJsonBytes - deep.size() - 1, '[');
    } else {
      while (deep.size() + 6 < kMaxJsonBytes) deep += "{\"a\":";
    }
    ASSERT_LE(deep.size(), kMaxJsonBytes);
    Result<Member> r = from_json<Member>(deep, "member");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, Errc::invalid_input);
  }
}

TEST(ModelsJson, BracketsInsideStringsAreNotNesting) {
  Member m = sample_member();
  m.name = std::string(5000, '[') + "\"{" + std::string(5000, '{');
  const std::string json = to_json("member", m);
  Result<Member> r = from_json<Member>(json, "member");
  ASSERT_TRUE(r.ok()) << r.error().en;
  EXPECT_EQ(r.value().name, m.name);
  EXPECT_TRUE(json_depth_within(json, 2));
  EXPECT_FALSE(json_depth_within(json, 1));
  EXPECT_TRUE(json_depth_within(std::string(kMaxJsonDepth, '['), kMaxJsonDepth));
  EXPECT_FALSE(json_depth_within(std::string(kMaxJsonDepth + 1, '['), kMaxJsonDepth));
}

TEST(ModelsJson, OversizedIsTooLargeBeforeParsing) {
  std::string big = to_json("member", sample_member());
  const size_t at = big.find("\"name\": \"");
  ASSERT_NE(at, std::string::npos);
  big.insert(at + 9, std::string(kMaxJsonBytes, 'x'));  // valid JSON, just too big
  Result<Member> r = from_json<Member>(big, "member");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Errc::too_large);
  EXPECT_EQ(r.error().http_status(), 413);
  EXPECT_NE(r.error().en.find("64 KB"), std::string::npos) << r.error().en;
  EXPECT_NE(r.error().zh.find("64 KB"), std::string::npos) << r.error().zh;

  // Garbage over the limit is also too_large: the size is checked first.
  Result<Member> g = from_json<Member>(std::string(kMaxJsonBytes + 1, '['), "member");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().code, Errc::too_large);

  // The limit is inclusive and can be set per call.
  const std::string json = to_json("member", sample_member());
  EXPECT_TRUE((from_json<Member>(json, "member", json.size()).ok()));
  Result<Member> tight = from_json<Member>(json, "member", json.size() - 1);
  ASSERT_FALSE(tight.ok());
  EXPECT_EQ(tight.error().code, Errc::too_large);
}

// ---- errors ----

TEST(ErrorJson, RoundTripWithChineseText) {
  for (Errc c : {Errc::invalid_input, Errc::unauthorized, Errc::forbidden, Errc::not_found, Errc::conflict,
                 Errc::too_large, Errc::unavailable, Errc::internal}) {
    const Error e = make_error(c, "本月惠工券已领完，下月1日 10:00 再来“抢”", "Sold out: come back on the 1st at \"10:00\"\\n");
    const std::string body = error_to_json(e);
    const Error back = error_from_json(body, e.http_status());
    EXPECT_EQ(back.code, c) << body;
    EXPECT_EQ(back.zh, e.zh);
    EXPECT_EQ(back.en, e.en);
  }
}

TEST(ErrorJson, BodyShape) {
  const std::string body = error_to_json(make_error(Errc::conflict, "已领取", "Already claimed"));
  EXPECT_NE(body.find("\"error\""), std::string::npos) << body;
  EXPECT_NE(body.find("\"code\": \"conflict\""), std::string::npos) << body;
  EXPECT_NE(body.find("已领取"), std::string::npos) << body;
}

// The reason travels beside the code; a body without one (an older server) reads as none.
TEST(ErrorJson, ReasonRoundTripsAndMayBeAbsent) {
  const Error sold_out = coupon_error(CouponErrc::sold_out);
  const std::string body = error_to_json(sold_out);
  EXPECT_NE(body.find("\"reason\": \"sold_out\""), std::string::npos) << body;
  const Error back = error_from_json(body, sold_out.http_status());
  EXPECT_EQ(back.reason, "sold_out");
  EXPECT_TRUE(is_coupon_error(back, CouponErrc::sold_out));
  EXPECT_FALSE(is_coupon_error(back, CouponErrc::limit_reached));
  const std::string plain = error_to_json(make_error(Errc::conflict, "已领取", "Already claimed"));
  EXPECT_EQ(plain.find("reason"), std::string::npos) << plain;
  const Error old = error_from_json(R"({"error": {"code": "conflict", "zh": "已领取", "en": "Already claimed"}})", 409);
  EXPECT_EQ(old.code, Errc::conflict);
  EXPECT_EQ(old.zh, "已领取");
  EXPECT_EQ(old.reason, "");
}

// Reasons are told apart by the reason word alone: a message edited in either language, or
// the same text under another reason, changes nothing.
TEST(ErrorReason, RecognisedByItsWordNotItsText) {
  Error expired = coupon_error(CouponErrc::expired);
  expired.zh = "券已失效（文案改过）";
  expired.en = "Reworded";
  EXPECT_TRUE(is_coupon_error(expired, CouponErrc::expired));
  Error lookalike = make_error(Errc::conflict, coupon_error(CouponErrc::already_used).zh,
                               coupon_error(CouponErrc::already_used).en);
  EXPECT_FALSE(is_coupon_error(lookalike, CouponErrc::already_used)) << "text alone is not a reason";
  Error full = booking_error(BookingErrc::slot_full);
  full.en += ": 3 waiting";
  EXPECT_TRUE(is_booking_error(full, BookingErrc::slot_full));
  EXPECT_STREQ(booking_reason(BookingErrc::slot_full), "slot_full");
  EXPECT_STREQ(coupon_reason(CouponErrc::window_closed), "closed");
}

TEST(ErrorJson, UnknownCodeFromNewerServerIsInternal) {
  const Error e = error_from_json(R"({"error": {"code": "rate_limited", "zh": "请稍后再试", "en": "Slow down"}})", 429);
  EXPECT_EQ(e.code, Errc::internal);
  EXPECT_EQ(e.zh, "请稍后再试");  // the server's words still reach the member
  EXPECT_EQ(e.en, "Slow down");
}

TEST(ErrorJson, NonJsonBody) {
  const Error gateway = error_from_json("<html><body>502 Bad Gateway</body></html>", 502);
  EXPECT_EQ(gateway.code, Errc::unavailable);
  EXPECT_NE(gateway.zh.find("502"), std::string::npos) << gateway.zh;
  EXPECT_NE(gateway.en.find("502"), std::string::npos) << gateway.en;

  const Error not_found = error_from_json("Not Found", 404);
  EXPECT_EQ(not_found.code, Errc::internal);
  EXPECT_NE(not_found.en.find("404"), std::string::npos) << not_found.en;

  for (const char* body : {"", "{", "{\"error\": 1}", "{\"message\": \"x\"}", "[]"}) {
    const Error e = error_from_json(body, 400);
    EXPECT_EQ(e.code, Errc::internal) << body;
    EXPECT_NE(e.en.find("400"), std::string::npos) << e.en;
    EXPECT_FALSE(e.zh.empty());
  }
  EXPECT_EQ(error_from_json(std::string(kMaxJsonBytes * 2, 'x'), 503).code, Errc::unavailable);
}

}  // namespace
}  // namespace hg
