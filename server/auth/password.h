// Passwords are kept only as Argon2id hashes (libsodium's crypto_pwhash_str: salt and cost
// inside the string), so a stolen database does not give away members' passwords.
#pragma once
#include <string>
#include <string_view>

namespace hg::srv {

// Memory-hard at libsodium's "interactive" cost (64 MiB, ~0.1 s): sign-in stays quick for a
// person and slow for someone trying millions of guesses.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);

}  // namespace hg::srv
