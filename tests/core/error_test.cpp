#include "core/error.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace hg {
namespace {

const Errc kAll[] = {Errc::invalid_input, Errc::unauthorized, Errc::forbidden,   Errc::not_found,
                     Errc::conflict,      Errc::too_large,    Errc::unavailable, Errc::internal};

TEST(Error, HttpStatusPerCode) {
  EXPECT_EQ(make_error(Errc::invalid_input, "", "").http_status(), 400);
  EXPECT_EQ(make_error(Errc::unauthorized, "", "").http_status(), 401);
  EXPECT_EQ(make_error(Errc::forbidden, "", "").http_status(), 403);
  EXPECT_EQ(make_error(Errc::not_found, "", "").http_status(), 404);
  EXPECT_EQ(make_error(Errc::conflict, "", "").http_status(), 409);
  EXPECT_EQ(make_error(Errc::too_large, "", "").http_status(), 413);
  EXPECT_EQ(make_error(Errc::unavailable, "", "").http_status(), 503);
  EXPECT_EQ(make_error(Errc::internal, "", "").http_status(), 500);
}

TEST(Error, CodeNamesAreDistinctAndRoundTrip) {
  std::set<std::string> names;
  for (Errc c : kAll) {
    const Error e = make_error(c, "", "");
    names.insert(e.code_name());
    EXPECT_EQ(errc_from_name(e.code_name()), c) << e.code_name();
  }
  EXPECT_EQ(names.size(), std::size(kAll));
  EXPECT_STREQ(make_error(Errc::conflict, "", "").code_name(), "conflict");
  EXPECT_STREQ(make_error(Errc::invalid_input, "", "").code_name(), "invalid_input");
}

TEST(Error, UnknownNamesBecomeInternal) {
  EXPECT_EQ(errc_from_name("no_such_code"), Errc::internal);
  EXPECT_EQ(errc_from_name(""), Errc::internal);
  EXPECT_EQ(errc_from_name("CONFLICT"), Errc::internal);
  EXPECT_EQ(errc_from_name("conflict "), Errc::internal);
}

TEST(Error, MessageInEitherLanguage) {
  const Error e = make_error(Errc::conflict, "本月惠工券已领完", "This month's coupons are all claimed");
  EXPECT_EQ(e.code, Errc::conflict);
  EXPECT_EQ(e.message(true), "本月惠工券已领完");
  EXPECT_EQ(e.message(false), "This month's coupons are all claimed");
  // A default Error is an honest internal error, not a silent success code.
  EXPECT_EQ(Error{}.code, Errc::internal);
  EXPECT_EQ(Error{}.http_status(), 500);
}

TEST(Result, HoldsValue) {
  Result<int> r = 42;
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.value(), 42);
  r.value() = 7;
  EXPECT_EQ(r.value(), 7);
  EXPECT_THROW(r.error(), std::bad_variant_access);
}

TEST(Result, HoldsError) {
  Result<std::vector<int>> r = make_error(Errc::not_found, "驿站不存在", "Station not found");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().code, Errc::not_found);
  EXPECT_EQ(r.error().http_status(), 404);
  EXPECT_EQ(r.error().zh, "驿站不存在");
  EXPECT_EQ(r.error().en, "Station not found");
  EXPECT_THROW(r.value(), std::bad_variant_access);
}

TEST(Result, StringValue) {
  const Result<std::string> r = std::string("¥12.50");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), "¥12.50");
}

}  // namespace
}  // namespace hg
