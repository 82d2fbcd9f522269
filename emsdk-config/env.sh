# Environment for Debian's emscripten 3.1.6: sourced by scripts that run emcc/emcmake.
# Its JS optimiser imports acorn, which Debian ships as node-acorn in /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# Debian's cache is frozen (ports cannot be fetched): never let emcc try to rebuild it.
export EM_FROZEN_CACHE=1
