// SHA-256 (FIPS 180-4) for the lottery's commit-reveal draw and, through HMAC
// (core/coupons/hmac.h), coupon codes. Debian 12 packages no small header-only C++ SHA-256
// usable from emscripten (picosha2 is not packaged), and core may not link OpenSSL, so this
// is our own compact implementation, tested against the FIPS 180-2 example vectors. Its
// running time depends on the input's length only (no branch or table index on the data),
// so it may hash keys.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hg {

using Sha256Digest = std::array<std::uint8_t, 32>;

class Sha256 {
 public:
  Sha256();
  Sha256& update(const void* data, std::size_t size);
  Sha256& update(std::string_view text) { return update(text.data(), text.size()); }
  // Pads and returns the digest; the object must not be updated afterwards.
  Sha256Digest finish();

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buf_{};
  std::size_t buf_len_ = 0;
  std::uint64_t total_bytes_ = 0;
};

Sha256Digest sha256(std::string_view data);
// Lower-case hex, 64 characters: the form published for commitments.
std::string to_hex(const Sha256Digest& digest);
std::string sha256_hex(std::string_view data);

}  // namespace hg
