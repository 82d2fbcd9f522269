// JSON and binary through cereal, with the guards the wire needs: a size limit checked
// before parsing and every parse failure turned into an hg::Error rather than an
// exception crossing into the server loop or the UI frame.
// Binary archives are for the device's own trusted cache only, never for client input.
#pragma once
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>
#include <string_view>

#include "core/error.h"

namespace hg {

// The version a versioned model is read at when its JSON object has no
// "cereal_class_version" (a request an integrator wrote by hand): newer than any, so every
// `version >= N` test in a serialize() takes it as the current version.
constexpr std::uint32_t kNewestVersion = UINT32_MAX;

constexpr size_t kMaxJsonBytes = 64 * 1024;  // client requests; big lists flow the other way
// RapidJSON parses recursively: 64 KB of "[[[[…" would overflow the stack of a server thread
// (or the wasm client) long before the size limit, so nesting is checked before parsing too.
constexpr int kMaxJsonDepth = 64;

Error parse_error(const char* what);
Error too_large_error(size_t limit);
// False when objects/arrays in `text` nest deeper than max_depth (brackets inside strings don't count).
bool json_depth_within(std::string_view text, int max_depth);

// {"<name>": value} on one line.
template <class T>
std::string to_json(const char* name, const T& value) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
    ar(cereal::make_nvp(name, value));
  }
  // cereal only has a pretty writer; its line breaks are the only raw '\n' in the text
  // (newlines inside strings are escaped), so dropping them leaves the same JSON on one line.
  std::string json = os.str();
  json.erase(std::remove(json.begin(), json.end(), '\n'), json.end());
  return json;
}

template <class T>
Result<T> from_json(std::string_view text, const char* name, size_t max_bytes = kMaxJsonBytes) {
  if (text.size() > max_bytes) return too_large_error(max_bytes);
  if (!json_depth_within(text, kMaxJsonDepth)) return parse_error("nested too deeply");
  try {
    std::istringstream is{std::string(text)};
    cereal::JSONInputArchive ar(is);
    T value{};
    ar(cereal::make_nvp(name, value));
    return value;
  } catch (const std::exception& e) {
    return parse_error(e.what());
  }
}

template <class T>
std::string to_binary(const T& value) {
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    ar(value);
  }
  return os.str();
}

template <class T>
Result<T> from_binary(std::string_view bytes) {
  try {
    std::istringstream is{std::string(bytes)};
    cereal::PortableBinaryInputArchive ar(is);
    T value{};
    ar(value);
    return value;
  } catch (const std::exception& e) {
    return parse_error(e.what());
  }
}

// {"error":{"code":"…","zh":"…","en":"…","reason":"…"}}: the body of every 4xx/5xx from the
// API ("reason" only when the error has one).
std::string error_to_json(const Error& e);
// Reads such a body back; a body that is not one becomes an error quoting the status
// (unavailable for 5xx, internal otherwise).
Error error_from_json(std::string_view body, int http_status);

}  // namespace hg

namespace cereal {

// Reading a class version from JSON: "cereal_class_version" is optional (see
// hg::kNewestVersion). cereal writes it as an object's first member, so the usual case costs
// one name comparison; elsewhere in the object it is searched for, and when absent the search
// fails without moving the archive.
inline void CEREAL_LOAD_FUNCTION_NAME(JSONInputArchive& ar, NameValuePair<std::uint32_t&>& t) {
  static constexpr const char* kVersionName = "cereal_class_version";
  if (std::strcmp(t.name, kVersionName) == 0) {
    const char* next = ar.getNodeName();
    if (!next || std::strcmp(next, kVersionName) != 0) {
      try {
        ar.setNextName(t.name);
        ar(t.value);
      } catch (const Exception&) {
        t.value = hg::kNewestVersion;
      }
      return;
    }
  }
  ar.setNextName(t.name);
  ar(t.value);
}

}  // namespace cereal
