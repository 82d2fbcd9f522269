// HMAC-SHA-256 against the RFC 4231 vectors, and the coupon code derivation both sides use:
// the digits of a known key and window (computed independently with Python's hmac), the
// window edges, and what a member's device shows within and outside the coupon's validity.
#include <gtest/gtest.h>

#include <string>

#include "core/coupons/code.h"
#include "core/coupons/hmac.h"

namespace hg {
namespace {

std::string hmac_hex(const std::string& key, const std::string& message) { return to_hex(hmac_sha256(key, message)); }

TEST(HmacSha256, Rfc4231Vectors) {
  EXPECT_EQ(hmac_hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(hmac_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(hmac_hex(std::string(20, '\xaa'), std::string(50, '\xdd')),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (int i = 1; i <= 25; ++i) key4 += static_cast<char>(i);
  EXPECT_EQ(hmac_hex(key4, std::string(50, '\xcd')), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Test case 5 publishes the first 128 bits only.
  EXPECT_EQ(hmac_hex(std::string(20, '\x0c'), "Test With Truncation").substr(0, 32), "a3b6167473100ee06e0c796c2955552b");
  // Keys longer than a block are hashed first.
  EXPECT_EQ(hmac_hex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(hmac_hex(std::string(131, '\xaa'),
                     "This is a test using a larger than block-size key and a larger than block-size data. The key "
                     "needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

CodeKey counting_key() {
  CodeKey k{};
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = static_cast<std::uint8_t>(i);
  return k;
}

constexpr UnixSeconds kAt = 1796270400;  // window 5987568, the start of one

TEST(CouponCodeDerivation, KnownDigitsAndWindowEdges) {
  const CodeKey k = counting_key();
  EXPECT_EQ(code_window(kAt), 5987568);
  EXPECT_EQ(code_mac(k, 5987568), "68717");
  EXPECT_EQ(code_mac(k, 5987569), "54801");
  const CouponCode c = code_at(k, 123456, kAt);
  EXPECT_EQ(c.code, "123456868717");
  EXPECT_EQ(c.qr_payload, "HGQ1:123456868717");
  EXPECT_EQ(c.refresh_after, kAt + 300);
  EXPECT_EQ(c.expires_at, kAt + 600);
  EXPECT_TRUE(c.key.empty());
  // The whole window gives the same code; its last second too; the next second a new one.
  EXPECT_EQ(code_at(k, 123456, kAt + 299).code, c.code);
  EXPECT_EQ(code_at(k, 123456, kAt + 300).code, "123456954801");
  EXPECT_EQ(code_at(k, 123456, kAt - 1).code.substr(6, 1), "7");
  // Small slots keep their leading zeros; another key, other digits.
  EXPECT_EQ(code_at(k, 42, kAt).code.substr(0, 7), "0000428");
  CodeKey other = k;
  other[0] ^= 1;
  EXPECT_NE(code_at(other, 123456, kAt).code, c.code);
}

TEST(CouponCodeDerivation, KeyHexRoundTripsAndRejectsAnythingElse) {
  const CodeKey k = counting_key();
  const std::string hex = code_key_hex(k);
  EXPECT_EQ(hex, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  ASSERT_TRUE(code_key_from_hex(hex));
  EXPECT_EQ(*code_key_from_hex(hex), k);
  EXPECT_FALSE(code_key_from_hex(""));
  EXPECT_FALSE(code_key_from_hex(hex.substr(2)));
  EXPECT_FALSE(code_key_from_hex(hex + "00"));
  std::string upper = hex;
  upper[20] = 'A';
  EXPECT_FALSE(code_key_from_hex(upper));
  upper[20] = 'g';
  EXPECT_FALSE(code_key_from_hex(upper));
}

TEST(CouponCodeDerivation, TheDeviceMakesTheServersCodeWithinValidityOnly) {
  const CodeKey k = counting_key();
  CouponCode given = code_at(k, 123456, kAt);  // what the server sent at kAt
  given.key = code_key_hex(k);
  given.slot = 123456;
  Coupon c;
  c.valid_from = kAt - 3600;
  c.valid_until = kAt + 86400;
  // Hours later, offline: the code of that window, as the server would make it.
  const UnixSeconds later = kAt + 5 * 3600 + 17;
  const std::optional<CouponCode> d = device_code(given, c, later);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->code, code_at(k, 123456, later).code);
  EXPECT_EQ(d->refresh_after, code_at(k, 123456, later).refresh_after);
  EXPECT_EQ(d->key, given.key);
  EXPECT_EQ(d->slot, 123456);
  // Its validity's first and last seconds are in; a second outside is not.
  EXPECT_TRUE(device_code(given, c, c.valid_from));
  EXPECT_TRUE(device_code(given, c, c.valid_until));
  EXPECT_FALSE(device_code(given, c, c.valid_from - 1));
  EXPECT_FALSE(device_code(given, c, c.valid_until + 1));
  // No key (an answer without one), or a damaged one: nothing to derive.
  CouponCode keyless = given;
  keyless.key.clear();
  EXPECT_FALSE(device_code(keyless, c, later));
  keyless.key = given.key.substr(1);
  EXPECT_FALSE(device_code(keyless, c, later));
}

}  // namespace
}  // namespace hg
