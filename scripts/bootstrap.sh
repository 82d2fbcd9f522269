#!/usr/bin/env bash
# Installs whatever the build, the tests and `make run` need and is missing, saying what and
# why; then fetches the Debian source packages built for wasm and builds SDL2 for wasm once.
# A second run only checks, and takes a second or two.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"

# package            why
apt_packages="
cmake                 build system (presets, CTest)
ninja-build           fast incremental builds
g++                   native compiler
pkg-config            locating system libraries
emscripten            C++ to WebAssembly (Debian's 3.1.6)
node-acorn            emscripten's JS optimiser imports acorn
dpkg-dev              apt-get source unpacks with dpkg-source
libboost-dev          Boost.Beast/Asio HTTP server and native HTTP client
libsqlite3-dev        embedded store
zlib1g-dev            gzip of the station snapshot (150,000 stations in under 3 MB)
libcereal-dev         serialisation of the shared models
rapidjson-dev         cereal's JSON archive
libgtest-dev          unit tests
libbenchmark-dev      micro-benchmarks
libsdl2-dev           desktop client window and input
libgl-dev             desktop client OpenGL
libqrcodegencpp-dev   QR codes (native)
libsodium-dev         password hashing (Argon2id), session and redemption-code HMACs
fonts-wqy-microhei    CJK font the UI subset is cut from
fonttools             pyftsubset cuts the font subset
brotli                precompressed .br static files
chromium              end-to-end tests and screenshots (headless, WebGL2 via SwiftShader)
xvfb                  desktop client checks without a display
xauth                 xvfb-run needs it
libgl1-mesa-dri       OpenGL under Xvfb (llvmpipe)
faketime              scripts/anytime.sh: the suite with the clock moved to New Year, a leap day, …
"
# Node.js and npm may come from elsewhere than Debian (as on the CI image): only install
# Debian's when no node is on the PATH at all.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_packages+="nodejs end-to-end test runner
npm pinned test packages (playwright-core, pngjs)"
fi

missing=()
while read -r pkg why; do
  [ -n "$pkg" ] || continue
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
    say "will install $pkg: $why"
  fi
done <<<"$apt_packages"
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "need root to apt-get install: ${missing[*]}"
  say "apt-get update"
  apt-get update -q >/dev/null
  say "apt-get install ${missing[*]} (a few minutes the first time)"
  run_logged "$HUIGONG_CACHE/apt-install.log" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages for the browser tests, pinned by tests/e2e/package-lock.json. Node itself
# comes from Debian; playwright-core never downloads a browser: it drives Debian's chromium.
if [ ! -f "$root/node_modules/.package-lock.json" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  say "npm ci (playwright-core, pngjs: pinned in package-lock.json)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Third-party sources compiled from Debian source packages, cached by version.
imgui_dir=$("$root/scripts/apt-source.sh" imgui 1.92.2b+ds-1 1.92. | tail -n 1)
qr_dir=$("$root/scripts/apt-source.sh" qr-code-generator 1.8.0-1.1 1.8 | tail -n 1)
"$root/emsdk-config/build-sdl2.sh"
sdl_dir=$(ls -d "$HUIGONG_CACHE"/sdl2-wasm-2.26.5* | head -n 1)

mkdir -p "$root/build"
deps=$root/build/deps.cmake
cat >"$deps.new" <<DEPS
# Written by scripts/bootstrap.sh: where this clone's cached third-party sources are.
set(IMGUI_DIR "$imgui_dir")
set(QRCODEGEN_DIR "$qr_dir")
set(SDL2_WASM_DIR "$sdl_dir")
DEPS
if ! cmp -s "$deps.new" "$deps"; then mv "$deps.new" "$deps"; else rm "$deps.new"; fi
say "dependencies ready (ImGui $(basename "$imgui_dir"), SDL2 wasm $(basename "$sdl_dir"))"
