// gzip (RFC 1952) through zlib, for the station snapshot: the browser's fetch inflates it
// transparently when the response says Content-Encoding: gzip.
#pragma once
#include <string>
#include <string_view>

namespace hg::srv {

std::string gzip_compress(std::string_view bytes, int level = 9);
// For tests and the size benchmark; throws std::runtime_error on a corrupt stream.
std::string gzip_decompress(std::string_view bytes);

}  // namespace hg::srv
