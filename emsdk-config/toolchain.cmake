# CMake toolchain for Debian's emscripten 3.1.6 (package `emscripten`), used by the
# wasm-release preset. The quirks of that version live here and in env.sh, one line each.
include(/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake)

# Emscripten-built modules run under Node 20 only without its built-in fetch, which
# shadows emscripten's own loader.
set(CMAKE_CROSSCOMPILING_EMULATOR node --no-experimental-fetch CACHE STRING "")

# Ports are never used: Debian's cache is frozen and nothing may be downloaded. SDL2 comes
# from emsdk-config/build-sdl2.sh instead of -sUSE_SDL=2.
set(HUIGONG_WASM ON)

# Size over speed for the download: -Os everywhere in the wasm build.
set(CMAKE_C_FLAGS_RELEASE "-Os -DNDEBUG" CACHE STRING "")
set(CMAKE_CXX_FLAGS_RELEASE "-Os -DNDEBUG" CACHE STRING "")
# cereal reports bad JSON by throwing; native wasm exceptions are smaller and faster than
# emscripten's JS-emulated ones and every WebGL2-capable browser has them.
add_compile_options($<$<COMPILE_LANGUAGE:CXX>:-fwasm-exceptions>)
add_link_options(-fwasm-exceptions)
