// SHA-256 against the FIPS 180-2 example vectors, plus streaming across block edges.
#include <gtest/gtest.h>

#include <string>

#include "core/coupons/sha256.h"

namespace hg {
namespace {

TEST(Sha256, Fips180_2OneBlock) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, Fips180_2TwoBlocks) {
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, Fips180_2MillionA) {
  Sha256 h;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(chunk);
  EXPECT_EQ(to_hex(h.finish()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, Empty) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, PaddingEdgesMatchOneShotWhenStreamedBytewise) {
  // 55, 56 and 64 bytes are where the length field does or does not fit the last block.
  for (std::size_t n : {55u, 56u, 63u, 64u, 65u, 119u, 120u, 128u}) {
    std::string s(n, 'x');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
    Sha256 h;
    for (char c : s) h.update(&c, 1);
    EXPECT_EQ(to_hex(h.finish()), sha256_hex(s)) << n;
  }
  // A known 56-byte vector: the two-block FIPS message is exactly 56 bytes.
  EXPECT_EQ(std::string("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").size(), 56u);
}

TEST(Sha256, Utf8) {
  // Python: hashlib.sha256("惠工".encode()).hexdigest()
  EXPECT_EQ(sha256_hex("惠工"), "d44ca01cbb6da75c04e492a2b04a905daf19ac36e0911560d717acb5005fdfd6");
}

}  // namespace
}  // namespace hg
