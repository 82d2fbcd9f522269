#include "core/coupons/hmac.h"

#include <array>
#include <cstdint>

namespace hg {

Sha256Digest hmac_sha256(std::string_view key, std::string_view message) {
  constexpr std::size_t kBlock = 64;
  std::array<std::uint8_t, kBlock> k{};
  if (key.size() > kBlock) {
    const Sha256Digest d = sha256(key);
    for (std::size_t i = 0; i < d.size(); ++i) k[i] = d[i];
  } else {
    for (std::size_t i = 0; i < key.size(); ++i) k[i] = static_cast<std::uint8_t>(key[i]);
  }
  std::array<std::uint8_t, kBlock> ipad{}, opad{};
  for (std::size_t i = 0; i < kBlock; ++i) {
    ipad[i] = static_cast<std::uint8_t>(k[i] ^ 0x36);
    opad[i] = static_cast<std::uint8_t>(k[i] ^ 0x5c);
  }
  const Sha256Digest inner = Sha256().update(ipad.data(), ipad.size()).update(message).finish();
  return Sha256().update(opad.data(), opad.size()).update(inner.data(), inner.size()).finish();
}

}  // namespace hg
