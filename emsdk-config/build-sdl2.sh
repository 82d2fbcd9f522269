#!/usr/bin/env bash
# Build SDL2 for WebAssembly from Debian's libsdl2 source package (the same 2.26.5 as the
# native libsdl2-dev), once, into $HUIGONG_CACHE/sdl2-wasm-<version>.
# Why: emscripten's own -sUSE_SDL=2 port would be downloaded, and Debian's cache is frozen.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../scripts/lib.sh"
. "$here/env.sh"
version=2.26.5+dfsg-1
prefix=$HUIGONG_CACHE/sdl2-wasm-$version
if [ -f "$prefix/.built" ]; then say "SDL2 for wasm: cached ($prefix)"; exit 0; fi
src=$("$here/../scripts/apt-source.sh" libsdl2 "$version" 2.26 | tail -n 1)
build=$HUIGONG_CACHE/build/sdl2-wasm-$version
rm -rf "$build" "$prefix"
say "building SDL2 $version for wasm (one time, about 5 minutes on 2 cores)"
# Audio, threads and the test library are off: the app draws and reads input, nothing more.
run_logged "$HUIGONG_CACHE/sdl2-wasm-build.log" bash -c "
  emcmake cmake -S '$src' -B '$build' -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX='$prefix' -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
    -DSDL_AUDIO=OFF -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF \
    -DSDL_POWER=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF &&
  cmake --build '$build' -j\$(nproc) && cmake --install '$build'"
touch "$prefix/.built"
say "SDL2 for wasm installed in $prefix"
