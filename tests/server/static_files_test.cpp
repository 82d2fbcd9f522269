// The web client's files as a browser gets them: types, compression, caching, safety.
#include <gtest/gtest.h>

#include "server/static_files.h"
#include "tests/server/http_client.h"
#include "tests/server/test_support.h"

namespace hg::test {
namespace {

const std::string kWasm = std::string("/") + kWasmName;

class StaticFiles : public ::testing::Test {
 protected:
  TestServer s;
  std::string file(const std::string& name) { return read_file(s.site_dir() + "/" + name); }
  HttpReply get(const std::string& target, const Headers& h = {}) { return http_get(s.port(), target, h); }
};

TEST_F(StaticFiles, EachFileHasItsMimeType) {
  const std::pair<std::string, std::string> cases[] = {
      {"/index.html", "text/html; charset=utf-8"},
      {kWasm, "application/wasm"},
      {std::string("/") + kJsName, "text/javascript"},
      {"/manifest.webmanifest", "application/manifest+json"},
      {std::string("/") + kFontName, "font/ttf"},
      {"/icon.svg", "image/svg+xml"},
      {"/geo/fuzhou.json", "application/json"},
      {"/sw.js", "text/javascript"},
  };
  for (const auto& [target, type] : cases) {
    const HttpReply r = get(target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.header("Content-Type"), type) << target;
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << target;
  }
  EXPECT_EQ(srv::StaticSite::mime_type("x.woff2"), "font/woff2");
  EXPECT_EQ(srv::StaticSite::mime_type("x.PNG"), "image/png");
  EXPECT_EQ(srv::StaticSite::mime_type("noextension"), "application/octet-stream");
  EXPECT_EQ(srv::StaticSite::mime_type("dir.d/noext"), "application/octet-stream");
}

TEST_F(StaticFiles, RootAndFolderServeTheirIndexPage) {
  const HttpReply root = get("/");
  EXPECT_EQ(root.status, 200);
  EXPECT_EQ(root.body, file("index.html"));
  EXPECT_EQ(root.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(get("/docs/").body, "<p>docs</p>");
  EXPECT_EQ(get("/index.html?v=2").body, file("index.html")) << "the query string is not part of the file name";
}

TEST_F(StaticFiles, BrotliIsPreferredThenGzipThenIdentity) {
  const HttpReply br = get(kWasm, {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(br.header("Content-Encoding"), "br");
  EXPECT_EQ(br.body, "BR:wasm");
  const HttpReply gz = get(kWasm, {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(gz.header("Content-Encoding"), "gzip");
  EXPECT_EQ(gz.body, "GZ:wasm");
  const HttpReply refused = get(kWasm, {{"Accept-Encoding", "br;q=0, gzip;q=0"}});
  EXPECT_FALSE(refused.has_header("Content-Encoding"));
  EXPECT_EQ(refused.body, file(kWasmName));
  const HttpReply plain = get(kWasm);
  EXPECT_FALSE(plain.has_header("Content-Encoding"));
  EXPECT_EQ(plain.body, file(kWasmName));
  const HttpReply star = get(kWasm, {{"Accept-Encoding", "*"}});
  EXPECT_EQ(star.header("Content-Encoding"), "br");
  for (const HttpReply* r : {&br, &gz, &refused, &plain}) {
    EXPECT_EQ(r->header("Vary"), "Accept-Encoding");
    EXPECT_EQ(r->header("Content-Type"), "application/wasm");
    EXPECT_EQ(r->header("Content-Length"), std::to_string(r->body.size()));
  }
  // Only a .gz sibling exists for the JS: a browser that prefers br gets gzip.
  EXPECT_EQ(get(std::string("/") + kJsName, {{"Accept-Encoding", "br, gzip"}}).header("Content-Encoding"), "gzip");
  // No sibling at all: sent as is.
  EXPECT_FALSE(get("/icon.svg", {{"Accept-Encoding", "br, gzip"}}).has_header("Content-Encoding"));
  // The siblings are not separate files on the site.
  EXPECT_EQ(get(kWasm + ".br").status, 404);
}

TEST_F(StaticFiles, StrongETagsAndNotModified) {
  const HttpReply plain = get("/sw.js");
  const std::string etag = plain.header("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"') << "strong, not W/";
  const HttpReply again = get("/sw.js", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("ETag"), etag);
  EXPECT_EQ(again.header("Cache-Control"), "no-cache");
  EXPECT_EQ(get("/sw.js", {{"If-None-Match", "\"other\", " + etag}}).status, 304);
  EXPECT_EQ(get("/sw.js", {{"If-None-Match", "W/" + etag}}).status, 304);
  EXPECT_EQ(get("/sw.js", {{"If-None-Match", "\"something-else\""}}).status, 200);

  // Each encoding is a different representation with its own tag.
  const std::string br_tag = get(kWasm, {{"Accept-Encoding", "br"}}).header("ETag");
  const std::string id_tag = get(kWasm).header("ETag");
  EXPECT_NE(br_tag, id_tag);
  EXPECT_EQ(get(kWasm, {{"Accept-Encoding", "br"}, {"If-None-Match", br_tag}}).status, 304);
  EXPECT_EQ(get(kWasm, {{"If-None-Match", br_tag}}).status, 200) << "the brotli tag does not match the plain bytes";
}

TEST_F(StaticFiles, ETagFollowsTheContentAfterAReload) {
  const std::string before = get("/sw.js").header("ETag");
  write_file(s.site_dir() + "/sw.js", "// a new service worker\n");
  s.server().reload_site();
  const HttpReply after = get("/sw.js", {{"If-None-Match", before}});
  EXPECT_EQ(after.status, 200) << "the browser's old copy is stale now";
  EXPECT_EQ(after.body, "// a new service worker\n");
  EXPECT_NE(after.header("ETag"), before);
}

TEST_F(StaticFiles, HashedNamesAreImmutableOthersRevalidate) {
  const std::string immutable = "public, max-age=31536000, immutable";
  EXPECT_EQ(get(kWasm).header("Cache-Control"), immutable);
  EXPECT_EQ(get(std::string("/") + kJsName).header("Cache-Control"), immutable);
  EXPECT_EQ(get(std::string("/") + kFontName).header("Cache-Control"), immutable);
  EXPECT_EQ(get(kWasm, {{"Accept-Encoding", "br"}}).header("Cache-Control"), immutable);
  for (const char* target : {"/", "/index.html", "/sw.js", "/manifest.webmanifest", "/icon.svg"})
    EXPECT_EQ(get(target).header("Cache-Control"), "no-cache") << target;

  EXPECT_TRUE(srv::StaticSite::is_content_hashed("huigong.10c3424f20f4.js"));
  EXPECT_TRUE(srv::StaticSite::is_content_hashed("font.EDEC7677.ttf"));
  EXPECT_TRUE(srv::StaticSite::is_content_hashed("assets/chunk.0123abcd.min.js"));
  EXPECT_FALSE(srv::StaticSite::is_content_hashed("index.html"));
  EXPECT_FALSE(srv::StaticSite::is_content_hashed("sw.js"));
  EXPECT_FALSE(srv::StaticSite::is_content_hashed("app.1234567.js")) << "7 hex digits are not enough";
  EXPECT_FALSE(srv::StaticSite::is_content_hashed("deadbeefcafe.js")) << "the hash must not be the whole name";
  EXPECT_FALSE(srv::StaticSite::is_content_hashed("huigong.release1.js"));
  EXPECT_FALSE(srv::StaticSite::is_content_hashed("v.0123abcd/file.js")) << "only the file name counts";
}

TEST_F(StaticFiles, HeadSendsTheHeadersOnly) {
  const HttpReply g = get(kWasm, {{"Accept-Encoding", "gzip"}});
  HttpConnection c(s.port());
  const HttpReply h = c.request("HEAD", kWasm, {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(h.status, 200);
  EXPECT_TRUE(h.body.empty());
  EXPECT_EQ(h.header("Content-Length"), std::to_string(g.body.size()));
  EXPECT_EQ(h.header("ETag"), g.header("ETag"));
  EXPECT_EQ(h.header("Content-Encoding"), "gzip");
  // The connection stays usable: no stray body bytes were sent.
  EXPECT_EQ(c.request("GET", "/sw.js").body, file("sw.js"));
}

TEST_F(StaticFiles, TraversalIsRejected) {
  const char* attacks[] = {
      "/../etc/passwd",          "/%2e%2e/etc/passwd",      "/%2E%2E%2Fetc%2Fpasswd", "/..%2f..%2fsecret.txt",
      "/docs/../../secret.txt",  "/./index.html",           "/..",                    "/%2e%2e",
      "/docs/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt",
  };
  for (const char* target : attacks) {
    const HttpReply r = get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.body.find(kSecret), std::string::npos) << target;
  }
  // Things that are not in the site are simply not found.
  for (const char* target : {"/secret.txt", "/linked-secret.txt", "/.env", "/etc/passwd", "//etc/passwd"}) {
    const HttpReply r = get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find(kSecret), std::string::npos) << target;
  }
  EXPECT_EQ(get("/%zz").status, 400);
  EXPECT_EQ(get("/index.html%00.png").status, 400);
}

TEST_F(StaticFiles, MissingFileIsPlain404ButApiIsJson) {
  const HttpReply page = get("/no-such-page.html");
  EXPECT_EQ(page.status, 404);
  EXPECT_EQ(page.header("Content-Type"), "text/plain; charset=utf-8");
  const HttpReply api = get("/api/no-such");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(StaticFiles, EveryAppRouteGetsTheAppOthersStay404) {
  // Deep links from reminders and the union's mini-program open the app on that page.
  for (const char* target : {"/coupons/mine", "/bookings/lockers/fz-001", "/s/fz-001", "/account", "/coupons/mine?from=reminder"}) {
    const HttpReply r = get(target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.body, file("index.html")) << target;
    EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8") << target;
  }
  // Not a page of the app: the server does not guess.
  for (const char* target : {"/nonsense", "/coupons/nonsense", "/bookings/lockers/fz-001/x", "/coupons/mine/"})
    EXPECT_EQ(get(target).status, 404) << target;
  // The API keeps its own answers (JSON), even under a name an app route uses.
  const HttpReply api = get("/api/v1/coupons/mine");
  EXPECT_NE(api.status, 200);
  EXPECT_EQ(api.header("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(StaticFiles, OnlyGetAndHead) {
  for (const char* method : {"POST", "PUT", "DELETE"}) {
    const HttpReply r = http_request(s.port(), method, "/index.html", {}, "x");
    EXPECT_EQ(r.status, 405) << method;
    EXPECT_EQ(r.header("Allow"), "GET, HEAD") << method;
  }
}

TEST(StaticFilesWithoutSite, ServerWithoutASiteStillServesTheApi) {
  TestServerOptions o;
  o.with_site = false;
  TestServer s(o);
  EXPECT_EQ(http_get(s.port(), "/").status, 404);
  EXPECT_EQ(http_get(s.port(), "/api/v1/health").status, 200);
}

}  // namespace
}  // namespace hg::test
