// The app's one text match, for every search box (home's search over campaigns, stations
// and services; the station map's search): a normalised substring match. Chinese needs no
// segmentation or pinyin: UTF-8 is self-synchronising, so a byte substring of valid UTF-8 is
// a character substring. Normalising trims the ends, collapses runs of white space (also the
// ideographic space U+3000) to one ASCII space, turns full-width ASCII (Ａ, ５ from a Chinese
// IME) into ASCII and folds ASCII letters to lower case.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace hg {

// `text` normalised as above; a query is normalised once, then matched against many texts.
std::string search_key(std::string_view text);

// Where the normalised `key` occurs in `text` (normalised here), as a byte offset into the
// normalised text; npos when it does not, or when `key` is empty.
std::size_t search_find(std::string_view text, std::string_view key);

inline bool search_matches(std::string_view text, std::string_view key) {
  return search_find(text, key) != std::string_view::npos;
}

}  // namespace hg
