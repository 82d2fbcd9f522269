// Block<T>: a fixed-size array of a trivially copyable T, for the index's large arrays. Like
// std::vector it owns, copies and moves its elements, but it neither zeroes them on creation
// nor visits them on destruction: in the -Os browser build, where nothing is inlined unless
// always_inline, std::vector does both one call per element (about 1 ms for a 150,000-point
// index's 450,000 elements).
#pragma once
#include <cstddef>
#include <cstring>
#include <memory>
#include <type_traits>
#include <utility>

#include "core/stations/inline.h"

namespace hg::stations {

template <class T>
class Block {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  Block() = default;
  explicit Block(std::size_t n) : data_(n ? new T[n] : nullptr), size_(n) {}  // elements left unset
  Block(const Block& other) : Block(other.size_) {
    if (size_) std::memcpy(data_.get(), other.data_.get(), size_ * sizeof(T));
  }
  Block& operator=(const Block& other) {
    if (this != &other) *this = Block(other);
    return *this;
  }
  Block(Block&& other) noexcept : data_(std::move(other.data_)), size_(std::exchange(other.size_, 0)) {}
  Block& operator=(Block&& other) noexcept {
    data_ = std::move(other.data_);
    size_ = std::exchange(other.size_, 0);
    return *this;
  }

  HG_INLINE std::size_t size() const { return size_; }
  HG_INLINE bool empty() const { return size_ == 0; }
  HG_INLINE T* data() { return data_.get(); }
  HG_INLINE const T* data() const { return data_.get(); }
  HG_INLINE T& operator[](std::size_t i) { return data_[i]; }
  HG_INLINE const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  std::unique_ptr<T[]> data_;
  std::size_t size_ = 0;
};

}  // namespace hg::stations
