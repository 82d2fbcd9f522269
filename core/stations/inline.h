// HG_INLINE: inline, whatever the optimisation flags. The browser build is -Os, with which
// emscripten 3.1.6 adds -fno-inline-functions and clang 14 then inlines nothing that is not
// always_inline: a search's one-line helpers, and std::vector's operator[], would each stay
// a call per point. So the hot loops use HG_INLINE helpers and plain pointers.
#pragma once

#define HG_INLINE inline __attribute__((always_inline))

namespace hg::stations {

// std::min and std::max for doubles (same results, NaN included), always inlined.
HG_INLINE double min_of(double a, double b) { return b < a ? b : a; }
HG_INLINE double max_of(double a, double b) { return a < b ? b : a; }

}  // namespace hg::stations
