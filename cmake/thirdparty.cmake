# Header-only and prebuilt third-party pieces, one target each, the same names natively
# and in wasm so that the rest of the build never asks which side it is on.

# cereal (+ RapidJSON for its JSON archive), from Debian's libcereal-dev and rapidjson-dev.
if(EMSCRIPTEN)
  # Stage just these two header trees: putting /usr/include on emcc's path would pull in
  # glibc headers in place of emscripten's musl ones.
  set(HUIGONG_CEREAL_INCLUDE ${CMAKE_BINARY_DIR}/staged-include)
  foreach(dir cereal rapidjson)
    if(NOT EXISTS ${HUIGONG_CEREAL_INCLUDE}/${dir})
      file(COPY /usr/include/${dir} DESTINATION ${HUIGONG_CEREAL_INCLUDE})
    endif()
  endforeach()
else()
  set(HUIGONG_CEREAL_INCLUDE "")
endif()

# SDL2: Debian's libsdl2-dev natively; for wasm the same 2.26.5 built from Debian's source
# package by emsdk-config/build-sdl2.sh (emscripten's own SDL port would be downloaded).
add_library(huigong_sdl2 INTERFACE)
if(EMSCRIPTEN)
  target_include_directories(huigong_sdl2 SYSTEM INTERFACE ${SDL2_WASM_DIR}/include/SDL2)
  target_link_libraries(huigong_sdl2 INTERFACE ${SDL2_WASM_DIR}/lib/libSDL2.a)
  target_link_options(huigong_sdl2 INTERFACE -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(huigong_sdl2 INTERFACE SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
endif()

# qrcodegen (nayuki): Debian's static library natively; compiled from its source package
# for wasm (QRCODEGEN_DIR from build/deps.cmake).
if(EMSCRIPTEN)
  add_library(qrcodegen STATIC ${QRCODEGEN_DIR}/cpp/qrcodegen.cpp)
  target_include_directories(qrcodegen SYSTEM PUBLIC ${QRCODEGEN_DIR}/cpp)
else()
  add_library(qrcodegen INTERFACE)
  target_include_directories(qrcodegen SYSTEM INTERFACE /usr/include/qrcodegen)
  target_link_libraries(qrcodegen INTERFACE /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/libqrcodegencpp.a)
endif()

# Native only: threads and Boost's header-only Beast/Asio (server, desktop HTTP client).
if(NOT EMSCRIPTEN)
  find_package(Threads REQUIRED)
  find_package(Boost 1.74 REQUIRED)
  # One target with one set of Beast options for every user: Beast is header-only, so two
  # translation units compiled with different string_view settings break the ODR and crash
  # when linked into one binary (the UI tests link the server and the desktop client).
  add_library(huigong_beast INTERFACE)
  target_include_directories(huigong_beast SYSTEM INTERFACE ${Boost_INCLUDE_DIRS})
  target_compile_definitions(huigong_beast INTERFACE BOOST_BEAST_USE_STD_STRING_VIEW BOOST_ASIO_NO_DEPRECATED)
  target_link_libraries(huigong_beast INTERFACE Threads::Threads)
endif()
