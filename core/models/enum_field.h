// Range checks for enum fields of cereal models. cereal reads an enum as its plain integer,
// so a client or a corrupted cache could hand us Brand(200); models call check_enum after
// reading, which turns an out-of-range value into a parse error (invalid_input through
// from_json / from_binary) instead of a value no switch expects.
//
//   ar(CEREAL_NVP(id), CEREAL_NVP(brand));
//   check_enum<Archive>(brand, Brand::consume, "brand");
#pragma once
#include <cereal/cereal.hpp>
#include <string>
#include <type_traits>

namespace hg {

template <class Archive>
constexpr bool is_loading_archive = std::is_base_of_v<cereal::detail::InputArchiveBase, Archive>;

// `last` is the highest valid value; our enums are dense from 0 (unsigned underlying types).
template <class Archive, class E>
void check_enum(E value, E last, const char* name) {
  if constexpr (is_loading_archive<Archive>) {
    using U = std::underlying_type_t<E>;
    if (static_cast<U>(value) > static_cast<U>(last)) throw cereal::Exception(std::string("value out of range: ") + name);
  }
}

}  // namespace hg
